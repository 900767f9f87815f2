meta:
  id: tcp_header
  title: TCP header (RFC 9293 section 3.1)
  endian: be
doc: |
  The fixed 20 bytes of a TCP header. The options that follow (data_offset * 4 - 20
  bytes) are walked by TcpOptions: tshark reports a malformed option (bad length)
  as an item and goes on, which a strict grammar cannot express. The data offset and the flags
  share a 16-bit word, read whole and split by value instances (a bit field is a read of its own
  in Kaitai's runtime).
seq:
  - id: src_port
    type: u2
  - id: dst_port
    type: u2
  - id: seq_num
    type: u4
  - id: ack_num
    type: u4
  - id: offset_and_flags
    type: u2
    doc: data_offset and flags, read as one word (see the instances)
  - id: window
    type: u2
  - id: checksum
    type: u2
  - id: urgent_pointer
    type: u2
instances:
  data_offset:
    value: offset_and_flags >> 12
    doc: header length in 32-bit words
  flags:
    value: offset_and_flags & 0x0fff
    doc: reserved (3 bits), AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN
