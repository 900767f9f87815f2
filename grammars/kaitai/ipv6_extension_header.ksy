meta:
  id: ipv6_extension_header
  title: Start of an IPv6 extension header (RFC 8200 section 4.2, 2 bytes)
  endian: be
doc: |
  Hop-by-Hop Options, Routing and Destination Options headers all start with the next header and
  their length in 8-octet units, not counting the first 8 octets.
seq:
  - id: next_header
    type: u1
  - id: length
    type: u1
instances:
  length_octets:
    value: (length + 1) * 8
