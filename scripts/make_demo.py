"""Regenerate the shipped demo export (core/data/demo_export.zip) from core/demo.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.demo import DEMO_PATH, generate_export  # noqa: E402


def main() -> None:
    data = generate_export()
    DEMO_PATH.parent.mkdir(parents=True, exist_ok=True)
    DEMO_PATH.write_bytes(data)
    print(f"wrote {DEMO_PATH} ({len(data) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
