"""Streamlit glue for the pruning simulator: scenario widgets, the URL, the people list.

The scenario (rules, protections, assumptions; never personal data) lives in widgets whose keys
double as URL query parameters (`core.scenario_params`), so copying the URL reproduces the
what-if on the same data. The URL is parsed and clamped there before any widget sees it, and the
widgets keep their values for the whole session (`persist_state="session"`), so the report on
Home reads the same scenario. Hand-picked people stay in `ui.state().picks`: personal data never
goes into a URL. Every default comes from `core.simulator.Scenario` and the `core.reach` models.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import scenario_params as sp
from core.export import safe_for_display
from core.plan_words import Assumption, person_status
from core.reach import PARAMETERS
from core.simulator import RULE_SLOTS, Scenario, ScenarioResult, find_people
from ui import derived
from ui.state import Picks, state

#: Widget key → default (also the only query parameters this page writes).
DEFAULTS = sp.DEFAULTS
_KEEP = {"persist_state": "session"}
CALLS = ("—", "Keep", "Remove")  # one state per person: the rules decide, or your call


def seed_widgets() -> None:
    """Before any widget: every scenario key gets its URL value (parsed and clamped) on the
    first visit of the session, else its default; later visits keep what the user set."""
    from_url = sp.parse(st.query_params.to_dict())
    for key, default in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = from_url.get(key, default)


def values() -> dict[str, object]:
    """The scenario's flat values as they stand (defaults for keys never shown)."""
    return sp.complete({k: st.session_state[k] for k in DEFAULTS if k in st.session_state})


def current_scenario() -> Scenario:
    """The scenario of this session: the simulator's widgets, the picks and the prune tags."""
    s = state()
    if "prune" in s.grouping.tags.values():
        derived.grouping()  # first: it carries marks over when the grouping changed
    prune = [g for g, tag in s.grouping.tags.items() if tag == "prune"]
    return sp.to_scenario(
        values(),
        remove_ids=s.picks.remove,
        protect_ids=s.picks.protect,
        engaged_ids=s.picks.engages,
        prune_groups=prune,
    )


def current_result() -> ScenarioResult:
    return derived.scenario_result(current_scenario())


def table() -> pd.DataFrame:
    """The connection table the plan was computed on: scored when an ICP exists."""
    scored = derived.scored()
    return state().network.df if scored is None else scored


def assumption_table(items: list[Assumption]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Assumption": [a.name for a in items],
            "Value": [a.value for a in items],
            "Source": [a.source for a in items],
        }
    )


def sync_url() -> None:
    """Write the scenario's non-default values to the URL (and drop the others)."""
    wanted = sp.url_query(values())
    for key in DEFAULTS:
        if key in st.query_params and key not in wanted:
            del st.query_params[key]
    for key, text in wanted.items():
        if st.query_params.get(key) != text:
            st.query_params[key] = text


def reset() -> None:
    """Button callback: every scenario widget back to its default (picks are kept)."""
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def _bounds(key: str) -> tuple[int, int]:
    """A whole-number widget's range: the one the URL parser clamps to, so they never differ."""
    param = sp.BY_KEY[key]
    return int(param.lo), int(param.hi)


def pace_bounds() -> tuple[int, int]:
    return _bounds("pace")


def _toggle(label: str, key: str, reason: str | None) -> None:
    """A condition's switch, or, when its data is missing, a disabled stand-in that shows off
    and says why (the user's own choice is kept for when the data is there)."""
    if reason:
        st.toggle(label, value=False, key=f"{key}_na", disabled=True, help=reason)
    else:
        st.toggle(label, key=key, **_KEEP)


#: Each threshold condition: (condition key, switch key, value key, switch label, value label,
#: value format). Keys carry the rule's prefix ("" for rule 1, "r2_", "r3_").
_CONDITIONS = (
    ("fit_below", "fit_on", "fit_below", "ICP fit below", "Fit threshold", "%d"),
    (
        "quiet_months",
        "quiet_on",
        "quiet_months",
        "No message in",
        "Months without a message",
        "%d months",
    ),
    (
        "older_than_years",
        "old_on",
        "old_years",
        "Connected more than",
        "Years since you connected",
        "%d years",
    ),
)


def render_rule(slot: int, unavailable: dict[str, str]) -> None:
    """One rule's conditions: each one switched on must hold (AND). A value is greyed out
    while its condition is off or its data is missing."""
    p = sp.prefix(slot)
    _toggle("Off-profile for your ICP", p + "off", unavailable.get("off_profile"))
    for condition, switch, value, label, value_label, fmt in _CONDITIONS:
        _toggle(label, p + switch, unavailable.get(condition))
        st.slider(
            value_label,
            *_bounds(p + value),
            key=p + value,
            format=fmt,
            step=5 if value == "fit_below" else 1,
            label_visibility="collapsed",
            disabled=condition in unavailable or not st.session_state[p + switch],
            **_KEEP,
        )
    _toggle("In a group marked prune", p + "groups_on", unavailable.get("in_prune_group"))


def render_rules(unavailable: dict[str, str]) -> None:
    st.caption(
        "A rule removes people who meet **all** its conditions; a person who meets "
        "**any** rule is a candidate."
    )
    for slot, tab in enumerate(st.tabs([f"Rule {i + 1}" for i in range(RULE_SLOTS)])):
        with tab:
            render_rule(slot, unavailable)


def render_protections(result: ScenarioResult) -> None:
    """The protections' switches, each with its reason as help."""
    st.markdown("**Protections** (always win over rules)")
    keys = {
        "engaged": "prot_engaged",
        "strong_fit": "prot_strong",
        "recent": "prot_recent",
        "by_hand": "prot_hand",
    }
    labels = {
        "engaged": "Engaged people",
        "strong_fit": "Strong fits",
        "recent": "Connected recently",
        "by_hand": "Protected by you",
    }
    for line in result.protections:
        st.toggle(labels[line.key], key=keys[line.key], help=line.reason, **_KEEP)
    st.slider(
        "Recent means connected in the last",
        *_bounds("recent_months"),
        key="recent_months",
        format="%d months",
        disabled=not result.scenario.protections.recent,
        **_KEEP,
    )
    st.slider(
        "Remove at most (share of your network)",
        *_bounds("cap"),
        key="cap",
        step=5,
        format="%d%%",
        help="Least valuable first. 15% is the safe default; above 30% the plan is over-pruning.",
        **_KEEP,
    )


def render_engagement(result: ScenarioResult) -> None:
    """Measured engagement needs nothing; without it, the user may state an assumed rate."""
    st.markdown("**Engagement**")
    if result.engagement == "measured":
        st.caption("Measured from your messages: nothing to assume.")
        return
    st.toggle(
        "Assume an engagement rate",
        key="eng_assume",
        **_KEEP,
        help="Your export has no messages. State how many of your connections you think "
        "engage with you; every number it drives is then labelled assumed.",
    )
    if not st.session_state["eng_assume"]:
        st.caption("Rules that need engagement stay off until you state a rate.")
        return
    st.radio("How to assume it", sp.ENG_MODES, key="eng_mode", **_KEEP)
    if st.session_state["eng_mode"] == sp.ENG_MODES[0]:
        st.number_input("Everyone (%)", *_bounds("eng_rate"), key="eng_rate", **_KEEP)
        return
    for band, label in (
        ("strong", "Strong fit (%)"),
        ("partial", "Partial fit (%)"),
        ("off", "Off-profile (%)"),
    ):
        st.number_input(label, *_bounds(f"eng_{band}"), key=f"eng_{band}", **_KEEP)


def render_model_inputs() -> None:
    """Every reach-model parameter, its source as help (defaults from core.reach)."""
    for model in ("A", "B"):
        params = [p for p in PARAMETERS if p.model == model]
        for col, prm in zip(st.columns(len(params)), params, strict=True):
            col.number_input(
                prm.name,
                prm.lo,
                prm.hi,
                key=prm.key,
                step=prm.step,
                format="%.3f",
                help=prm.source,
                **_KEEP,
            )


def _editor_key() -> str:
    return "sim_people"


@st.fragment
def people_picker(connections: pd.DataFrame, result: ScenarioResult) -> None:
    """Search anyone (whole words, accents ignored) and make your own call: keep or remove.

    A fragment: typing a search reruns only this part; a call reruns the page (the plan moves).
    """
    query = st.text_input(
        "Search the whole network (name, title, company)",
        key="sim_search",
        placeholder="Whole words: “CTO” finds CTOs, not directors",
    )
    rows = find_people(connections, query)[:200] if query.strip() else result.order[:200]
    picks = state().picks
    view = pd.DataFrame(
        {
            "call": pd.Series(
                [
                    ("Keep" if i in picks.protect else "Remove" if i in picks.remove else "—")
                    for i in rows
                ],
                dtype=object,
            ),
            "engages": np.array([int(i) in picks.engages for i in rows], dtype=bool),
            "name": connections["full_name"].to_numpy()[rows],
            "title": connections["position"].to_numpy()[rows],
            "company": connections["company"].to_numpy()[rows],
            "status": person_status(result, rows),
        }
    )
    # Names and titles come from the file: shown (and copied) as text, never as a formula.
    view = safe_for_display(view, ["name", "title", "company"])
    edited = st.data_editor(
        view,
        key=_editor_key(),
        hide_index=True,
        width="stretch",
        height=360,
        disabled=["name", "title", "company", "status"],
        column_config={
            "call": st.column_config.SelectboxColumn(
                "Your call",
                options=list(CALLS),
                required=True,
                help="— : the rules decide. Keep: never removed. Remove: removed even if a "
                "protection covers them.",
            ),
            "engages": st.column_config.CheckboxColumn(
                "Engages with me", help="Counts as engaged (and protected)."
            ),
            "name": "Name",
            "title": "Title",
            "company": "Company",
            "status": st.column_config.TextColumn("What the plan does", width="large"),
        },
    )
    if apply_calls(rows, edited):
        st.session_state.pop(_editor_key(), None)
        st.rerun()
    st.caption(
        f"{len(view):,} shown. Your calls: {len(picks.protect):,} kept, "
        f"{len(picks.remove):,} removed, {len(picks.engages):,} marked as engaging."
    )


def apply_calls(rows: np.ndarray, edited: pd.DataFrame) -> bool:
    """Store the edited calls in the session's picks; True when anything changed."""
    s = state()
    protect, remove, engages = set(s.picks.protect), set(s.picks.remove), set(s.picks.engages)
    for i, new in zip(rows, edited.itertuples(), strict=True):
        i = int(i)
        protect.discard(i)
        remove.discard(i)
        {"Keep": protect, "Remove": remove}.get(new.call, set()).add(i)
        (engages.add if new.engages else engages.discard)(i)
    picks = Picks(protect=frozenset(protect), remove=frozenset(remove), engages=frozenset(engages))
    if picks == s.picks:
        return False
    s.picks = picks
    return True
