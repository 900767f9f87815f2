meta:
  id: sll_header
  title: Linux cooked capture v1 header (LINKTYPE_LINUX_SLL, 16 bytes)
  endian: be
doc: https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
seq:
  - id: packet_type
    type: u2
  - id: hatype
    doc: ARPHRD_ type of the link-layer address.
    type: u2
  - id: halen
    type: u2
  - id: address
    doc: The first halen bytes (at most 8) are the sender's link-layer address.
    size: 8
  - id: protocol
    type: u2
