"""Make office files byte-for-byte reproducible.

python-docx and odfpy stamp every ZIP entry with the time of saving, so two builds of the same
content differ. `normalise_zip` rewrites a package with a fixed time, fixed permissions and a
fixed entry order; ODF's `mimetype` entry goes first and uncompressed, as the standard requires.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can hold
FIRST = ("mimetype", "[Content_Types].xml")


def normalise_zip(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    order = [n for n in FIRST if n in entries] + sorted(n for n in entries if n not in FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
