meta:
  id: pcap_file_header
  endian: le
seq:
  - id: magic
    size: 4
