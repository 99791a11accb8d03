"""Pruning simulator: try a plan on your own network and see what it does, assumptions shown."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

import ui
from core.charts import FIT_DOMAIN, FIT_RANGE
from core.export import MAX_PER_DAY, checklist_csv, pace_warning, schedule
from core.format import count, pct
from core.schema import CONNECTION_CAP
from core.simulator import (
    ENGAGEMENT_SOURCE,
    PruneRules,
    engagement_probability,
    plan,
    priority_order,
    simulate,
    sweep,
)
from ui import report
from ui import simulator_page as sp

ui.page_setup("Pruning simulator", ":material/content_cut:")
net = ui.network()
df = sp.table()
has_icp = ui.icp() is not None
labels = sp.cluster_labels()
tags = ui.cluster_tags()
prune_groups = tuple(sorted(c for c, t in tags.items() if t == "prune"))

st.title("Pruning simulator")
st.markdown("Try a pruning plan before touching a single connection. Every number below comes "
            "from your data or from an assumption you can see and change.")

for key, value in sp.DEFAULTS.items():  # first visit: defaults (URL values win when present)
    st.session_state.setdefault(key, value)
bound = {"bind": "query-params"}
rules_col, main = st.columns([1, 3], gap="large")
with rules_col:
    st.subheader("Rules")
    st.toggle("Low ICP fit, below", key="fit_on", disabled=not has_icp, **bound)
    st.slider("Fit threshold", 0, 100, key="fit_below", step=5, disabled=not has_icp,
              label_visibility="collapsed", **bound)
    if not has_icp:
        st.caption("Needs an ICP: the fit rules are off until you define one.")
        st.page_link("pages/1_Define_your_ICP.py", label="Define your ICP",
                     icon=":material/target:")
    measured = net.engagement_known
    st.toggle("Inactive for (months)", key="inactive_on", disabled=not measured, **bound)
    st.slider("Months without interaction", 3, 60, key="inactive_months", step=3, disabled=not measured,
              label_visibility="collapsed", **bound)
    st.toggle("Never interacted", key="never_on", disabled=not measured, **bound)
    if not measured:
        st.caption("Interaction rules need messages.csv (upload the whole export zip).")
    st.toggle("Old and not engaged (years)", key="old_on", **bound)
    st.slider("Connected more than this many years ago", 1.0, 15.0, key="old_years", step=0.5,
              label_visibility="collapsed", **bound)
    st.toggle("Groups marked prune", key="groups_on", disabled=not prune_groups, **bound)
    if labels is None or not prune_groups:
        st.caption("Mark groups **prune** on the clusters page to add them here.")
        st.page_link("pages/2_Cluster_connections.py", label="Cluster connections",
                     icon=":material/hub:")
    st.number_input("Removals per day", 1, MAX_PER_DAY, key="pace", step=1, **bound,
                    help="LinkedIn publishes no limit; the usual advice is 10 to 20 a day.")
    st.button("Reset scenario", key="sim_reset", on_click=sp.reset, icon=":material/restart_alt:")

values = {k: st.session_state[k] for k in sp.DEFAULTS}
with main:
    with st.expander("Assumptions (every number the projections rest on)", expanded=False,
                     icon=":material/tune:"):
        st.markdown("**Engagement**: " + ("measured from your messages for everyone they cover; "
                                          "the rate below fills the gaps."
                                          if net.engagement_known else
                                          "your export has no engagement data, so it is "
                                          "assumed."))
        st.caption(ENGAGEMENT_SOURCE)
        st.radio("How to assume engagement", ["One rate for everyone", "By ICP fit band"],
                 key="eng_mode", horizontal=True, **bound)
        e1, e2, e3, e4 = st.columns(4)
        e1.number_input("Everyone (%)", 0, 100, key="eng_rate", **bound)
        e2.number_input("Strong fit (%)", 0, 100, key="eng_strong", **bound)
        e3.number_input("Partial fit (%)", 0, 100, key="eng_partial", **bound)
        e4.number_input("Off-profile (%)", 0, 100, key="eng_off", **bound)
        st.markdown("**Model A — per-viewer ranking** (what LinkedIn's engineering posts "
                    "describe: each viewer's feed is ranked by their affinity to you)")
        sp.render_parameters(sp.MODEL_A_INPUTS)
        st.markdown("**Model B — test-and-expand** (the seed article's hypothesis: a post is "
                    "shown to a small test audience first and spreads if it engages early). "
                    "LinkedIn documents no test-audience size and no 'golden hour'; the benefit "
                    "of pruning in this model depends on γ and r0.")
        sp.render_parameters(sp.MODEL_B_INPUTS)

    assumptions = sp.assumptions(values)
    p, engagement = engagement_probability(df, assumptions)
    rules = PruneRules(
        fit_below=values["fit_below"] if values["fit_on"] and has_icp else None,
        inactive_months=values["inactive_months"] if values["inactive_on"] else None,
        never_interacted=bool(values["never_on"]),
        older_than_years=values["old_years"] if values["old_on"] else None,
        prune_clusters=prune_groups if values["groups_on"] else (),
        prune_ids=tuple(sorted(sp.id_set("prune_ids"))),
        protect_ids=tuple(sorted(sp.id_set("protect_ids"))),
    )
    the_plan = plan(df, rules, cluster_labels=labels, known_engaged=assumptions.known_engaged)
    outcome = simulate(df, the_plan.mask, p_engaged=p, engagement=engagement)
    model_a, model_b = sp.models(values)
    before, after = outcome.before, outcome.after
    ia0, ia1 = model_a.impressions(before.size, before.engaged), model_a.impressions(
        after.size, after.engaged)
    ib0, ib1 = model_b.impressions(before.size, before.engaged), model_b.impressions(
        after.size, after.engaged)

    def delta(new, old, fmt):
        return None if new is None or old is None else fmt(new - old)

    tag = "measured" if engagement == "measured" else "assumed"
    m1, m2, m3, m4, m5 = st.columns(5)
    m1.metric("Connections", count(after.size), delta=f"-{count(outcome.removed)}",
              delta_color="off", help=f"Headroom under LinkedIn's {count(CONNECTION_CAP)} cap: "
                                      f"{count(before.headroom)} now, {count(after.headroom)} "
                                      "after.")
    m2.metric("Engaged share", pct(after.engaged_share),
              delta=delta(after.engaged_share, before.engaged_share,
                          lambda d: f"{d * 100:+.1f} pts"),
              help=f"Engaged / all connections ({tag}). Before: {pct(before.engaged_share)} "
                   f"({count(before.engaged)} of {count(before.size)}).")
    m3.metric("ICP share", pct(after.icp_share) if has_icp else "no ICP",
              delta=delta(after.icp_share, before.icp_share, lambda d: f"{d * 100:+.1f} pts")
              if has_icp else None,
              help="Strong ICP fits / all connections.")
    m4.metric("Reach, model A", count(ia1), delta=f"{(ia1 / ia0 - 1) * 100:+.1f}%" if ia0 else None,
              help="Impressions per post if each viewer's feed is ranked by affinity. "
                   "Removing people can only lower it.")
    m5.metric("Reach, model B", count(ib1), delta=f"{(ib1 / ib0 - 1) * 100:+.1f}%" if ib0 else None,
              help="Impressions per post if a test audience decides how far a post spreads "
                   "(a hypothesis, not documented by LinkedIn).")
    st.caption(f"Plan: remove {count(outcome.removed)} of {count(before.size)} connections. "
               f"Engagement is **{tag}**" + (" from your messages." if tag == "measured" else
                                              ": every engaged number is an expected value.")
               + " The gap between models A and B is the honest uncertainty.")
    if outcome.empty_after:
        st.warning("This plan removes everyone: there would be no network left to reach.",
                   icon=":material/warning:")

    bands = df["fit_band"].astype(str).to_numpy() if has_icp else np.full(len(df), "unscored")
    comp = []
    for state, keep in (("Before", np.ones(len(df), dtype=bool)), ("After", ~the_plan.mask)):
        for band in np.unique(bands):
            sel = keep & (bands == band)
            e = float(p[sel].sum())
            comp += [{"state": state, "band": band or "ghost", "engagement": "Engaged",
                      "people": e},
                     {"state": state, "band": band or "ghost", "engagement": "Not engaged",
                      "people": float(sel.sum()) - e}]
    comp = pd.DataFrame(comp)
    comp["row"] = comp["state"] + " · " + comp["engagement"].str.lower()
    row_order = [f"{s} · {e}" for e in ("engaged", "not engaged") for s in ("Before", "After")]
    domain = FIT_DOMAIN + ["ghost", "unscored"]
    colors = FIT_RANGE + ["#e2e8f0", "#94a3b8"]
    st.altair_chart(
        alt.Chart(comp).mark_bar().encode(
            x=alt.X("sum(people):Q", title="Connections"),
            y=alt.Y("row:N", sort=row_order, title=None,
                    axis=alt.Axis(labelOverlap=False, labelLimit=200)),
            color=alt.Color("band:N", title="ICP fit",
                            scale=alt.Scale(domain=domain, range=colors),
                            legend=alt.Legend(orient="bottom", direction="horizontal")),
            tooltip=[alt.Tooltip("state:N", title="When"),
                     alt.Tooltip("engagement:N", title="Engagement"),
                     alt.Tooltip("band:N", title="ICP fit"),
                     alt.Tooltip("sum(people):Q", title="Connections", format=",.0f")],
        ).properties(title=f"Who is in your network, before and after ({tag} engagement)",
                     height=alt.Step(34)),  # per row, so the bars stay readable
        width="stretch")
    curve = sweep(df, the_plan.mask, p, model_a, model_b)
    tradeoff_chart = None
    chart_left, chart_right = st.columns(2)
    if len(curve) > 1:
        with chart_left:
            long = curve.melt("removed", ["engaged_share", "icp_share"] if has_icp
                              else ["engaged_share"], var_name="measure", value_name="share")
            long["measure"] = long["measure"].map({"engaged_share": "Engaged share",
                                                   "icp_share": "ICP share"})
            best = curve.loc[curve["impressions_b"].idxmax()]
            lines = alt.Chart(long).mark_line(strokeWidth=2.5).encode(
                x=alt.X("removed:Q", title="People removed"),
                y=alt.Y("share:Q", title="Share of network", axis=alt.Axis(format="%")),
                color=alt.Color("measure:N", title=None,
                                scale=alt.Scale(range=["#0f766e", "#f59e0b"]),
                                legend=alt.Legend(orient="bottom", direction="vertical")),
                tooltip=[alt.Tooltip("removed:Q", title="Removed", format=","),
                         alt.Tooltip("measure:N"), alt.Tooltip("share:Q", format=".1%")])
            rule = alt.Chart(pd.DataFrame({"removed": [outcome.removed],
                                           "label": ["your plan"]})).mark_rule(
                strokeDash=[4, 3], color="#0f172a").encode(x="removed:Q",
                                                           tooltip=["label:N"])
            best_rule = alt.Chart(pd.DataFrame({"removed": [int(best["removed"])],
                                                "label": ["model B's best point"]})).mark_rule(
                color="#b45309").encode(x="removed:Q", tooltip=["label:N"])
            tradeoff_chart = (lines + rule + best_rule).properties(
                title="Shares rise, the audience shrinks", height=320)
            st.altair_chart(tradeoff_chart, width="stretch")
            st.caption("Removing people in order: least engaged and lowest fit first. Dashed "
                       "line: your plan; solid brown line: where model B's reach peaks.")
        with chart_right:
            reach = curve.melt("removed", ["impressions_a", "impressions_b"], var_name="model",
                               value_name="impressions")
            reach["model"] = reach["model"].map({"impressions_a": "Model A (per-viewer)",
                                                 "impressions_b": "Model B (test-and-expand)"})
            st.altair_chart((alt.Chart(reach).mark_line(strokeWidth=2).encode(
                x=alt.X("removed:Q", title="People removed"),
                y=alt.Y("impressions:Q", title="Impressions per post (model)"),
                color=alt.Color("model:N", title=None,
                                scale=alt.Scale(range=["#334155", "#b45309"]),
                                legend=alt.Legend(orient="bottom", direction="vertical")),
                tooltip=[alt.Tooltip("removed:Q", format=","), alt.Tooltip("model:N"),
                         alt.Tooltip("impressions:Q", format=",.0f")]) + rule).properties(
                title="Reach per post, both models", height=320),
                width="stretch")
    else:
        st.info("Turn on a rule to see the trade-off curve.", icon=":material/info:")

    st.subheader("Removal schedule")
    try:
        warning = pace_warning(int(values["pace"]))
        days = schedule(outcome.removed, int(values["pace"]))
    except ValueError as exc:
        st.error(str(exc), icon=":material/error:")
        days = schedule(outcome.removed, 15)
        warning = None
    if warning:
        st.warning(warning, icon=":material/warning:")
    if len(days):
        st.caption(f"{count(outcome.removed)} removals at {values['pace']} a day: "
                   f"{count(len(days))} days of a few minutes each, by hand.")
        unit = "day" if len(days) <= 31 else "week"
        shown = days if unit == "day" else days.assign(week=(days["day"] - 1) // 7 + 1).groupby(
            "week", as_index=False)["removals"].sum()
        st.altair_chart(alt.Chart(shown).mark_bar(color="#0f766e").encode(
            x=alt.X(f"{unit}:O", title=unit.title(), axis=alt.Axis(labelOverlap=True)),
            y=alt.Y("removals:Q", title="Removals"),
            tooltip=[alt.Tooltip(f"{unit}:O", title=unit.title()),
                     alt.Tooltip("removals:Q", title="Removals")]).properties(
            title=f"Removals per {unit}", height=220), width="stretch")
    order = priority_order(df, the_plan.mask, p)
    report.remember_plan(
        rules=[r for r in (
            f"ICP fit below {rules.fit_below:g}" if rules.fit_below is not None else "",
            f"no interaction for {rules.inactive_months} months" if rules.inactive_months else "",
            "never interacted" if rules.never_interacted else "",
            f"connected over {rules.older_than_years:g} years ago and not engaged"
            if rules.older_than_years else "",
            f"{len(rules.prune_clusters)} group(s) marked prune" if rules.prune_clusters else "",
            f"{len(rules.prune_ids)} picked, {len(rules.protect_ids)} protected"
            if rules.prune_ids or rules.protect_ids else "") if r],
        before_after=pd.DataFrame({
            "Before": [count(before.size), pct(before.engaged_share), pct(before.icp_share)
                       if has_icp else "–", count(ia0), count(ib0)],
            "After": [count(after.size), pct(after.engaged_share), pct(after.icp_share)
                      if has_icp else "–", count(ia1), count(ib1)],
        }, index=pd.Index(["Connections", f"Engaged share ({tag})", "ICP share",
                           "Reach per post, model A", "Reach per post, model B"],
                          name="Measure")),
        assumptions={**{k: str(v) for k, v in values.items() if k.startswith(("a_", "b_"))},
                     "engagement": tag, "assumed rate": f"{values['eng_rate']}%"},
        tradeoff=tradeoff_chart, schedule=days,
        people=pd.DataFrame({
            "Day": [k // max(int(values["pace"]), 1) + 1 for k in range(len(order))],
            "Name": df["full_name"].to_numpy()[order], "Title": df["position"].to_numpy()[order],
            "Company": df["company"].to_numpy()[order],
            "Why": the_plan.reasons.to_numpy()[order]}),
    )
    d1, d2 = st.columns([1, 2])
    pace = min(int(values["pace"]), MAX_PER_DAY)
    d1.download_button(
        "Download removal checklist (CSV)",
        lambda: checklist_csv(df, the_plan.mask, pace, the_plan.reasons, order=order),
        file_name="removal_checklist.csv", mime="text/csv", key="sim_download",
        icon=":material/download:", disabled=outcome.removed == 0)
    with d2:
        report.report_controls("sim")
        st.page_link("pages/4_Remove_or_block.py", label="How to remove a connection, step by step",
                     icon=":material/help:", query_params={"faq": "how-to-remove"})

    st.subheader("People in the plan")
    query = st.text_input("Search the whole network (name, title, company)", key="sim_search",
                          placeholder="Find someone to protect, remove or mark as engaged")
    protect, prune_ids, known = (sp.id_set("protect_ids"), sp.id_set("prune_ids"),
                                 sp.id_set("known_engaged"))
    if query:
        hay = (df["full_name"] + " " + df["position"] + " " + df["company"]).str.lower()
        rows = np.flatnonzero(hay.str.contains(query.lower(), regex=False).to_numpy()
                              & ~df["is_blank"].to_numpy())[:200]
    else:
        rows = order[:200]
    view = pd.DataFrame({
        "id": np.asarray(rows, dtype=int),
        "remove": the_plan.mask[rows].astype(bool),
        "protect": np.array([int(i) in protect for i in rows], dtype=bool),
        "engages": np.array([int(i) in known for i in rows], dtype=bool),
        "name": df["full_name"].to_numpy()[rows], "title": df["position"].to_numpy()[rows],
        "company": df["company"].to_numpy()[rows],
        "reasons": the_plan.reasons.to_numpy()[rows],
    })
    editor_key = sp.editor_key(query)
    edited = st.data_editor(
        view, key=editor_key, hide_index=True,
        width="stretch", height=360, disabled=["id", "name", "title", "company", "reasons"],
        column_order=["remove", "protect", "engages", "name", "title", "company", "reasons"],
        column_config={
            "remove": st.column_config.CheckboxColumn("Remove", help="In the plan. Untick to "
                                                      "keep someone; tick to add someone."),
            "protect": st.column_config.CheckboxColumn("Protect", help="Never in any plan."),
            "engages": st.column_config.CheckboxColumn("Engages with me",
                                                       help="Counts as engaged."),
            "name": "Name", "title": "Title", "company": "Company",
            "reasons": st.column_config.TextColumn("Why", width="large"),
        })
    changed = False
    for row in edited.itertuples():
        i = int(row.id)
        was_in_plan = bool(the_plan.mask[i])
        if row.remove != was_in_plan:
            if row.remove:
                prune_ids.add(i)
                protect.discard(i)
            else:
                protect.add(i)
                prune_ids.discard(i)
            changed = True
        if row.protect != (i in protect) and row.remove == was_in_plan:
            (protect.add if row.protect else protect.discard)(i)
            changed = True
        if row.engages != (i in known):
            (known.add if row.engages else known.discard)(i)
            changed = True
    if changed:
        sp.set_ids("protect_ids", protect)
        sp.set_ids("prune_ids", prune_ids)
        sp.set_ids("known_engaged", known)
        sp.forget_widget(editor_key)  # rows move when the plan changes: start the editor afresh
        st.rerun()
    st.caption(f"Showing {count(len(view))} of {count(outcome.removed) if not query else 'the'}"
               f"{' people in the plan' if not query else ' matches'}, least valuable first. "
               f"Protected: {count(len(protect))} · picked: {count(len(prune_ids))} · "
               f"known to engage: {count(len(known))}.")
