meta:
  id: udp_header
  title: UDP header (RFC 768), 8 bytes
  endian: be
doc: Source and destination ports, the length of header plus data, and the checksum (0 = none).
seq:
  - id: src_port
    type: u2
  - id: dst_port
    type: u2
  - id: length
    type: u2
  - id: checksum
    type: u2
