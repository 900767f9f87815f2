#!/usr/bin/env python3
"""Refreshes grammars/antlr/io/jdissect/filter/examples/*.txt: the filters tshark accepted in the
project filter suite (filter-suite.expected.tsv), grouped by the constructs they exercise."""
import os, re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
expected = os.path.join(root, "src/test/resources/io/jdissect/filter/filter-suite.expected.tsv")
out_dir = os.path.join(root, "grammars/antlr/io/jdissect/filter/examples")
order = ["functions-and-arithmetic", "sets", "slices-and-layers", "strings-and-regex", "addresses-and-bytes",
         "comparisons-and-logic"]

def category(f):
    g = re.sub(r'"(\\.|[^"\\])*"', '""', f)
    if re.search(r'\b(len|count|upper|lower|string|max|min|abs)\(|(?<!&)&(?!&)| [+*/%] | - |bitwise_and|^-|\{frame', g):
        return "functions-and-arithmetic"
    if re.search(r'\bin\b|!in', g):
        return "sets"
    if re.search(r'\[|#', g):
        return "slices-and-layers"
    if re.search(r'""|matches|~|contains', g):
        return "strings-and-regex"
    if re.search(r'\d+\.\d+\.\d+\.\d+|[0-9a-f]{2}[:.-][0-9a-f]{2}|::', g):
        return "addresses-and-bytes"
    return "comparisons-and-logic"

rows = []
with open(expected) as f:
    for line in f:
        if line.startswith("#"):
            continue
        capture, filt, result = line.rstrip("\n").split("\t", 2)
        if result.startswith("frames") and filt not in rows:
            rows.append(filt)
cats = {k: [] for k in order}
for f in rows:
    cats[category(f)].append(f)
for k in order:
    with open(os.path.join(out_dir, k + ".txt"), "w") as o:
        o.write("# Display filters tshark 4.0.17 accepts (taken from the project filter suite), one per line;\n")
        o.write("# GrammarExamplesTest parses and compiles each of them. Written by scripts/grammar-examples.py.\n")
        for f in cats[k]:
            o.write(f + "\n")
