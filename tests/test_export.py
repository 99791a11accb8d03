"""Removal schedule and checklist CSV: pacing rules and spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.export import checklist_csv, neutralise, pace_warning, schedule


@pytest.mark.parametrize(
    ("n", "per_day", "days", "last"),
    [
        (0, 15, 0, None),
        (1, 15, 1, 1),
        (15, 15, 1, 15),
        (16, 15, 2, 1),
        (100, 20, 5, 20),
        (101, 50, 3, 1),
    ],
)
def test_schedule_day_counts(n, per_day, days, last):
    s = schedule(n, per_day)
    assert len(s) == days and s["removals"].sum() == n
    if days:
        assert s["removals"].iloc[-1] == last and s["day"].tolist() == list(range(1, days + 1))


def test_pace_rules():
    assert pace_warning(15) is None and pace_warning(30) is None
    assert "10 to 20" in pace_warning(31)
    with pytest.raises(ValueError, match="per_day"):
        schedule(10, 51)
    with pytest.raises(ValueError):
        pace_warning(0)


@pytest.mark.parametrize(
    "bad", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil","x")']
)
def test_dangerous_cells_are_neutralised(bad):
    assert neutralise(bad) == "'" + bad


@given(st.text().filter(lambda t: not t.startswith(("=", "+", "-", "@", "\t", "\r"))))
def test_safe_text_is_unchanged(text):
    assert neutralise(text) == text


def _people():
    return pd.DataFrame(
        {
            "full_name": ["=cmd|' /C calc'!A0", "Zoë Müller", "", "Bo Li"],
            "position": ["+VP", "CFO", "", "-Engineer"],
            "company": ["@Acme", "Bäckerei", "", "Initech"],
            "url": [
                "https://www.linkedin.com/in/a",
                "https://www.linkedin.com/in/z",
                "",
                "https://www.linkedin.com/in/b",
            ],
            "is_blank": [False, False, True, False],
        }
    )


def test_checklist_csv():
    df = _people()
    reasons = pd.Series(["ICP fit below 30", "picked by you", "", "=evil reason"])
    data = checklist_csv(df, np.array([True, True, True, True]), per_day=2, reasons=reasons)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Day", "Name", "Position", "Company", "Profile URL", "Reasons", "Done"]
    body = rows[1:]
    assert len(body) == 3  # the ghost row never appears
    assert [r[0] for r in body] == ["1", "1", "2"]
    assert body[0][1:4] == ["'=cmd|' /C calc'!A0", "'+VP", "'@Acme"]
    assert body[1][1] == "Zoë Müller" and body[2][5] == "'=evil reason"
    for row in body:
        for cell in row[1:]:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_checklist_refuses_a_reckless_pace():
    with pytest.raises(ValueError):
        checklist_csv(_people(), np.ones(4, dtype=bool), per_day=80)
