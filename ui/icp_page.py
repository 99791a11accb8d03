"""State and cached helpers for the ICP wizard page (the page itself stays a thin script).

The wizard edits a draft ICP that is applied at once (`ui.set_icp`), so every other page sees
the current answers. Widgets are initialised from the draft and write back through callbacks,
so answers survive moving between steps and pages.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from core.icp import ICP, PRESETS, score
from core.overview import top_values
from core.text import has_word, needle, padded_words
from core.titles import classify_titles
from core.vocabulary import INDUSTRIES
from ui.session import get, icp, memo, put, set_icp

STEPS = ("Who you serve", "Where they work", "Signals and deal-breakers", "Review and save")
LIST_FIELDS = ("functions", "seniorities", "industries", "companies", "exclude_companies",
               "keywords", "exclude_keywords")
_DRAFT = "icp_draft"
_STEP = "icp_step"
COMMON_EXCLUSIONS = ["student", "intern", "recruiter", "retired", "open to work",
                     "looking for", "seeking", "job seeker"]


def widget_key(field: str) -> str:
    return f"icp_{field}"


def draft() -> ICP:
    current = get(_DRAFT)
    if current is None:
        current = icp() or ICP()
        put(_DRAFT, current)
    return current


def set_draft(value: ICP) -> None:
    """Keep the draft and apply it: an ICP with no criteria counts as no ICP."""
    put(_DRAFT, value)
    set_icp(None if value.is_empty() else value)


def sync(field: str) -> None:
    """Widget callback: copy one widget's value into the draft."""
    value = st.session_state.get(widget_key(field))
    if field in LIST_FIELDS:
        value = [str(v) for v in (value or [])]
    elif field == "name":
        value = str(value or "My ICP")[:80]
    elif field == "fit_threshold":
        value = float(value)
    set_draft(replace(draft(), **{field: value}))


def sync_weight(dimension: str) -> None:
    weights = dict(draft().weights)
    weights[dimension] = float(st.session_state.get(widget_key(f"w_{dimension}"), 0))
    set_draft(replace(draft(), weights=weights))


def _reset_widgets() -> None:
    """Forget widget values so they re-initialise from the draft (after a preset or a load)."""
    for key in list(st.session_state.keys()):
        if str(key).startswith("icp_") and key not in ("icp_file",):
            del st.session_state[key]


def apply_preset(name: str) -> None:
    preset = PRESETS.get(name)
    if preset is not None:
        set_draft(replace(preset))
        _reset_widgets()


def apply_loaded(value: ICP) -> None:
    set_draft(value)
    _reset_widgets()


def clear() -> None:
    set_draft(ICP())
    _reset_widgets()


def step() -> int:
    return int(get(_STEP, 0))


def go(delta: int) -> None:
    put(_STEP, max(0, min(len(STEPS) - 1, step() + delta)))


def scored(value: ICP) -> pd.DataFrame:
    """The network scored against `value`, once per session, network and ICP."""
    return memo("icp.score", score, value)


def _title_profile(df: pd.DataFrame) -> pd.DataFrame:
    real = df[~df["is_blank"]]
    title = real["headline"].where(real["headline"] != "", real["position"])
    return classify_titles(title)


def network_profile() -> pd.DataFrame:
    """Seniority and function of every real connection (for counts shown next to options)."""
    return memo("icp.profile", _title_profile)


def _industry_counts(df: pd.DataFrame) -> dict[str, int]:
    real = df[~df["is_blank"]]
    padded = padded_words(real["text"])
    counts = {}
    for industry, words in INDUSTRIES.items():
        hit = None
        for w in words:
            m = has_word(padded, needle(w))
            hit = m if hit is None else hit | m
        counts[industry] = int(hit.sum()) if hit is not None else 0
    return counts


def industry_counts() -> dict[str, int]:
    return memo("icp.industries", _industry_counts)


def _top(df: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    return top_values(df.loc[~df["is_blank"], column], n, column)


def top(column: str, n: int = 30) -> pd.DataFrame:
    return memo("icp.top", _top, column, n)
