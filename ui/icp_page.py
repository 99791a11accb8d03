"""The ICP wizard's state, callbacks and rendering (the page itself stays a thin script).

The wizard edits a draft ICP that is applied at once (`ui.set_icp`), so every other page sees
the current answers. The draft is a page-local value of the session state (`ui.put`), so answers
survive moving between steps and pages. Title corrections are not part of the ICP: they live in
`ui.state().corrections`, so choosing a preset keeps them, and every page reads titles with them.

Widgets get their value from session state, never from `default=`/`value=`: Streamlit
identifies a keyed widget by its key alone, so a changed default (after a preset, a loaded file
or "Start over") would not reach the browser, which would then send its old value back and undo
the change. `bind()` puts the draft's value under the widget's key when the key is missing;
`_reset_widgets()` removes the keys so the next run binds them again from the draft.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from core.charts import fit_histogram
from core.export import safe_for_display
from core.format import count, pct
from core.icp import (
    DIMENSIONS,
    ICP,
    MAX_ITEMS,
    MAX_TEXT,
    MAX_TITLE,
    PRESETS,
    industries_in,
    load_icp_file,
    summary,
    title_text,
    with_correction,
)
from core.text import needle
from core.titles import Correction
from core.vocabulary import FUNCTIONS, INDUSTRIES, SENIORITIES
from ui import derived
from ui.layout import md_escape
from ui.session import corrections, get, icp, put, set_corrections, set_icp
from ui.state import state

STEPS = ("Who you serve", "Where they work", "Signals and deal-breakers", "Review and save")
LIST_FIELDS = (
    "functions",
    "seniorities",
    "industries",
    "companies",
    "exclude_companies",
    "keywords",
    "exclude_keywords",
)
WIDGET_FIELDS = LIST_FIELDS + ("name", "fit_threshold") + tuple(f"w_{d}" for d in DIMENSIONS)
_DRAFT = "icp_draft"
_STEP = "icp_step"
_REPLACED = "icp_replaced"  # the hand-built ICP a preset replaced, until undone or edited
_LOAD_ERROR = "icp_load_error"  # why the ICP file last chosen could not be used
FILE_KEY = "icp_file"  # the ICP file uploader's widget key
PRESET_KEY = "preset_pick"  # the preset box's widget key
BANDS = {"strong": "Strong fit", "partial": "Partial", "off": "Off-profile"}
COMMON_EXCLUSIONS = [
    "student",
    "intern",
    "recruiter",
    "retired",
    "open to work",
    "looking for",
    "seeking",
    "job seeker",
]


# --- the draft and its widgets --------------------------------------------------------------


def widget_key(field: str) -> str:
    return f"icp_{field}"


def draft() -> ICP:
    """The ICP being edited: the session's ICP when it changed elsewhere (a workshop persona, a
    reset) or on first use, else the draft (which may hold an ICP with no criteria yet)."""
    current, applied = get(_DRAFT), icp()
    if current is None or (applied is not None and applied != current):
        current = applied or ICP()
        put(_DRAFT, current)
        _reset_widgets(current)
    return current


def set_draft(value: ICP, *, replaced: ICP | None = None) -> None:
    """Keep the draft and apply it (an ICP with no criteria counts as no ICP). `replaced` is a
    hand-built ICP this change threw away, offered back until the next change."""
    put(_DRAFT, value)
    put(_REPLACED, replaced)
    set_icp(None if value.is_empty() else value)


def _clean(text) -> str:
    """Typed text the ICP file can hold: no control characters or broken surrogates."""
    text = "".join(ch for ch in str(text) if unicodedata.category(ch) not in ("Cc", "Cs"))
    return text.strip()[:MAX_TEXT]


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
        # Within the limits the ICP file enforces, so a saved file always loads again.
        value = tuple(dict.fromkeys(v for v in map(_clean, value or []) if v))[:MAX_ITEMS]
    elif field == "name":
        value = _clean(value) or "My ICP"
    elif field == "fit_threshold":
        value = float(value)
    set_draft(replace(draft(), **{field: value}))


def sync_weight(dimension: str) -> None:
    """Widget callback for one dimension's weight."""
    weights = dict(draft().weights)
    weights[dimension] = float(st.session_state.get(widget_key(f"w_{dimension}")) or 0)
    set_draft(replace(draft(), weights=weights))


def _reset_widgets(value: ICP) -> None:
    """Forget the wizard's widget values so they bind again from the draft `value` on the next
    run; the preset box names the preset in force, if any, so it agrees with the steps."""
    for field in WIDGET_FIELDS:
        st.session_state.pop(widget_key(field), None)
    preset = next((name for name, p in PRESETS.items() if p == value), None)
    if preset is None:
        st.session_state.pop(PRESET_KEY, None)
    else:
        st.session_state[PRESET_KEY] = preset


def is_hand_built(value: ICP) -> bool:
    """True for an ICP with criteria that is not one of the presets (work a preset would lose)."""
    return not value.is_empty() and value not in PRESETS.values()


def apply_preset(name: str) -> None:
    """Button callback: fill every step from a workshop preset; a hand-built ICP it replaces is
    kept for a one-click undo (no silent loss)."""
    preset = PRESETS.get(name)
    if preset is not None:
        before = draft()
        set_draft(preset, replaced=before if is_hand_built(before) else None)
        _reset_widgets(preset)


def replaced() -> ICP | None:
    """The hand-built ICP the last preset replaced, while it can still be brought back."""
    return get(_REPLACED)


def undo_preset() -> None:
    """Button callback: bring back the hand-built ICP a preset replaced."""
    before = replaced()
    if before is not None:
        set_draft(before)
        _reset_widgets(before)


def on_file() -> None:
    """Uploader callback: apply a saved ICP file, its title corrections on top of the session's.
    A bad file leaves the current ICP in place and its error for `load_error()`."""
    loaded = st.session_state.get(FILE_KEY)
    put(_LOAD_ERROR, None)
    if loaded is None:
        return
    try:
        value, said = load_icp_file(loaded.getvalue())
    except ValueError as exc:
        put(_LOAD_ERROR, str(exc))
        return
    merged = corrections()
    for c in said:
        merged = with_correction(merged, c)
    set_corrections(merged)
    set_draft(value)
    _reset_widgets(value)


def load_error() -> str | None:
    """Why the ICP file last chosen could not be used (None when it loaded)."""
    return get(_LOAD_ERROR)


def clear() -> None:
    """Button callback: an empty ICP and the first step."""
    set_draft(ICP())
    put(_STEP, 0)
    _reset_widgets(ICP())


def add_to(field: str, values: list[str]) -> None:
    """Button callback: append values to a list field of the draft (one-click suggestions)."""
    merged = tuple(
        dict.fromkeys(list(getattr(draft(), field)) + [v for v in map(_clean, values) if v])
    )[:MAX_ITEMS]
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


# --- counts from the network (computed once per network in ui.derived) -----------------------


def function_counts() -> pd.Series:
    """People per function among real connections (either of a title's two roles counts)."""
    return derived.reading_counts()[0]


def seniority_counts() -> pd.Series:
    """People per seniority level among real connections."""
    return derived.reading_counts()[1]


def industry_counts() -> dict[str, int]:
    """How many real connections each industry group's words would match."""
    return derived.industry_counts()


def top(column: str, n: int = 30) -> pd.DataFrame:
    """The n most common values of a column among real connections (columns: column, count)."""
    return derived.common_values(column, n)


def company_options(value: ICP) -> tuple[list[str], Callable[[str], str]]:
    """The account pickers' options (the most common employers, then the draft's own) and a
    label with how many connections work there."""
    companies = top("company")
    options = list(
        dict.fromkeys(
            companies["company"].tolist() + list(value.companies) + list(value.exclude_companies)
        )
    )
    counts = dict(zip(companies["company"], companies["count"], strict=True))
    return options, lambda c: f"{c} · {count(counts[c])}" if c in counts else c


def signal_options(value: ICP) -> tuple[list[str], list[str], Callable[[str], str]]:
    """Keyword and deal-breaker options (the draft's own first, then the network's common words
    and usual exclusions) and a label with how many connections use each."""
    words = derived.word_suggestions()
    own = {_folded(t) for t in value.keywords}
    suggested = words.loc[~words["folded"].isin(own), "word"].tolist()
    keywords = list(dict.fromkeys(list(value.keywords) + suggested))
    exclusions = list(dict.fromkeys(list(value.exclude_keywords) + COMMON_EXCLUSIONS))
    known = dict(zip(words["folded"], words["count"], strict=True))
    others = derived.term_counts(
        tuple(sorted({t for t in keywords + exclusions if _folded(t) not in known}))
    )

    def with_count(term: str) -> str:
        n = known.get(_folded(term), others.get(term))
        return term if n is None else f"{term} · {count(n)}"

    return keywords, exclusions, with_count


def _folded(term: str) -> str:
    """A term as scoring matches it: lower case, no accents, words joined by one space."""
    return needle(term).strip()


def sample(scored_df: pd.DataFrame, band: str, n: int = 25) -> pd.DataFrame:
    """Up to n people of one band, best fit first (ties: the order of the export), with the
    columns the preview shows: name, title, company, fit, why and what the title was read as."""
    rows = scored_df[~scored_df["is_blank"] & (scored_df["fit_band"] == band)]
    rows = rows.sort_values("fit", ascending=False, kind="stable").head(n)
    read = rows["function"].where(
        rows["function2"] == "", rows["function"] + " + " + rows["function2"]
    )
    read = read.where(read != "", "unknown function")
    read = read + np.where(rows["seniority"] != "", " · " + rows["seniority"], "")
    return pd.DataFrame(
        {
            "full_name": rows["full_name"],
            "title": title_text(rows),
            "company": rows["company"],
            "fit": rows["fit"],
            "fit_reasons": rows["fit_reasons"],
            "read_as": read,
            "title_key": rows["title_key"],
            "function": rows["function"],
            "seniority": rows["seniority"],
        }
    )


# --- the four steps -----------------------------------------------------------------------------


def _picker(field: str, label: str, options, format_func, tip: str, new: bool = False) -> None:
    """A multiselect bound to one list field of the draft."""
    st.multiselect(
        label,
        options,
        key=bind(field),
        on_change=sync,
        args=(field,),
        format_func=format_func,
        accept_new_options=new,
        help=tip,
    )


def render_who(profile: dict) -> None:
    """Step 1: functions and seniority, with how many connections have each."""
    st.subheader("Who do you serve?")
    if profile.get("headline"):
        st.caption(f"Your own headline: {md_escape(profile['headline'])}")
    fns, levels = function_counts(), seniority_counts()
    _picker(
        "functions",
        "Job functions",
        sorted(FUNCTIONS, key=lambda f: -fns.get(f, 0)),
        lambda f: f"{f} · {count(fns.get(f, 0))}",
        "Sales Navigator's function names, most common in your network first; the number "
        "is how many of your connections have that function, read from their job titles "
        "(a title naming two roles counts for both).",
    )
    _picker(
        "seniorities",
        "Seniority",
        list(SENIORITIES),
        lambda s: f"{s} · {count(levels.get(s, 0))}",
        "Sales Navigator's levels, most senior first. One level away from a level you pick "
        "earns half the points.",
    )
    st.caption(
        "Titles the coach cannot read can still match on keywords and companies; tell "
        "it how to read the common ones under the preview."
    )


def render_where(profile: dict, value: ICP) -> None:
    """Step 2: industries (one click from the user's own) and target or excluded accounts."""
    st.subheader("Where do they work?")
    ind = industry_counts()
    _picker(
        "industries",
        "Industries",
        sorted(INDUSTRIES, key=lambda i: -ind.get(i, 0)),
        lambda i: f"{i} · {count(ind.get(i, 0))}",
        "LinkedIn's 20 industry groups, the most common in your network first; the number "
        "is how many connections mention one of the group's words.",
    )
    st.caption(
        "LinkedIn's export has no industry per connection: an industry is inferred from "
        "words in the job title and company name (for example 'SaaS', 'Bank'), and each "
        "fit reason says which word matched."
    )
    own = profile.get("industry", "")
    if own:
        st.caption(f"Your own industry (from your profile): {md_escape(own)}")
        for group in industries_in(own):
            if group not in value.industries:
                st.button(
                    f"Add {group}",
                    key=f"icp_add_ind_{list(INDUSTRIES).index(group)}",
                    on_click=add_to,
                    args=("industries", [group]),
                    icon=":material/add:",
                )
    options, with_count = company_options(value)
    _picker(
        "companies",
        "Target accounts (companies you want)",
        options,
        with_count,
        "Your most common employers with how many connections work there; or type a name. "
        "A company matches when its name contains these words.",
        new=True,
    )
    _picker(
        "exclude_companies",
        "Accounts to keep out (competitors, your own employer)",
        options,
        with_count,
        "Anyone at these companies is off-profile, whatever else matches.",
        new=True,
    )


def render_signals(value: ICP) -> None:
    """Step 3: nice-to-have keywords, deal-breakers, and common titles to add as keywords."""
    st.subheader("Signals and deal-breakers")
    keywords, exclusions, with_count = signal_options(value)
    _picker(
        "keywords",
        "Nice-to-have words in their title or company",
        keywords,
        with_count,
        "The most common words in your network come first, with how many connections use "
        "them; or type your own. Whole words, any case, accents or not. Each one only adds "
        "points: the first match earns 60% of the keyword points, each further match 20% "
        "more.",
        new=True,
    )
    _picker(
        "exclude_keywords",
        "Deal-breakers: anyone with these words is off-profile",
        exclusions,
        with_count,
        "Checked in the title and the company name; a match sets the fit to 0.",
        new=True,
    )
    with st.expander("Most common titles in your network (tick to add as keywords)"):
        st.dataframe(
            safe_for_display(top("position", 15)),
            hide_index=True,
            width="stretch",
            key="icp_titles_pick",
            on_select="rerun",
            selection_mode="multi-row",
            column_config={"position": "Title", "count": "Connections"},
        )
        picked = st.session_state.get("icp_titles_pick")
        n = len(picked.selection.rows) if picked is not None else 0
        st.button(
            f"Add {n} selected as keywords" if n else "Tick titles above to add them as keywords",
            key="icp_add_titles",
            disabled=not n,
            on_click=add_selected_titles,
            icon=":material/add:",
        )


def render_review(value: ICP) -> None:
    """Step 4: name, strong-fit threshold, weights, and the ICP in one sentence."""
    st.subheader("Review and save")
    st.text_input(
        "Name this ICP", key=bind("name"), on_change=sync, args=("name",), max_chars=MAX_TEXT
    )
    st.slider(
        "Strong fit from",
        0,
        100,
        step=5,
        key=bind("fit_threshold"),
        on_change=sync,
        args=("fit_threshold",),
        help="A fit at or above this is a strong fit, if the person is also in a job "
        "function you picked and at a seniority you picked (or the one above); partial fit "
        "starts at half this value; below that is off-profile.",
    )
    st.markdown(
        "**How much each part counts** (function, seniority and industry share 100 "
        "points between the parts you filled in; keywords and target accounts add on top)"
    )
    for col, dim in zip(st.columns(len(DIMENSIONS)), DIMENSIONS, strict=True):
        col.number_input(
            dim.title(), 0, 100, step=5, key=bind(f"w_{dim}"), on_change=sync_weight, args=(dim,)
        )
    st.info(md_escape(summary(value)), icon=":material/summarize:")
    st.page_link(
        "pages/2_Cluster_connections.py",
        label="Next: see your network as groups",
        icon=":material/hub:",
    )


# --- title corrections ----------------------------------------------------------------------


def unknown() -> tuple[float, pd.DataFrame]:
    """Share of titled connections with no function read, and the most common such titles
    (once per network and corrections)."""
    return derived.unknown_titles()


def apply_correction(key: str, widget: str) -> None:
    """Button callback: the user's reading of one title (from widgets `<widget>_fn/_sen`)
    replaces the model's on every page; neither function nor seniority removes it."""
    fn = st.session_state.get(f"{widget}_fn") or ""
    sen = st.session_state.get(f"{widget}_sen") or ""
    set_corrections(with_correction(corrections(), Correction(key, fn, sen)))


def remove_correction(key: str) -> None:
    set_corrections(with_correction(corrections(), Correction(key)))


def _pick_reading(widget: str, options: dict[str, tuple[str, str]]) -> None:
    """Title picker callback: start the function/seniority boxes from the current reading."""
    fn, sen = options.get(st.session_state.get(f"{widget}_title"), ("", ""))
    st.session_state[f"{widget}_fn"] = fn if fn in FUNCTIONS else ""
    st.session_state[f"{widget}_sen"] = sen if sen in SENIORITIES else ""


def _correction_boxes(widget: str, key: str) -> bool:
    """Function and seniority boxes and an apply button for one title; True when applied."""
    if len(key) > MAX_TITLE:
        st.caption(
            f"This is pasted text rather than a job title (more than {MAX_TITLE} "
            "characters); it cannot be corrected."
        )
        return False
    st.selectbox(
        "Function",
        ("",) + FUNCTIONS,
        key=f"{widget}_fn",
        format_func=lambda f: f or "— as the coach reads it",
    )
    st.selectbox(
        "Seniority",
        ("",) + SENIORITIES,
        key=f"{widget}_sen",
        format_func=lambda s: s or "— as the coach reads it",
    )
    return st.button(
        "Apply",
        key=f"{widget}_apply",
        type="primary",
        on_click=apply_correction,
        args=(key, widget),
        help="Every page reads this title your way from now on; saved with the "
        "ICP file (the title only, never a name).",
    )


#: The corrections the page's numbers were last computed with (a page-local note in AppState).
_CORRECTIONS_SHOWN = "icp.corrections_shown"


@st.fragment
def render_title_fixes(people: pd.DataFrame | None) -> None:
    """Unknown titles, each one click from a correction; a correction of any title shown in the
    preview; the corrections in force. A fragment: picking in these boxes reruns only this part,
    applying reruns the page (every number can change)."""
    share, titles = unknown()
    if titles.empty:
        st.markdown(
            "**The coach read a job function in every title.** You can still correct "
            "how a title in the table is read."
        )
    else:
        st.markdown(
            f"**Titles the coach cannot read: {pct(share)}** of your connections with "
            "a title. The most common ones, one click from telling it:"
        )
    applied = False
    cols = st.columns(4)
    for i, row in enumerate(titles.itertuples()):
        # Keyed by title: once a title is corrected it leaves this list, and an unkeyed popover
        # stayed open on whichever title moved into its place.
        with cols[i % 4].popover(
            f"{md_escape(_short(row.title, 40))} · {count(row.people)}",
            width="stretch",
            key=f"icp_fix_u_{row.key}_pop",
        ):
            applied |= _correction_boxes(f"icp_fix_u_{row.key}", row.key)
    if people is not None and not people.empty:
        options = dict(
            zip(
                people["title"],
                zip(people["function"], people["seniority"], strict=True),
                strict=True,
            )
        )
        keys = dict(zip(people["title"], people["title_key"], strict=True))
        with st.popover("Correct how a title above is read", icon=":material/edit:"):
            pick = st.selectbox(
                "Title",
                list(options),
                key="icp_fix_any_title",
                index=None,
                format_func=_short,
                placeholder="Pick a title from the table",
                on_change=_pick_reading,
                args=("icp_fix_any", options),
            )
            if pick in keys:
                applied |= _correction_boxes("icp_fix_any", keys[pick])
    said = corrections()
    if said:
        with st.expander(f"Your corrections ({len(said)})"):
            written = derived.correction_spellings()
            for c in said:
                text = " and ".join(x for x in (c.function, c.seniority) if x)
                left, right = st.columns([4, 1])
                left.text(f"{_short(written.get(c.title, c.title))} → {text}")
                applied |= right.button(
                    "Remove",
                    key=f"icp_unfix_{c.title}",
                    on_click=remove_correction,
                    args=(c.title,),
                )
    if applied or corrections() != state().pages.get(_CORRECTIONS_SHOWN):
        # A correction changes every number on the page, and the title it fixed may have left
        # this part (its button then never reports the click): rerun the whole page.
        st.rerun(scope="app")


def _short(text: str, limit: int = 60) -> str:
    """A title short enough for a button or a list (headlines can run to hundreds of words)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the preview ------------------------------------------------------------------------------


def render_preview(value: ICP) -> None:
    """Band counts and the fit histogram (beside the wizard's steps)."""
    if value.is_empty():
        st.info(
            "Pick at least one function, seniority, industry, account or keyword to see "
            "who in your network fits.",
            icon=":material/info:",
        )
        return
    with st.spinner("Scoring your network…"):
        real = derived.scored().loc[lambda d: ~d["is_blank"]]
    bands = real["fit_band"].value_counts()
    for col, (band, label) in zip(st.columns(3), BANDS.items(), strict=True):
        col.metric(
            label,
            count(bands.get(band, 0)),
            help=f"{pct(bands.get(band, 0) / max(len(real), 1))} of people with a "
            "name (ghost rows are not scored)",
        )
    st.altair_chart(fit_histogram(real), width="stretch")


def render_people(value: ICP) -> None:
    """A sample of each band with name, title, company, fit, why and how the title was read
    (full width, so the reasons can be read); then the titles the coach could not read."""
    state().pages[_CORRECTIONS_SHOWN] = corrections()
    people = None
    if not value.is_empty():
        shown = (
            st.segmented_control(
                "People and why",
                list(BANDS),
                default="strong",
                format_func=BANDS.get,
                key="icp_sample_band",
                help="A sample of people in each band with the reasons for their score.",
            )
            or "strong"
        )
        people = sample(derived.scored(), shown)
        if people.empty:
            st.caption(f"Nobody is in the {BANDS[shown].lower()} band.")
        else:
            st.dataframe(
                safe_for_display(people.drop(columns=["title_key", "function", "seniority"])),
                hide_index=True,
                width="stretch",
                height=320,
                column_config={
                    "full_name": st.column_config.TextColumn("Name", width=150),
                    "title": st.column_config.TextColumn("Title", width=230),
                    "company": st.column_config.TextColumn("Company", width=150),
                    "fit": st.column_config.NumberColumn("Fit", format="%d", width=44),
                    "fit_reasons": st.column_config.TextColumn("Why", width="large"),
                    "read_as": st.column_config.TextColumn("Title read as", width=190),
                },
            )
    render_title_fixes(people)
