meta:
  id: snap_header
  title: IEEE 802 SNAP header after an LLC header with DSAP and SSAP 0xAA
  endian: be
doc: |
  Organizationally unique identifier and protocol id (IEEE Std 802-2014 clause 10.3); with OUI
  00-00-00 (RFC 1042 encapsulation) the protocol id is an EtherType. The 24-bit OUI is read as a
  byte and a 16-bit word and joined by a value instance (a bit field is read a bit at a time in
  Kaitai's runtime).
seq:
  - id: oui_high
    type: u1
  - id: oui_low
    type: u2
  - id: pid
    type: u2
instances:
  oui:
    value: (oui_high << 16) | oui_low
