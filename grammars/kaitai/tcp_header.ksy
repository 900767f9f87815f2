meta:
  id: tcp_header
  title: TCP header (RFC 9293 section 3.1)
  endian: be
doc: |
  The fixed 20 bytes of a TCP header. The options that follow (data_offset * 4 - 20
  bytes) are walked by TcpOptions: tshark reports a malformed option (bad length)
  as an item and goes on, which a strict grammar cannot express.
seq:
  - id: src_port
    type: u2
  - id: dst_port
    type: u2
  - id: seq_num
    type: u4
  - id: ack_num
    type: u4
  - id: data_offset
    type: b4
    doc: header length in 32-bit words
  - id: flags
    type: b12
    doc: reserved (3 bits), AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN
  - id: window
    type: u2
  - id: checksum
    type: u2
  - id: urgent_pointer
    type: u2
