meta:
  id: pcapng_interface_description
  title: pcapng Interface Description Block, fixed fields (8 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: draft-ietf-opsawg-pcapng section 4.2; options follow.
params:
  - id: little_endian
    type: bool
seq:
  - id: link_type
    type: u2
  - id: reserved
    type: u2
  - id: snap_len
    type: u4
