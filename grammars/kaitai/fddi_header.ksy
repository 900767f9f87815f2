meta:
  id: fddi_header
  title: FDDI MAC header (ANSI X3.139), 13 bytes
  endian: be
doc: |
  Frame control, then destination and source addresses. In captures of link type FDDI
  (LINKTYPE_FDDI 10) the addresses are stored in FDDI's bit order, each octet bit-reversed
  relative to the canonical (Ethernet) order Wireshark shows.
seq:
  - id: frame_control
    type: u1
  - id: dst
    size: 6
  - id: src
    size: 6
