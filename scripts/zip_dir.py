#!/usr/bin/env python3
"""Zips a folder's files (sorted, fixed timestamps, so the same files give
the same zip) for a browser extension store: python3 scripts/zip_dir.py DIR OUT.zip"""
import os
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
files = sorted(
    os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs
)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for rel in files:
        info = zipfile.ZipInfo(rel.replace(os.sep, "/"), date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(src, rel), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
print(f"{out}: {os.path.getsize(out)} bytes, {len(files)} files")
