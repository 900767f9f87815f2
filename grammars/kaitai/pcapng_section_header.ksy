meta:
  id: pcapng_section_header
  title: pcapng Section Header Block, fixed fields after the block type and length (16 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: |
  The byte-order magic says the byte order of the whole section (draft-ietf-opsawg-pcapng
  section 4.1): the reader tells the order it saw, and the magic is checked in that order.
params:
  - id: little_endian
    type: bool
seq:
  - id: byte_order_magic
    type: u4
    valid: 0x1a2b3c4d
  - id: major_version
    type: u2
  - id: minor_version
    type: u2
  - id: section_length
    doc: -1 when not specified.
    type: s8
