#!/usr/bin/env python3
"""Reference for jdissect's MIME attachment decoding: Python's email package (policy.default) reads
every message tshark exported from the shared captures (../shared/testdata/*/X.export-imf/) and
lists each leaf part that is an attachment or has a file name, decoded, with its SHA-256. Messages
Python finds defective (broken structure: its reading is one guess among others) are listed as
"# defective" lines instead.
Run from the project root: python3 testdata/imf/attachments_reference.py > testdata/imf/attachments_reference.tsv"""
import email, glob, hashlib, os
from email import policy

print("capture\tfile\tname\ttype\tsize\tsha256")
for f in sorted(glob.glob('../shared/testdata/*/*.export-imf/*')):
    m = email.message_from_bytes(open(f, 'rb').read(), policy=policy.default)
    capture = os.path.basename(os.path.dirname(f))[:-len('.export-imf')]
    defects = [type(d).__name__ for p in m.walk() for d in p.defects]
    if defects:
        print('# defective\t%s\t%s\t%s' % (capture, os.path.basename(f), ','.join(defects)))
        continue
    for part in m.walk():
        if part.is_multipart():
            continue
        name = part.get_filename()
        if part.get_content_disposition() == 'attachment' or name:
            data = part.get_payload(decode=True) or b''
            print('\t'.join([capture, os.path.basename(f),
                             name or '', part.get_content_type(), str(len(data)), hashlib.sha256(data).hexdigest()]))
