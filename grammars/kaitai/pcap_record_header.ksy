meta:
  id: pcap_record_header
  title: libpcap packet record header (16 bytes)
  endian:
    switch-on: little_endian
    cases:
      true: le
      false: be
doc: The header before each packet's bytes in a pcap file, in the byte order of the file header.
params:
  - id: little_endian
    type: bool
seq:
  - id: ts_sec
    type: u4
  - id: ts_frac
    doc: Microseconds or nanoseconds, as the file's magic number says.
    type: u4
  - id: incl_len
    doc: Bytes of the packet stored in the file.
    type: u4
  - id: orig_len
    doc: Bytes the packet had on the wire.
    type: u4
