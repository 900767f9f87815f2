meta:
  id: vlan_tag
  title: IEEE 802.1Q / 802.1ad tag after its TPID (4 bytes)
  endian: be
doc: The tag control information (priority, drop eligible, VLAN id) and the encapsulated type/length.
seq:
  - id: priority
    type: b3
  - id: dei
    type: b1
  - id: vlan_id
    type: b12
  - id: type_or_length
    type: u2
