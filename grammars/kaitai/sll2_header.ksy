meta:
  id: sll2_header
  title: Linux cooked capture v2 header (LINKTYPE_LINUX_SLL2, 20 bytes)
  endian: be
doc: https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html
seq:
  - id: protocol
    type: u2
  - id: reserved
    type: u2
  - id: ifindex
    type: u4
  - id: hatype
    type: u2
  - id: packet_type
    type: u1
  - id: halen
    type: u1
  - id: address
    size: 8
