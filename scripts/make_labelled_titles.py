"""Write the fixed evaluation set for clustering: tests/data/labelled_titles.csv (title,group).

Realistic titles and headlines from `scripts/title_corpus.py` (18 occupation groups, varied
vocabulary inside each group, levels, scopes, "@ company | tagline" decoration, other
languages), 80 per group. Deterministic: rerunning writes the same file. The CSV is the fixed
set the tests and `make bench` read; this script is how it was made.

    .venv/bin/python scripts/make_labelled_titles.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from title_corpus import labelled_titles  # noqa: E402

OUT = HERE.parent / "tests" / "data" / "labelled_titles.csv"


def main(n_per_group: int = 80, seed: int = 20261128) -> Path:
    rows = labelled_titles(n_per_group, seed)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "group"])
        w.writerows(rows)
    return OUT


if __name__ == "__main__":
    print(f"wrote {main()}")
