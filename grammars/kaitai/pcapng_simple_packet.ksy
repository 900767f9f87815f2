meta:
  id: pcapng_simple_packet
  title: pcapng Simple Packet Block, fixed field (4 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: |
  draft-ietf-opsawg-pcapng section 4.4: no timestamp, always interface 0; the packet data
  (at most the interface's snap length, padded to 32 bits) follows.
params:
  - id: little_endian
    type: bool
seq:
  - id: original_len
    type: u4
