meta:
  id: ipv4_header
  title: IPv4 header, fixed part (RFC 791 section 3.1, 20 bytes)
  endian: be
doc: |
  The 20 fixed bytes; options (IHL above 5) follow and are read by the dissector. The fields that
  share a byte or two are read as whole bytes and split by value instances, computed only when
  asked for: a bit field costs a read of its own in Kaitai's runtime, and every packet has eight.
seq:
  - id: version_ihl
    type: u1
  - id: dscp_ecn
    type: u1
  - id: total_length
    type: u2
  - id: identification
    type: u2
  - id: flags_fragment_offset
    type: u2
  - id: ttl
    type: u1
  - id: protocol
    type: u1
  - id: checksum
    type: u2
  - id: src
    type: u4
  - id: dst
    type: u4
instances:
  version:
    value: version_ihl >> 4
  ihl:
    doc: Header length in 32-bit words.
    value: version_ihl & 0x0f
  dscp:
    doc: RFC 2474 Differentiated Services codepoint.
    value: dscp_ecn >> 2
  ecn:
    doc: RFC 3168 Explicit Congestion Notification.
    value: dscp_ecn & 0x03
  flag_reserved:
    value: (flags_fragment_offset & 0x8000) != 0
  flag_dont_fragment:
    value: (flags_fragment_offset & 0x4000) != 0
  flag_more_fragments:
    value: (flags_fragment_offset & 0x2000) != 0
  fragment_offset:
    doc: In units of 8 bytes.
    value: flags_fragment_offset & 0x1fff
