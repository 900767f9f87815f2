meta:
  id: ipv6_fragment_header
  title: IPv6 Fragment header (RFC 8200 section 4.5, 8 bytes)
  endian: be
seq:
  - id: next_header
    type: u1
  - id: reserved
    type: u1
  - id: fragment_offset
    doc: In 8-octet units.
    type: b13
  - id: reserved_bits
    type: b2
  - id: more_fragments
    type: b1
  - id: identification
    type: u4
