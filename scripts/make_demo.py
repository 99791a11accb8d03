"""Regenerate the committed demo exports (core/data/demo_*.zip, one per persona) from core/demo/.

    python scripts/make_demo.py           # write every persona's zip (`make demo`)
    python scripts/make_demo.py --check   # exit 1 if a committed zip is not what core/demo makes

The app only reads these files; it never runs the generator. Run this after changing
core/data/demo_catalogue.toml or core/demo/, and commit the zips with the change.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.demo import PERSONAS, generate_export, persona_path  # noqa: E402


def contents(data: bytes) -> list[tuple[str, bytes]]:
    """Entry names, order and bytes: what must match (the deflate stream may differ by zlib)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def is_current(key: str) -> bool:
    """Whether the committed zip of persona `key` holds exactly what the generator makes now."""
    path = persona_path(key)
    return path.exists() and contents(path.read_bytes()) == contents(generate_export(persona=key))


def _write(key: str) -> None:
    path = persona_path(key)
    data = generate_export(persona=key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path} ({len(data) / 1024:.0f} KB)")
    for name, body in contents(data):
        lines = body.count(b"\n") + 1
        print(f"  {name:<16} {len(body) / 1024:7.1f} KB, {lines:>5} lines")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the committed zips with fresh ones instead of writing them",
    )
    args = parser.parse_args()
    if not args.check:
        for key in PERSONAS:
            _write(key)
        return 0
    stale = [key for key in PERSONAS if not is_current(key)]
    for key in PERSONAS:
        state = "OUT OF DATE, run make demo" if key in stale else "up to date"
        print(f"{persona_path(key)}: {state}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
