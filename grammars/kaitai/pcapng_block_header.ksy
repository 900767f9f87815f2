meta:
  id: pcapng_block_header
  title: pcapng block type and total length (8 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: |
  Every pcapng block starts with its type and its total length (draft-ietf-opsawg-pcapng
  section 3.1), in the byte order of the section it is in; the same length repeats at its end.
params:
  - id: little_endian
    type: bool
seq:
  - id: block_type
    type: u4
  - id: block_total_length
    type: u4
