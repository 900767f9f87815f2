meta:
  id: llc_header
  title: IEEE 802.2 LLC header with its first control octet
  endian: be
doc: |
  DSAP, SSAP and the first octet of the control field. Its two low bits say the frame type
  (ISO/IEC 8802-2 section 5.4): xxxxxxx0 information, xxxxxx01 supervisory (both with a second
  control octet), 11 unnumbered (one octet).
seq:
  - id: dsap
    type: u1
  - id: ssap
    type: u1
  - id: control
    type: u1
