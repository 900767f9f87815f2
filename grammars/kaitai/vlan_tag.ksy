meta:
  id: vlan_tag
  title: IEEE 802.1Q / 802.1ad tag after its TPID (4 bytes)
  endian: be
doc: |
  The tag control information (priority, drop eligible, VLAN id) and the encapsulated type/length.
  The three parts of the tag control information are one 16-bit word, read whole and split by value
  instances (a bit field is a read of its own in Kaitai's runtime).
seq:
  - id: tci
    type: u2
  - id: type_or_length
    type: u2
instances:
  priority:
    value: tci >> 13
  dei:
    value: (tci & 0x1000) != 0
  vlan_id:
    value: tci & 0x0fff
