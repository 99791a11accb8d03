"""Numbers and dates the way people read them: 2,431 connections, 18.4%, Mar 2024."""

from __future__ import annotations

import math

import pandas as pd


def count(n: float | int | None) -> str:
    """2431 → '2,431'; None/NaN → '–'."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    return f"{round(n):,}"


def pct(x: float | None, digits: int = 1) -> str:
    """0.1843 → '18.4%'; None/NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x * 100:.{digits}f}%"


def month(ts) -> str:
    """A timestamp as 'Mar 2024'; missing → '–'."""
    if ts is None or pd.isna(ts):
        return "–"
    return pd.Timestamp(ts).strftime("%b %Y")


def day(ts) -> str:
    """A timestamp as '5 Mar 2024'; missing → '–'."""
    if ts is None or pd.isna(ts):
        return "–"
    t = pd.Timestamp(ts)
    return f"{t.day} {t.strftime('%b %Y')}"
