meta:
  id: pcapng_enhanced_packet
  title: pcapng Enhanced Packet Block, fixed fields (20 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: draft-ietf-opsawg-pcapng section 4.3; the packet data (padded to 32 bits) and options follow.
params:
  - id: little_endian
    type: bool
seq:
  - id: interface_id
    type: u4
  - id: timestamp_high
    type: u4
  - id: timestamp_low
    type: u4
  - id: captured_len
    type: u4
  - id: original_len
    type: u4
