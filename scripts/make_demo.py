"""Regenerate the shipped demo export (core/data/demo_export.zip) from core/demo.py.

    python scripts/make_demo.py           # write the zip
    python scripts/make_demo.py --check   # exit 1 if the shipped zip is not what core/demo.py makes
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.demo import DEMO_PATH, generate_export  # noqa: E402


def _contents(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the shipped zip with a fresh one instead of writing it")
    args = parser.parse_args()
    data = generate_export()
    if args.check:
        same = DEMO_PATH.exists() and _contents(DEMO_PATH.read_bytes()) == _contents(data)
        print(f"{DEMO_PATH}: {'up to date' if same else 'OUT OF DATE, run scripts/make_demo.py'}")
        return 0 if same else 1
    DEMO_PATH.parent.mkdir(parents=True, exist_ok=True)
    DEMO_PATH.write_bytes(data)
    print(f"wrote {DEMO_PATH} ({len(data) / 1024:.0f} KB)")
    for name, body in _contents(data):
        lines = body.count(b"\n") + 1
        print(f"  {name:<16} {len(body) / 1024:7.1f} KB, {lines:>5} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
