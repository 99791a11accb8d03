"""Streamlit glue for the pruning simulator: scenario widgets, the URL, the people list.

The scenario (rules, protections, assumptions; never personal data) lives in widgets whose keys
double as URL query parameters (`core.scenario_params`), so copying the URL reproduces the
what-if on the same data. The URL is parsed and clamped there before any widget sees it, and the
widgets keep their values for the whole session (`persist_state="session"`), so the report on
Home reads the same scenario. The URL also carries the ICP's criteria and the groups marked
prune (`open_link` takes them in a new session: an ICP only when the session has none, else it
asks; marks only on the same data and corrections). Hand-picked people stay in
`ui.state().picks`: personal data never goes into a URL. Every default comes from
`core.simulator.Scenario` and the `core.reach` models.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import charts
from core import scenario_params as sp
from core.export import pace_warning, plan_checklist, safe_for_display
from core.format import count
from core.plan_words import (
    Assumption,
    assumptions,
    engagement_words,
    ghost_words,
    headline,
    person_status,
    plan_sentence,
    plan_warnings,
)
from core.reach import PARAMETERS
from core.simulator import (
    OVERPRUNE_SHARE,
    RULE_SLOTS,
    Scenario,
    ScenarioResult,
    effective_conditions,
    find_people,
)
from ui import derived, report
from ui.layout import md_escape
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


def open_link() -> None:
    """Once per session, before any widget: take the ICP and the prune marks a shared link
    carries. With no ICP of its own the session takes the link's; with another one the page
    asks (`render_link_notes`); marks travel only to the same data and corrections."""
    s = state()
    if s.pages.get(_LINK_DONE):
        return
    s.pages[_LINK_DONE] = True
    notes: list[tuple[str, str]] = []
    raw_icp = st.query_params.get(sp.ICP_KEY)
    if raw_icp:
        try:
            icp = sp.decode_icp(raw_icp)
        except ValueError as exc:
            notes.append(
                (
                    "warning",
                    f"The ICP in this link could not be read ({exc}). "
                    "The plan uses your own ICP, if you have one.",
                )
            )
        else:
            if s.icp is None:
                s.icp = icp
                notes.append(
                    (
                        "info",
                        f"This link was made with the ICP “{icp.name}”: "
                        "it is now yours for this session.",
                    )
                )
            elif icp != s.icp:
                s.pages[_LINK_ICP] = icp
    raw_marks = st.query_params.get(sp.MARKS_KEY)
    if raw_marks:
        notes += _take_marks(sp.decode_marks(raw_marks))
    s.pages[_LINK_NOTES] = notes


_LINK_DONE, _LINK_ICP, _LINK_NOTES = "sim.link_done", "sim.link_icp", "sim.link_notes"
_MARKS_LOST = (
    "The groups marked prune in this link could not travel: group numbers only mean the same "
    "groups on the same export with the same title corrections. Mark them on the clusters page."
)


def _take_marks(marks: sp.LinkMarks | None) -> list[tuple[str, str]]:
    """Adopt the link's prune marks when they were made on this grouping basis."""
    s = state()
    g = s.grouping
    if marks is None or marks.basis != sp.marks_basis(s.network.fingerprint, s.corrections):
        return [("warning", _MARKS_LOST)]
    if marks.k is not None and not 2 <= marks.k <= 30:
        return [("warning", _MARKS_LOST)]
    own = {gid for gid, tag in g.tags.items() if tag == "prune"}
    if own and own != set(marks.groups):
        return [
            (
                "info",
                "This link marks other groups prune than you did: your own marks are "
                "used. Compare them on the clusters page.",
            )
        ]
    g.method, g.k = marks.method, marks.k
    g.tags = {gid: t for gid, t in g.tags.items() if t != "prune"} | {
        gid: "prune" for gid in marks.groups
    }
    g.basis = (s.network.fingerprint, g.method, g.k, s.corrections)
    return [
        (
            "info",
            f"This link marks {len(marks.groups)} group(s) prune; they are marked in "
            "your session too.",
        )
    ]


def use_link_icp() -> None:
    """Button callback: take the ICP the link was made with."""
    s = state()
    s.icp = s.pages.pop(_LINK_ICP, s.icp)


def keep_own_icp() -> None:
    state().pages.pop(_LINK_ICP, None)


def render_link_notes() -> None:
    """What the shared link brought, and the question when its ICP differs from yours."""
    s = state()
    for level, text in s.pages.get(_LINK_NOTES, ()):
        (st.warning if level == "warning" else st.info)(md_escape(text))
    link_icp = s.pages.get(_LINK_ICP)
    if link_icp is None or link_icp == s.icp:
        return
    with st.container(border=True):
        st.markdown(
            f"This link was made with the ICP “{md_escape(link_icp.name)}”. Use it? "
            f"Yours is “{md_escape(s.icp.name)}”; the plan below uses yours until you choose."
        )
        a, b = st.columns(2)
        a.button(
            "Use the link's ICP",
            key="sim_link_icp",
            on_click=use_link_icp,
            icon=":material/target:",
        )
        b.button("Keep mine", key="sim_keep_icp", on_click=keep_own_icp)


#: What a copied link holds, said on the page next to it.
LINK_CARRIES = (
    "**The address of this page is a shareable link.** It carries the rules, protections, cap "
    "and assumptions, your ICP's criteria, and which groups you marked prune. It never carries "
    "names or data: whoever opens it sees the plan on the data in their own session (the demo, "
    "or their own export), so the numbers match only on the same data. Your title corrections "
    "and the people you picked by hand stay with you, and group marks travel only to the same "
    "export with the same corrections."
)


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


def link_query(scenario: Scenario) -> dict[str, str]:
    """What the link adds to the scenario's values: the ICP's criteria and, when a rule uses
    them, the groups marked prune (with the grouping they were made on)."""
    s = state()
    out = {}
    if s.icp is not None and (text := sp.encode_icp(s.icp)):
        out[sp.ICP_KEY] = text
    if scenario.prune_groups and any(r.in_prune_group for r in scenario.rules):
        marks = sp.LinkMarks(
            basis=sp.marks_basis(s.network.fingerprint, s.corrections),
            method=s.grouping.method,
            k=s.grouping.k,
            groups=tuple(sorted(scenario.prune_groups)),
        )
        if text := sp.encode_marks(marks):
            out[sp.MARKS_KEY] = text
    return out


def sync_url(scenario: Scenario) -> None:
    """Write the scenario's non-default values, the ICP and the marks to the URL (and drop
    the others)."""
    wanted = sp.url_query(values()) | link_query(scenario)
    for key in (*DEFAULTS, sp.ICP_KEY, sp.MARKS_KEY):
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
    _toggle(PRUNE_SWITCH, p + "groups_on", unavailable.get("in_prune_group"))


def render_rules(result: ScenarioResult) -> None:
    """The rules side by side; under a rule that has conditions on but none that can apply
    now, the reason (its switches show off, so the words say why nothing happens)."""
    st.caption(
        "A rule removes people who meet **all** its conditions; a person who meets "
        "**any** rule is a candidate. A condition your data cannot answer yet is off."
    )
    unavailable = result.unavailable
    rules = list(result.scenario.rules)
    for slot, tab in enumerate(st.tabs([f"Rule {i + 1}" for i in range(RULE_SLOTS)])):
        with tab:
            render_rule(slot, unavailable)
            rule = rules[slot] if slot < len(rules) else None
            if (
                rule is not None
                and not rule.is_empty
                and not effective_conditions(rule, unavailable)
            ):
                first = next(k for k, _ in rule.conditions() if k in unavailable)
                st.caption(f"Rule {slot + 1} selects nobody for now: {unavailable[first]}")


#: What the clusters page's banner and this page agree on: marks count only through a rule.
PRUNE_SWITCH = "In a group marked prune"


def marked_groups() -> int:
    return sum(tag == "prune" for tag in state().grouping.tags.values())


def add_group_rule() -> None:
    """Button callback: the first rule with no condition on (else the last) prunes the marked
    groups, so marks the user made on the clusters page count with one visible switch."""
    v = values()
    slots = [
        slot
        for slot in range(RULE_SLOTS)
        if not any(
            v[sp.prefix(slot) + k] for k in ("off", "fit_on", "quiet_on", "old_on", "groups_on")
        )
    ]
    slot = slots[0] if slots else RULE_SLOTS - 1
    st.session_state[sp.prefix(slot) + "groups_on"] = True


def render_prune_hint(result: ScenarioResult) -> None:
    """Groups marked prune count only in a rule with the switch on: say so, with a button."""
    marked = marked_groups()
    if not marked or any(r.in_prune_group for r in result.scenario.rules):
        return
    st.info(
        f"You marked {marked} group(s) prune on the clusters page. They count only in a rule "
        f"with “{PRUNE_SWITCH}” switched on (protections and the cap still apply).",
        icon=":material/hub:",
    )
    st.button(
        "Add a rule for the marked groups",
        key="sim_group_rule",
        on_click=add_group_rule,
        icon=":material/add:",
    )


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


# --- the page's parts (pages/3 calls these inside one fragment) ------------------------------


def render_headline(result: ScenarioResult) -> None:
    """The five numbers, across the page's whole width so none wraps to a row of its own."""
    for col, metric in zip(st.columns(5), headline(result), strict=True):
        col.metric(
            metric.label,
            metric.value,
            delta=metric.delta,
            delta_color="off",
            help=metric.help,
            delta_description=metric.note,
            delta_arrow="off" if metric.delta == "no change" else "auto",
        )


def render_controls(result: ScenarioResult) -> None:
    """The rules column: rules, links to what a condition waits for, protections, pace."""
    st.subheader("Rules")
    render_rules(result)
    if "off_profile" in result.unavailable:
        st.page_link(
            "pages/1_Define_your_ICP.py", label="Define your ICP", icon=":material/target:"
        )
    if "in_prune_group" in result.unavailable:
        st.page_link(
            "pages/2_Cluster_connections.py", label="Mark groups to prune", icon=":material/hub:"
        )
    render_protections(result)
    render_engagement(result)
    st.number_input(
        "Removals per day",
        *pace_bounds(),
        key="pace",
        step=1,
        help="LinkedIn publishes no limit; the usual advice is 10 to 20 a day.",
        **_KEEP,
    )
    st.button("Reset scenario", key="sim_reset", on_click=reset, icon=":material/restart_alt:")


def render_plan(result: ScenarioResult) -> None:
    """The plan as a sentence, what protects whom, and the warnings."""
    with st.container(border=True):
        st.markdown(f"**Your plan.** {plan_sentence(result)}")  # our words only
        st.caption(
            "Protected: "
            + ", ".join(
                f"{count(p.people)} {p.label}" + ("" if p.on else " (off)")
                for p in result.protections
            )
            + f". {count(result.removed)} of {count(result.before.people)} people removed. "
            + engagement_words(result)
            + " "
            + ghost_words(result)
        )
    render_prune_hint(result)
    for level, text in plan_warnings(result):
        if level == "warning":
            st.warning(text, icon=":material/warning:")
        else:
            st.info(text, icon=":material/info:")


#: The result's views, as tabs that draw only the one open (one chart or the people list per
#: click: the browser's redraw of every chart and the people grid was most of a click's time).
VIEWS = ("Before and after", "Shares", "Reach", "Schedule", "People")


def render_views(result: ScenarioResult, table: pd.DataFrame) -> None:
    """The checklist and report downloads, then the views; only the open tab is drawn."""
    render_downloads(result, table)
    tabs = st.tabs(VIEWS, key="sim_view", on_change="rerun", default=VIEWS[0])
    draw = {
        "Before and after": lambda: st.altair_chart(
            charts.plan_composition_chart(result.composition, result.engagement),
            width="stretch",
        ),
        "Shares": lambda: render_curve(result, reach=False),
        "Reach": lambda: render_curve(result, reach=True),
        "Schedule": lambda: render_schedule(result),
        "People": lambda: people_picker(table, result),
    }
    for name, tab in zip(VIEWS, tabs, strict=True):
        if tab.open is not False:  # None: state not tracked (every tab drawn)
            with tab:
                draw[name]()


def render_curve(result: ScenarioResult, *, reach: bool) -> None:
    """Shares or reach as more people are removed, least valuable first."""
    if reach:
        st.altair_chart(charts.reach_chart(result.curve, result.removed), width="stretch")
    else:
        st.altair_chart(
            charts.tradeoff_chart(result.curve, result.removed, result.zone_start),
            width="stretch",
        )
    st.caption(
        "Removing people in order: your plan first, then everyone else a protection does "
        "not cover, least engaged and lowest fit first. Dashed: your plan; shaded: more "
        f"than {OVERPRUNE_SHARE:.0%} removed."
        + (" The gap between the two reach models is the honest uncertainty." if reach else "")
    )


def render_schedule(result: ScenarioResult) -> None:
    """How long the plan takes by hand: days under two weeks, weeks beyond."""
    if not result.removed:
        st.caption("Nothing to remove: no schedule.")
        return
    st.caption(
        f"{count(result.removed)} removals at {result.scenario.pace} a day: "
        f"{count(len(result.schedule))} days of a few minutes each, by hand. The "
        "checklist lists every day."
    )
    st.altair_chart(charts.schedule_chart(result.weekly, result.schedule), width="stretch")


def render_downloads(result: ScenarioResult, table: pd.DataFrame) -> None:
    """The removal checklist, the take-home report and the how-to, on one line each."""
    if warning := pace_warning(result.scenario.pace):
        st.warning(warning, icon=":material/warning:")
    st.download_button(
        "Download removal checklist (CSV)",
        lambda: plan_checklist(table, result.order, result.reasons, result.scenario.pace),
        file_name="removal_checklist.csv",
        mime="text/csv",
        key="sim_download",
        icon=":material/download:",
        disabled=result.removed == 0,
        width="content",
    )
    report.report_controls("sim")
    st.page_link(
        "pages/4_Remove_or_block.py",
        label="How to remove a connection, step by step",
        icon=":material/help:",
        query_params={"faq": "how-to-remove"},
    )


def render_assumptions(result: ScenarioResult) -> None:
    box = st.expander(
        "Assumptions (every number the projections rest on)",
        icon=":material/tune:",
        key="sim_assumptions",
        on_change="rerun",
    )
    if box.open is not False:  # drawn only while open
        with box:
            st.dataframe(assumption_table(assumptions(result)), hide_index=True, width="stretch")
            st.caption("Change the reach models' values below the plan.")
