meta:
  id: pcapng_options
  title: pcapng options list
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: |
  Type-length-value options, each value padded to 32 bits, ended by opt_endofopt or by the end
  of the block body (draft-ietf-opsawg-pcapng section 3.5).
params:
  - id: little_endian
    type: bool
seq:
  - id: options
    type: option
    repeat: until
    repeat-until: _.code == 0 or _io.size - _io.pos < 4
types:
  option:
    seq:
      - id: code
        type: u2
      - id: len_value
        type: u2
      - id: value
        size: len_value
      - id: padding
        size: (4 - len_value % 4) % 4
