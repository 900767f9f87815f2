meta:
  id: ipv6_header
  title: IPv6 fixed header (RFC 8200 section 3, 40 bytes)
  endian: be
seq:
  - id: version
    type: b4
  - id: traffic_class
    type: b8
  - id: flow_label
    type: b20
  - id: payload_length
    type: u2
  - id: next_header
    type: u1
  - id: hop_limit
    type: u1
  - id: src
    size: 16
  - id: dst
    size: 16
