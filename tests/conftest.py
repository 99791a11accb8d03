"""Shared fixtures: synthetic exports in the real formats, and the real-browser harness."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from core.demo import PREAMBLE  # the exact Notes preamble of every modern export

MODERN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"

MODERN_ROWS = [
    "Anna,Smith,https://www.linkedin.com/in/anna-smith,,Acme Software,VP Sales,05 Jan 2026",
    "Bob,Jones,https://www.linkedin.com/in/bob-jones,bob@example.com,Globex,Software Engineer,"
    "14 Dec 2025",
    ",,,,,,01 Feb 2020",
    'James,"""Tyler""",https://www.linkedin.com/in/ken-o%E2%80%99brien,,"Arseienko, CFEI®",'
    "Chief Financial Officer,20 Nov 2018",
    "NA,Null,https://www.linkedin.com/in/na-null,,Initech,Recruiter,03 Mar 2019",
]


def modern_csv(rows: list[str] | None = None) -> bytes:
    """A Connections.csv exactly as LinkedIn writes it since late 2023 (LF, no final newline)."""
    rows = MODERN_ROWS if rows is None else rows
    return (PREAMBLE + MODERN_HEADER + "\n" + "\n".join(rows)).encode("utf-8")


def make_zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def modern_bytes() -> bytes:
    return modern_csv()


ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def new_app(timeout: int = 60):
    """An AppTest of the entry script (pages are reached with `at.switch_page("pages/...")`)."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(APP, default_timeout=timeout)


def app_state(at):
    """The session's `ui.state.AppState` inside an AppTest (after at least one run)."""
    from ui.state import STATE_KEY

    return at.session_state[STATE_KEY]


def set_icp(at, icp) -> None:
    """Give an AppTest session an ICP before the next run (runs the app once if needed)."""
    from ui.state import STATE_KEY

    if STATE_KEY not in at.session_state:
        at.run()
    at.session_state[STATE_KEY].icp = icp


@pytest.fixture(autouse=True)
def _background_work_done():
    """Each test ends with the background worker idle (`ui.state.ahead`), so a grouping a test
    queued never runs into the next test's counts or monkeypatches."""
    yield
    from ui.state import idle

    idle()
