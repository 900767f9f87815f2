meta:
  id: ethernet_header
  title: Ethernet II / IEEE 802.3 MAC header (14 bytes)
  endian: be
doc: |
  Destination and source MAC addresses and the type/length field (IEEE 802.3 clause 3.2):
  values of 0x0600 and above are an EtherType, 1500 and below an 802.3 length.
seq:
  - id: dst
    size: 6
  - id: src
    size: 6
  - id: type_or_length
    type: u2
