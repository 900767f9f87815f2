meta:
  id: ipv6_header
  title: IPv6 fixed header (RFC 8200 section 3, 40 bytes)
  endian: be
doc: |
  The version, traffic class and flow label share the first 32 bits, read as one word and split by
  value instances (a bit field is a read of its own in Kaitai's runtime).
seq:
  - id: version_class_flow
    type: u4
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
instances:
  version:
    value: version_class_flow >> 28
  traffic_class:
    value: (version_class_flow >> 20) & 0xff
  flow_label:
    value: version_class_flow & 0xfffff
