meta:
  id: ipv4_header
  title: IPv4 header, fixed part (RFC 791 section 3.1, 20 bytes)
  endian: be
doc: The 20 fixed bytes; options (IHL above 5) follow and are read by the dissector.
seq:
  - id: version
    type: b4
  - id: ihl
    doc: Header length in 32-bit words.
    type: b4
  - id: dscp
    doc: RFC 2474 Differentiated Services codepoint.
    type: b6
  - id: ecn
    doc: RFC 3168 Explicit Congestion Notification.
    type: b2
  - id: total_length
    type: u2
  - id: identification
    type: u2
  - id: flag_reserved
    type: b1
  - id: flag_dont_fragment
    type: b1
  - id: flag_more_fragments
    type: b1
  - id: fragment_offset
    doc: In units of 8 bytes.
    type: b13
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
