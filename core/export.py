"""The removal checklist: a paced, day-by-day CSV the user works through by hand.

LinkedIn offers no bulk removal and forbids automating it (User Agreement 8.2), and its limits
for removals are unpublished; the usual advice is 10 to 20 a day, and more than 50 in a session
may trigger its automated systems (seed guide's claim). So the default pace is 15 a day, a pace
above 30 gets a warning and one above 50 is refused.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd

DEFAULT_PER_DAY = 15
WARN_PER_DAY = 30
MAX_PER_DAY = 50

#: Leading characters a spreadsheet may treat as a formula (OWASP CSV injection).
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def pace_warning(per_day: int) -> str | None:
    """A plain-words warning for a risky pace; raises ValueError for a pace we refuse."""
    if per_day < 1:
        raise ValueError("per_day: at least 1 removal a day")
    if per_day > MAX_PER_DAY:
        raise ValueError(
            f"per_day: {per_day} a day is more than {MAX_PER_DAY}. LinkedIn does not publish its "
            "limits, and many removals in one session may trigger its automated checks; the "
            "usual advice is 10 to 20 a day."
        )
    if per_day > WARN_PER_DAY:
        return (
            f"{per_day} a day is brisk: LinkedIn's limits are unpublished and the usual "
            "advice is 10 to 20 a day. Consider a slower pace."
        )
    return None


def schedule(n: int, per_day: int = DEFAULT_PER_DAY) -> pd.DataFrame:
    """Split n removals into days: one row per day with `day` (1-based) and `removals`."""
    pace_warning(per_day)
    days = math.ceil(n / per_day) if n > 0 else 0
    counts = np.full(days, per_day)
    if days:
        counts[-1] = n - per_day * (days - 1)
    return pd.DataFrame({"day": np.arange(1, days + 1), "removals": counts})


def weekly(days: pd.DataFrame) -> pd.DataFrame:
    """The day-by-day schedule summed per week of seven checklist days: `week`, `days`,
    `removals`, `first_day`, `last_day` (the report shows this; the CSV keeps every day)."""
    day = days["day"].to_numpy(dtype=int)
    week = (day - 1) // 7 + 1
    weeks = np.arange(1, int(week.max()) + 1) if len(day) else np.array([], dtype=int)
    count = np.bincount(week, minlength=len(weeks) + 1)[1:]
    removals = np.bincount(
        week, weights=days["removals"].to_numpy(dtype=float), minlength=len(weeks) + 1
    )[1:].astype(int)
    first = (weeks - 1) * 7 + 1
    return pd.DataFrame(
        {
            "week": weeks,
            "days": count,
            "removals": removals,
            "first_day": first,
            "last_day": first + count - 1,
        }
    )


def neutralise(value: object) -> str:
    """A cell a spreadsheet shows as text: dangerous leading characters get a leading quote."""
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return "'" + text if text.startswith(_DANGEROUS) else text


def safe_for_display(df: pd.DataFrame, columns=None) -> pd.DataFrame:
    """A copy of a table whose text cells a spreadsheet would read as text, for st.dataframe and
    st.data_editor: their copy (and, unless `client.disableDataExport`, their "Download as CSV")
    write cells as shown, so `=HYPERLINK(...)` in a title would reach Excel as a live formula.

    Only cells starting with a formula character change (they get a leading quote, as in the
    checklist); other cells, numbers, dates and missing values are left as they are.
    `columns`: the text columns to check (default: every text column).
    """
    out = df.copy()
    names = (
        [
            c
            for c in out.columns
            if pd.api.types.is_string_dtype(out[c]) or pd.api.types.is_object_dtype(out[c])
        ]
        if columns is None
        else list(columns)
    )
    for name in names:
        col = out[name]
        if pd.api.types.is_object_dtype(col):  # mixed cells: only strings can hold a formula
            risky = col.map(lambda v: isinstance(v, str) and v.startswith(_DANGEROUS))
        else:
            risky = col.str.startswith(_DANGEROUS, na=False)
        risky = risky.to_numpy(dtype=bool)
        if risky.any():
            col = col.copy()
            col[risky] = "'" + col[risky].astype(str)
            out[name] = col
    return out


def checklist_csv(
    connections: pd.DataFrame,
    prune_mask,
    per_day: int = DEFAULT_PER_DAY,
    reasons: pd.Series | None = None,
    order: np.ndarray | None = None,
) -> bytes:
    """The plan as a CSV: Day, Name, Position, Company, Profile URL, Reasons (+ a Done column).

    UTF-8 with a BOM so Excel shows accents right; every cell neutralised against formula
    injection; ghost rows never appear. `order` (indices) sets the sequence, e.g. least
    valuable first; default is the table's order.
    """
    mask = np.asarray(prune_mask, dtype=bool) & ~connections["is_blank"].to_numpy(dtype=bool)
    idx = (
        np.flatnonzero(mask)
        if order is None
        else np.asarray([i for i in order if mask[i]], dtype=int)
    )
    why = reasons.iloc[idx].to_numpy() if reasons is not None else [""] * len(idx)
    return _checklist(connections, idx, why, per_day)


def plan_checklist(connections: pd.DataFrame, rows: np.ndarray, reasons, per_day: int) -> bytes:
    """A plan's checklist: `rows` in the order to remove them, `reasons` aligned with them."""
    rows = np.asarray(rows, dtype=int)
    keep = ~connections["is_blank"].to_numpy(dtype=bool)[rows]
    return _checklist(connections, rows[keep], np.asarray(reasons, dtype=object)[keep], per_day)


def day_of(position: np.ndarray | int, per_day: int):
    """The checklist day (1-based) of the person at `position` in the removal order."""
    return np.asarray(position) // per_day + 1


def _checklist(connections: pd.DataFrame, idx: np.ndarray, why, per_day: int) -> bytes:
    pace_warning(per_day)
    sub = connections.iloc[idx]
    out = pd.DataFrame(
        {
            "Day": day_of(np.arange(len(idx)), per_day),
            "Name": sub["full_name"].to_numpy(),
            "Position": sub["position"].to_numpy(),
            "Company": sub["company"].to_numpy(),
            "Profile URL": sub["url"].to_numpy(),
            "Reasons": why,
            "Done": "",
        }
    )
    for col in ("Name", "Position", "Company", "Profile URL", "Reasons"):
        out[col] = out[col].map(neutralise)
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
