"""The size of the self-assessment's JavaScript and CSS as browsers download them, gzipped.

    python scripts/asset_size.py      # prints each file and the total; fails over the budget

Each file is served and compressed on its own, so the budget is the sum of each file gzipped
(level 9, as `gzip -9` or a static host pre-compresses it).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every file of the feature (other features' modules share docs/assets/js/).
FILES = [ROOT / "docs" / "assets" / name for name in ("js/self-assessment.mjs", "js/state.mjs", "self-assessment.css")]
# "Under 12 KB": read strictly, as 12,000 bytes.
BUDGET = 12_000


def sizes() -> dict[str, tuple[int, int]]:
    """Each file's size as (bytes, bytes gzipped), by path relative to the project."""
    out = {}
    for path in FILES:
        data = path.read_bytes()
        out[str(path.relative_to(ROOT))] = (len(data), len(gzip.compress(data, 9)))
    return out


def main() -> int:
    found = sizes()
    for name, (raw, packed) in found.items():
        print(f"{packed:6,} B gzipped  {raw:7,} B  {name}")
    total = sum(packed for _, packed in found.values())
    print(f"{total:6,} B gzipped in all; budget {BUDGET:,} B ({total / BUDGET:.0%})")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
