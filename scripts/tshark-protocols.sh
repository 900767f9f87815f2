#!/bin/sh
# Writes the filter names of every protocol tshark 4.0 knows, so that filters naming a protocol
# jdissect does not dissect compile as in tshark (the protocol is simply never present):
#   tshark -G protocols | cut -f3
cd "$(dirname "$0")/.."
out=src/main/resources/io/jdissect/filter/tshark-protocols.txt
mkdir -p "$(dirname "$out")"
tshark -G protocols 2>/dev/null | cut -f3 | sort > "$out"
