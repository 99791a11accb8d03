"""State and cached helpers for the ICP wizard page (the page itself stays a thin script).

The wizard edits a draft ICP that is applied at once (`ui.set_icp`), so every other page sees
the current answers. The draft lives in the session (`ui.put`), so answers survive moving
between steps and pages.

Widgets get their value from session state, never from `default=`/`value=`: Streamlit
identifies a keyed widget by its key alone, so a changed default (after a preset, a loaded file
or "Start over") would not reach the browser, which would then send its old value back and undo
the change. `bind()` puts the draft's value under the widget's key when the key is missing;
`_reset_widgets()` removes the keys so the next run binds them again from the new draft.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import streamlit as st

from core.icp import DIMENSIONS, ICP, MAX_ITEMS, MAX_TEXT, PRESETS, score
from core.overview import top_values
from core.text import has_word, needle, padded_words
from core.titles import classify_titles
from core.vocabulary import INDUSTRIES
from ui.session import get, icp, memo, put, set_icp

STEPS = ("Who you serve", "Where they work", "Signals and deal-breakers", "Review and save")
LIST_FIELDS = ("functions", "seniorities", "industries", "companies", "exclude_companies",
               "keywords", "exclude_keywords")
WIDGET_FIELDS = LIST_FIELDS + ("name", "fit_threshold") + tuple(f"w_{d}" for d in DIMENSIONS)
_DRAFT = "icp_draft"
_STEP = "icp_step"
COMMON_EXCLUSIONS = ["student", "intern", "recruiter", "retired", "open to work",
                     "looking for", "seeking", "job seeker"]
#: Words that make poor keyword suggestions: headline glue, level words (the seniority step
#: covers them) and company-name suffixes.
_STOPWORDS = frozenset((
    "a an and the of for to in on at with by from as or & + # de del la le les el y e et und "
    "der die das des du en von zu für my our your i we you is are be who help helping "
    "manager managers director directors senior sr snr jr junior lead head specialist associate "
    "analyst executive assistant coordinator representative officer chief vp svp evp avp vice "
    "president intern trainee principal staff member team mgr ii iii iv "
    "inc ltd llc gmbh co corp corporation company sa ag plc bv srl hq").split())


def widget_key(field: str) -> str:
    return f"icp_{field}"


def draft() -> ICP:
    """The ICP being edited: the session's ICP when the wizard is first opened, else the draft."""
    current = get(_DRAFT)
    if current is None:
        current = icp() or ICP()
        put(_DRAFT, current)
    return current


def set_draft(value: ICP) -> None:
    """Keep the draft and apply it: an ICP with no criteria counts as no ICP."""
    put(_DRAFT, value)
    set_icp(None if value.is_empty() else value)


def _draft_value(field: str):
    """The value a widget for `field` shows, read from the draft."""
    current = draft()
    if field.startswith("w_"):
        return int(round(current.weight(field[2:])))
    if field == "fit_threshold":
        return int(round(current.fit_threshold))
    value = getattr(current, field)
    return list(value) if isinstance(value, tuple) else value


def bind(field: str) -> str:
    """The widget key for `field`, holding the draft's value when the widget has none yet."""
    key = widget_key(field)
    if key not in st.session_state:
        st.session_state[key] = _draft_value(field)
    return key


def sync(field: str) -> None:
    """Widget callback: copy one widget's value into the draft."""
    value = st.session_state.get(widget_key(field))
    if field in LIST_FIELDS:
        # Within the limits ICP.from_json enforces, so a saved file always loads again.
        items = (str(v).strip()[:MAX_TEXT] for v in (value or []))
        value = list(dict.fromkeys(v for v in items if v))[:MAX_ITEMS]
    elif field == "name":
        value = str(value or "My ICP")[:MAX_TEXT]
    elif field == "fit_threshold":
        value = float(value)
    set_draft(replace(draft(), **{field: value}))


def sync_weight(dimension: str) -> None:
    """Widget callback for one dimension's weight."""
    weights = dict(draft().weights)
    weights[dimension] = float(st.session_state.get(widget_key(f"w_{dimension}")) or 0)
    set_draft(replace(draft(), weights=weights))


def _reset_widgets() -> None:
    """Forget the wizard's widget values so they bind again from the draft on the next run."""
    for field in WIDGET_FIELDS:
        st.session_state.pop(widget_key(field), None)


def apply_preset(name: str) -> None:
    """Button callback: fill every step from a workshop preset."""
    preset = PRESETS.get(name)
    if preset is not None:
        set_draft(replace(preset))
        _reset_widgets()


def apply_loaded(value: ICP) -> None:
    set_draft(value)
    _reset_widgets()


def clear() -> None:
    """Button callback: an empty ICP and the first step."""
    set_draft(ICP())
    put(_STEP, 0)
    _reset_widgets()


def add_to(field: str, values: list[str]) -> None:
    """Button callback: append values to a list field of the draft (one-click suggestions)."""
    current = getattr(draft(), field)
    values = [str(v).strip()[:MAX_TEXT] for v in values if str(v).strip()]
    merged = list(dict.fromkeys(list(current) + values))[:MAX_ITEMS]
    set_draft(replace(draft(), **{field: merged}))
    st.session_state.pop(widget_key(field), None)


def add_selected_titles() -> None:
    """Button callback: the titles ticked in the common-titles table become keywords."""
    selection = st.session_state.get("icp_titles_pick")
    rows = list(selection.selection.rows) if selection is not None else []
    titles = top("position", 15)["position"]
    add_to("keywords", [titles.iloc[i] for i in rows if 0 <= i < len(titles)])


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
        hit = np.zeros(len(real), dtype=bool)
        for w in words:
            hit |= has_word(padded, needle(w))
        counts[industry] = int(hit.sum())
    return counts


def industry_counts() -> dict[str, int]:
    """How many real connections each industry group's words would match."""
    return memo("icp.industries", _industry_counts)


def _word_counts(df: pd.DataFrame, n: int) -> pd.DataFrame:
    """The n words found in the most connections' title/company text (each person counted once)."""
    real = df.loc[~df["is_blank"], "text"]
    words = pc.split_pattern(pc.utf8_trim(padded_words(real), characters=" "), " ")
    rows = pc.list_parent_indices(words).to_numpy()
    flat = pc.list_flatten(words).to_numpy(zero_copy_only=False)
    pairs = pd.DataFrame({"row": rows, "word": flat}).drop_duplicates()
    pairs = pairs[(pairs["word"].str.len() > 1) & ~pairs["word"].isin(_STOPWORDS)
                  & ~pairs["word"].str.isdigit()]
    counts = pairs["word"].value_counts().head(n)
    return pd.DataFrame({"word": counts.index.astype(str), "count": counts.to_numpy()})


def word_counts(n: int = 40) -> pd.DataFrame:
    """Columns word, count: the most common words in the network, as keyword suggestions."""
    return memo("icp.words", _word_counts, n)


def _term_counts(df: pd.DataFrame, terms: tuple[str, ...]) -> dict[str, int]:
    padded = padded_words(df.loc[~df["is_blank"], "text"])
    out = {}
    for term in terms:
        nd = needle(term)
        out[term] = int(has_word(padded, nd).sum()) if nd.strip() else 0
    return out


def term_counts(terms: list[str]) -> dict[str, int]:
    """How many real connections mention each term as whole words in their title or company."""
    return memo("icp.terms", _term_counts, tuple(terms))


def _top(df: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    return top_values(df.loc[~df["is_blank"], column], n, column)


def top(column: str, n: int = 30) -> pd.DataFrame:
    """The n most common values of a column among real connections (columns: column, count)."""
    return memo("icp.top", _top, column, n)


def sample(scored_df: pd.DataFrame, band: str, n: int = 25) -> pd.DataFrame:
    """Up to n people of one band, best fit first (ties: the order of the export)."""
    rows = scored_df[~scored_df["is_blank"] & (scored_df["fit_band"] == band)]
    return rows.sort_values("fit", ascending=False, kind="stable").head(n)
