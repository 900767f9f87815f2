meta:
  id: pcap_file_header
  title: libpcap capture file header (24 bytes)
  # The magic number says the writer's byte order and the timestamp resolution
  # (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-03.html#section-4).
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: |
  The fixed header at the start of a pcap file; the reader parses only these 24 bytes. The reader
  tells the byte order it saw in the magic number; the magic is then checked in that order.
params:
  - id: little_endian
    type: bool
seq:
  - id: magic
    type: u4
    valid:
      any-of: [0xa1b2c3d4, 0xa1b23c4d]
  - id: version_major
    type: u2
  - id: version_minor
    type: u2
  - id: thiszone
    type: s4
  - id: sigfigs
    type: u4
  - id: snaplen
    type: u4
  - id: linktype_and_fcs
    type: u4
instances:
  nanosecond:
    value: magic == 0xa1b23c4d
  link_type:
    doc: The low 16 bits; the upper ones carry FCS information (draft section 4, LinkType and additional information).
    value: linktype_and_fcs & 0xffff
