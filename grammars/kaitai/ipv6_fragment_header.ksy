meta:
  id: ipv6_fragment_header
  title: IPv6 Fragment header (RFC 8200 section 4.5, 8 bytes)
  endian: be
doc: |
  The fragment offset, the two reserved bits and the M flag share one 16-bit word, read whole and
  split by value instances (a bit field is a read of its own in Kaitai's runtime).
seq:
  - id: next_header
    type: u1
  - id: reserved
    type: u1
  - id: offset_and_flags
    type: u2
  - id: identification
    type: u4
instances:
  fragment_offset:
    doc: In 8-octet units.
    value: offset_and_flags >> 3
  reserved_bits:
    value: (offset_and_flags >> 1) & 3
  more_fragments:
    value: (offset_and_flags & 1) != 0
