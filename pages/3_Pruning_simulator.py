"""Pruning simulator: try a plan on your own network and see what it does, assumptions shown."""

import streamlit as st

import ui
from core import charts
from core.export import pace_warning, plan_checklist
from core.format import count
from core.plan_words import (
    assumptions,
    engagement_words,
    ghost_words,
    headline,
    plan_sentence,
    plan_warnings,
)
from core.simulator import OVERPRUNE_SHARE
from ui import report
from ui import simulator_page as sp

ui.page_setup("Pruning simulator", ":material/content_cut:")
sp.seed_widgets()  # URL values parsed and clamped before any widget exists
result = sp.current_result()
table = sp.table()

st.title("Pruning simulator")
st.markdown(
    "Try a pruning plan before touching a single connection. Every number below comes "
    "from your data or from an assumption you can see and change."
)

rules_col, main = st.columns([1, 3], gap="large")
with rules_col:
    st.subheader("Rules")
    sp.render_rules(result.unavailable)
    if "off_profile" in result.unavailable:
        st.page_link(
            "pages/1_Define_your_ICP.py", label="Define your ICP", icon=":material/target:"
        )
    if "in_prune_group" in result.unavailable:
        st.page_link(
            "pages/2_Cluster_connections.py", label="Mark groups to prune", icon=":material/hub:"
        )
    sp.render_protections(result)
    sp.render_engagement(result)
    st.number_input(
        "Removals per day",
        *sp.pace_bounds(),
        key="pace",
        step=1,
        persist_state="session",
        help="LinkedIn publishes no limit; the usual advice is 10 to 20 a day.",
    )
    st.button("Reset scenario", key="sim_reset", on_click=sp.reset, icon=":material/restart_alt:")

with main:
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
    with st.container(border=True):
        st.markdown(f"**Your plan.** {plan_sentence(result)}")
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
    for level, text in plan_warnings(result):
        if level == "warning":
            st.warning(text, icon=":material/warning:")
        else:
            st.info(text, icon=":material/info:")

    st.altair_chart(
        charts.plan_composition_chart(result.composition, result.engagement), width="stretch"
    )
    st.altair_chart(
        charts.tradeoff_chart(result.curve, result.removed, result.zone_start), width="stretch"
    )
    st.altair_chart(charts.reach_chart(result.curve, result.removed), width="stretch")
    st.caption(
        "Removing people in order: your plan first, then everyone else a protection does "
        "not cover, least engaged and lowest fit first. Dashed: your plan; shaded: more "
        f"than {OVERPRUNE_SHARE:.0%} removed. The gap between the two reach models is the "
        "honest uncertainty."
    )

    st.subheader("Removal schedule")
    if warning := pace_warning(result.scenario.pace):
        st.warning(warning, icon=":material/warning:")
    if result.removed:
        st.caption(
            f"{count(result.removed)} removals at {result.scenario.pace} a day: "
            f"{count(len(result.schedule))} days of a few minutes each, by hand. The "
            "checklist lists every day."
        )
        st.altair_chart(charts.schedule_chart(result.weekly), width="stretch")
    d1, d2 = st.columns([1, 2])
    d1.download_button(
        "Download removal checklist (CSV)",
        lambda: plan_checklist(table, result.order, result.reasons, result.scenario.pace),
        file_name="removal_checklist.csv",
        mime="text/csv",
        key="sim_download",
        icon=":material/download:",
        disabled=result.removed == 0,
    )
    with d2:
        report.report_controls("sim")
        st.page_link(
            "pages/4_Remove_or_block.py",
            label="How to remove a connection, step by step",
            icon=":material/help:",
            query_params={"faq": "how-to-remove"},
        )

    st.subheader("People")
    sp.people_picker(table, result)

    with st.expander("Assumptions (every number the projections rest on)", icon=":material/tune:"):
        st.dataframe(sp.assumption_table(assumptions(result)), hide_index=True, width="stretch")
        st.markdown(
            "**Model A — per-viewer ranking** (what LinkedIn's engineering posts "
            "describe) and **model B — test-and-expand** (the seed article's "
            "hypothesis; LinkedIn documents no test audience). Change any value:"
        )
        sp.render_model_inputs()

sp.sync_url()
