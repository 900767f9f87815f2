meta:
  id: snap_header
  title: IEEE 802 SNAP header after an LLC header with DSAP and SSAP 0xAA
  endian: be
doc: |
  Organizationally unique identifier and protocol id (IEEE Std 802-2014 clause 10.3); with OUI
  00-00-00 (RFC 1042 encapsulation) the protocol id is an EtherType.
seq:
  - id: oui
    type: b24
  - id: pid
    type: u2
