"""Dates as real exports and spreadsheet re-saves write them, in the month names of the languages
the title model reads (en, pt, es, fr, de, it, nl, sv).

Each distinct string is parsed once (a network has a few thousand distinct dates at most), with
pandas' format parser for the numeric and English forms and one regular expression for
"day month-word year" in any of those languages ("30-oct-09", "3 mars 2021", "12. Mai 2019",
"5 de jan de 2020"). Dates outside LinkedIn's lifetime become NaT and count as unreadable: a
"0001-01-01" is a placeholder, not a connection (and is never logged).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

# Tried in order on what is left; the first is what every export since Nov 2018 writes.
_FORMATS = (
    "%d %b %Y",  # 20 Nov 2018 / 05 Jan 2026
    "%d-%b-%y",  # 5-Jan-26 (English spreadsheet re-save)
    "%m/%d/%y, %I:%M %p",  # "1/8/18, 6:14 PM" (before Nov 2018; Invitations' Sent At)
    "%Y-%m-%d %H:%M:%S UTC",  # messages.csv DATE
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",  # ISO, from other tools
    "%d.%m.%Y",  # 16.09.2021 (European re-save)
    "%m/%d/%Y",  # 1/8/2018 (US re-save)
    "%d/%m/%Y",  # 25/12/2020 (day first: only what the US form refused)
    "%m/%d/%y",  # 1/8/18 (the legacy form once its time is cut off)
    "%m/%d/%y %H:%M",  # a re-saved legacy date
)
# A time of day after the date ("1/8/18, 6:14 PM"): cut before parsing days, so the distinct
# strings are days (a few thousand), not minutes (one per row).
_TIME = r"[ ,]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: *[AaPp][.]?[Mm][.]?)?(?: *UTC)?\Z"
_SAMPLE = 64

_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}
# Abbreviations that are not the start of their month's name.
_EXTRA = {"mrt": 3, "mrz": 3, "setiembre": 9, "jänner": 1, "sept": 9}

# "5-Jan-26", "30 oct. 2009", "12. Mai 2019", "5 de jan de 2020", "3 mars 2021"
_DAY_FIRST = (
    r"^(?P<d>\d{1,2})(?:\.|º|er)?[\s\-/.]*(?:de\s+)?(?P<m>[^\W\d_]+)\.?[\s\-/.,]*"
    r"(?:del?\s+)?(?P<y>\d{4}|\d{2})\b"
)
# "Jan 5, 2020", "mars 3 2021"
_MONTH_FIRST = r"^(?P<m>[^\W\d_]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"


def _fold(text: str) -> str:
    """Lower case without accents, so "März", "mär" and "MAR" meet."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


def _month_words() -> dict[str, int]:
    """Every full month name and every prefix of at least 3 letters that names one month only
    (so "jui" is out: French juin and juillet)."""
    candidates: dict[str, set[int]] = {}
    for names in _MONTH_NAMES.values():
        for month, name in enumerate(names.split(), start=1):
            name = _fold(name)
            for end in range(3, len(name) + 1):
                candidates.setdefault(name[:end], set()).add(month)
    words = {w: next(iter(ms)) for w, ms in candidates.items() if len(ms) == 1}
    words.update({_fold(w): m for w, m in _EXTRA.items()})
    return words


MONTHS = _month_words()

_FIRST_DAY = pd.Timestamp("2003-01-01")  # LinkedIn's launch
_LAST_DAY = pd.Timestamp("2100-01-01")


def parse_dates(values: pd.Series, keep_time: bool = False) -> tuple[pd.Series, int]:
    """Parse export dates in any known form: (datetime64[ns] Series aligned to `values`,
    how many non-blank values could not be read). Days only (time dropped) unless `keep_time`."""
    codes, uniques = pd.factorize(values.astype("str").fillna("").str.strip())
    if not keep_time and len(uniques):  # one string per day, not per minute
        days, uniques = pd.factorize(
            pd.Series(uniques, dtype="str").str.replace(_TIME, "", regex=True)
        )
        codes = days[codes]
    parsed = parse_distinct(pd.Series(uniques, dtype="str"), keep_time)
    if len(codes) == 0:
        return pd.Series([], index=values.index, dtype="datetime64[ns]"), 0
    bad_distinct = parsed.isna().to_numpy() & (uniques != "")
    bad = int(np.bincount(codes, minlength=len(uniques))[bad_distinct].sum())
    out = parsed.to_numpy(dtype="datetime64[ns]")[codes]
    return pd.Series(out, index=values.index, dtype="datetime64[ns]"), bad


def parse_distinct(uniques: pd.Series, keep_time: bool = False) -> pd.Series:
    """datetime64[ns] for each string (NaT when no known form fits or it is out of range)."""
    uniques = uniques.reset_index(drop=True)
    out = pd.Series(pd.NaT, index=uniques.index, dtype="datetime64[ns]")
    todo = uniques[uniques != ""]
    for fmt in _formats(todo):
        got = pd.to_datetime(todo, format=fmt, errors="coerce")
        ok = got.notna()
        out[ok[ok].index] = _in_lifetime(got[ok])
        todo = todo[~ok]
        if todo.empty:
            break
    if not todo.empty:
        out[todo.index] = _month_word_dates(todo)
    return out if keep_time else out.dt.floor("D")


def _formats(todo: pd.Series):
    """The formats to try, those that read most of a sample of the strings first: a file has
    one or two forms, and a format that fails costs as much as one that reads. The modern form
    (every export since 2018) is tried first on the sample alone."""
    sample = todo.head(_SAMPLE)
    hits = {}
    for fmt in _FORMATS:
        hits[fmt] = int(pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum())
        if hits[fmt] == len(sample):  # reads the whole sample: try it on everything first
            break
    return sorted(_FORMATS, key=lambda f: -hits.get(f, 0))


def _in_lifetime(got: pd.Series) -> pd.Series:
    """Parsed dates as datetime64[ns], NaT outside LinkedIn's lifetime (checked before the cast:
    year 1 does not fit in nanoseconds)."""
    return got.where((got >= _FIRST_DAY) & (got < _LAST_DAY)).astype("datetime64[ns]")


def _month_word_dates(todo: pd.Series) -> pd.Series:
    """Dates whose month is a word in one of the languages above (day first or month first)."""
    folded = todo.map(_fold)
    parts = folded.str.extract(_DAY_FIRST)
    month_first = parts["d"].isna()
    if month_first.any():
        parts[month_first] = folded[month_first].str.extract(_MONTH_FIRST)[["d", "m", "y"]]
    month = parts["m"].map(MONTHS)
    year = pd.to_numeric(parts["y"], errors="coerce")
    year = year.where(year >= 100, year + 2000)  # "09" is 2009: LinkedIn began in 2003
    ymd = pd.DataFrame(
        {"year": year, "month": month, "day": pd.to_numeric(parts["d"], errors="coerce")}
    )
    ok = ymd.notna().all(axis=1)
    out = pd.Series(pd.NaT, index=todo.index, dtype="datetime64[ns]")
    if ok.any():
        got = pd.to_datetime(ymd[ok].astype("int64"), errors="coerce")  # "31 Feb" is NaT
        out[ok[ok].index] = _in_lifetime(got)
    return out
