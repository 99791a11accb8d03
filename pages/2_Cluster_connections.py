"""Cluster connections: named groups by what people do, to keep, review or prune."""

import altair as alt
import streamlit as st

import ui
from core.charts import FIT_DOMAIN, FIT_RANGE
from core.format import count, pct
from ui import clusters_page as cp
from ui import report

ui.page_setup("Cluster connections", ":material/hub:")
net = ui.network()
df = net.df

st.title("Cluster connections")
st.markdown("Your connections grouped by what their job titles say, named by the words that set "
            "each group apart. Rename groups and mark each one **keep**, **review** or "
            "**prune**: the pruning simulator picks up your marks.")

people = cp.people_with_titles()
if people < cp.MIN_PEOPLE:
    st.info(f"Only {count(people)} of your connections have a job title, too few for groups to "
            f"mean anything (we need at least {cp.MIN_PEOPLE}). Look at them directly on the "
            "ICP page instead.", icon=":material/info:")
    st.page_link("pages/1_Define_your_ICP.py", label="Define your ICP",
                 icon=":material/target:")
    st.stop()

controls = st.columns([3, 2], gap="large", vertical_alignment="bottom")
with controls[0]:
    choice = st.select_slider(
        "Number of groups", options=cp.K_OPTIONS, value="Auto", key="clusters_k",
        persist_state="session",
        help="Auto picks about √(distinct titles ÷ 2) groups, at most 12: enough to tell groups "
             "apart, few enough to read. More groups split them finer.")
k = None if choice == "Auto" else int(choice)
method = "lexical"
if cp.semantic_available():
    with controls[1]:
        method = st.radio(
            "Grouping by", ["lexical", "semantic"], horizontal=True, key="clusters_method",
            persist_state="session",
            format_func={"lexical": "Words in the title (fast)",
                         "semantic": "Meaning of the title (slower)"}.get,
            help="Semantic mode reads each distinct title with a small language model once "
                 "(a few hundred titles a second here), then reuses it.")
with st.spinner("Grouping your connections…"):
    result = cp.clusters(k, method)
if cp.marks_cleared():
    st.info("The groups changed, so your earlier keep / review / prune marks and renames were "
            "cleared: group numbers only mean something for one grouping.",
            icon=":material/restart_alt:")
stats = cp.stats(result)
has_icp = ui.icp() is not None
untitled = int((~df["is_blank"]).sum()) - people
distinct = len(cp.prepared(method).docs)
st.caption(f"{count(result.k)} groups of {count(people)} people with a title "
           f"({count(distinct)} distinct titles once levels like Senior or VP are set aside)."
           + (f" {count(untitled)} connections have no job title and are in no group."
              if untitled else "")
           + (" Define an ICP to see how well each group fits it." if not has_icp else ""))

with st.expander("Help me choose the number of groups", icon=":material/tune:"):
    st.markdown("There is no single right number: fewer groups lump different jobs together, "
                "more groups split one job into several. The curve below shows how alike the "
                "titles inside each group are for each number of groups; past its bend, extra "
                "groups add little.")
    if st.button("Compare 2 to 20 groups", key="clusters_suggest_go",
                 icon=":material/query_stats:"):
        ui.put("clusters_suggest_shown", True)
    if ui.get("clusters_suggest_shown"):
        with st.spinner("Trying each number of groups…"):
            table = cp.suggestion(method)
        if table.empty:
            st.info("Too few distinct titles to compare groupings.")
        else:
            best = int(table.loc[table["suggested"], "k"].iloc[0])
            long = table.melt(id_vars=["k", "suggested"],
                              value_vars=["coherence", "function_purity"],
                              var_name="measure", value_name="value").dropna()
            long["measure"] = long["measure"].map(
                {"coherence": "Titles alike within groups",
                 "function_purity": "People sharing their group's job function"})
            lines = alt.Chart(long).mark_line(point=True).encode(
                x=alt.X("k:Q", title="Number of groups", axis=alt.Axis(tickMinStep=1)),
                y=alt.Y("value:Q", title=None, axis=alt.Axis(format=".0%"),
                        scale=alt.Scale(domain=[0, 1])),
                color=alt.Color("measure:N", title=None,
                                legend=alt.Legend(orient="bottom", labelLimit=320)),
                tooltip=[alt.Tooltip("k:Q", title="Groups"),
                         alt.Tooltip("measure:N", title="Measure"),
                         alt.Tooltip("value:Q", title="Value", format=".0%")])
            rule = alt.Chart(table[table["suggested"]]).mark_rule(
                strokeDash=[4, 4], color="#64748b").encode(
                x="k:Q", tooltip=[alt.Tooltip("k:Q", title="Suggested number of groups")])
            st.altair_chart(
                (lines + rule).properties(
                    title="How well each number of groups describes your network", height=240),
                width="stretch", height=320,
                alt=f"Group quality by number of groups; the bend is at {best}")
            st.markdown(f"The bend is at **{best} groups**.")
            st.button(f"Use {best} groups", key="clusters_use_suggested",
                      on_click=lambda b=best: st.session_state.update(clusters_k=b))

left, right = st.columns(2, gap="large")
with left:
    mix = cp.fit_mix(result)
    tooltip = [alt.Tooltip("label:N", title="Group"),
               alt.Tooltip("size:Q", title="Connections in group", format=",")]
    pick = alt.selection_point(fields=["cluster"], name="pick")
    if mix is not None:
        # Bars stacked by ICP fit band, in the app's fit colours.
        bar_data = mix.merge(stats[["cluster", "name", "size", "strong_share"]], on="cluster")
        bar_data = bar_data.assign(label=bar_data["name"])
        color = alt.Color("fit_band:N", title="ICP fit",
                          scale=alt.Scale(domain=FIT_DOMAIN, range=FIT_RANGE),
                          legend=alt.Legend(orient="bottom"))
        tooltip += [alt.Tooltip("fit_band:N", title="ICP fit"),
                    alt.Tooltip("count:Q", title="People with this fit", format=","),
                    alt.Tooltip("strong_share:Q", title="Strong fits in group", format=".0%")]
        x = alt.X("sum(count):Q", title="Connections")
        order = alt.Order("fit_order:Q")
        bar_data["fit_order"] = bar_data["fit_band"].map({b: i for i, b in enumerate(FIT_DOMAIN)})
        title = "Group sizes, split by how well people fit your ICP"
    else:
        bar_data = stats.assign(label=stats["name"])
        color = alt.value("#0f766e")
        tooltip.append(alt.Tooltip("share:Q", title="Share of network", format=".1%"))
        x = alt.X("size:Q", title="Connections")
        order = alt.Order("cluster:Q")
        title = "Group sizes (click a bar to look inside)"
    bars = (
        alt.Chart(bar_data)
        .mark_bar()
        .encode(x=x, y=alt.Y("label:N", sort=alt.EncodingSortField("size", op="max", order="descending"),
                             title=None, axis=alt.Axis(labelLimit=260)),
                color=color, order=order, tooltip=tooltip,
                opacity=alt.condition(pick, alt.value(1), alt.value(0.45)))
        .add_params(pick)
        # Streamlit fits title, axes and the legend inside this height: room for all of them.
        .properties(title=title, height=max(220, 30 * len(stats)) + (70 if mix is not None else 40))
    )
    bar_event = st.altair_chart(bars, width="stretch", on_select="rerun", key="cluster_bar",
                                alt="Number of connections in each group")
with right:
    points = cp.map_frame(result)
    pick_map = alt.selection_point(fields=["cluster"], name="pick_map")

    def padded(col: str) -> alt.Scale:
        lo, hi = float(points[col].min()), float(points[col].max())
        pad = 0.06 * (hi - lo or 1.0)
        return alt.Scale(domain=[lo - pad, hi + pad], nice=False, zero=False)

    # More groups than the theme's 10 colours: a 20-colour scheme, so no two groups share one.
    palette = alt.Scale(scheme="tableau20") if result.k > 10 else alt.Undefined
    scatter = (
        alt.Chart(points)
        .mark_circle(size=26, opacity=0.7)
        .encode(x=alt.X("x:Q", axis=None, scale=padded("x")),
                y=alt.Y("y:Q", axis=None, scale=padded("y")),
                color=alt.Color("group:N", title="Group", scale=palette,
                                legend=alt.Legend(orient="bottom", columns=2, labelLimit=185)),
                tooltip=[alt.Tooltip("group:N", title="Group"),
                         alt.Tooltip("position:N", title="Title"),
                         alt.Tooltip("company:N", title="Company")],
                opacity=alt.condition(pick_map, alt.value(0.75), alt.value(0.25)))
        .add_params(pick_map)
        .properties(title="Map of your network: similar titles sit close together", height=440)
    )
    map_event = st.altair_chart(scatter, width="stretch", on_select="rerun", key="cluster_map",
                                alt="Map of connections: one dot per person, coloured by group")
    if len(points) < int((result.labels >= 0).sum()):
        st.caption(f"Showing a sample of {count(len(points))} people to keep the map fast.")

st.subheader("Your groups")
table = stats[["cluster", "name", "decision", "size", "share", "engaged_share", "top_titles"]
              + (["mean_fit", "strong_share"] if has_icp else [])]
edited = st.data_editor(
    table, key="cluster_editor", hide_index=True, width="stretch",
    disabled=[c for c in table.columns if c not in ("name", "decision")],
    column_order=["name", "decision", "size", "share", "engaged_share"]
    + (["mean_fit", "strong_share"] if has_icp else []) + ["top_titles"],
    column_config={
        "name": st.column_config.TextColumn("Group (click to rename)", max_chars=60),
        "decision": st.column_config.SelectboxColumn("Decision", options=cp.DECISIONS,
                                                     required=True),
        "size": st.column_config.NumberColumn("Connections", format="%d"),
        "share": st.column_config.NumberColumn("Share", format="percent"),
        "engaged_share": st.column_config.NumberColumn(
            "Engaged", format="percent", help="Share who messaged with you in the last 12 "
            "months (blank when your export has no messages)."),
        "mean_fit": st.column_config.ProgressColumn("Mean ICP fit", min_value=0, max_value=100,
                                                    format="%d"),
        "strong_share": st.column_config.NumberColumn("Strong fits", format="percent"),
        "top_titles": st.column_config.TextColumn("Typical titles", width="large"),
    },
)
cp.save_edits(edited, result)
report.remember_clusters(
    edited[["name", "decision", "size", "share", "engaged_share"]
           + (["mean_fit"] if has_icp else [])].assign(
        share=lambda t: t["share"].map(pct),
        engaged_share=lambda t: t["engaged_share"].map(pct)).rename(columns={
            "name": "Group", "decision": "Decision", "size": "Connections", "share": "Share",
            "engaged_share": "Engaged", "mean_fit": "Mean ICP fit"}), bars)
tags = ui.cluster_tags()
nm = cp.names(result)
marked = [nm[c] for c in nm if tags.get(c) == "prune"]
if marked:
    st.success(f"Marked for pruning: {ui.md_escape(', '.join(marked))}. The simulator will "
               "include these groups.", icon=":material/content_cut:")
    st.page_link("pages/3_Pruning_simulator.py", label="Open the pruning simulator",
                 icon=":material/content_cut:")

st.subheader("Look inside a group")
ids = list(nm)
clicked = cp.picked_cluster(bar_event, map_event, ids)
if clicked is not None:
    st.session_state["cluster_pick"] = clicked  # before the selectbox exists on this run
if st.session_state.get("cluster_pick") not in ids:
    st.session_state.pop("cluster_pick", None)
group = st.selectbox("Group", ids, format_func=lambda c: nm[c], key="cluster_pick",
                     help="Or click a bar or a dot in the charts above.")
query = st.text_input("Search names, titles or companies", key="cluster_search",
                      placeholder="e.g. Acme or Director")
members = cp.members(result, group)
if query:
    hay = (members["full_name"] + " " + members["position"] + " " + members["company"]).str.lower()
    members = members[hay.str.contains(query.lower(), regex=False)]
st.caption(f"{count(len(members))} people · {pct(len(members) / max(people, 1))} of people "
           "with a title" + (" · best ICP fit first" if has_icp else " · most typical first"))
st.dataframe(
    members, hide_index=True, width="stretch", height=360,
    column_config={
        "full_name": "Name", "position": "Title", "company": "Company",
        "connected_on": st.column_config.DateColumn("Connected", format="MMM YYYY"),
        "engaged": st.column_config.CheckboxColumn("Engaged"),
        "typical": st.column_config.ProgressColumn(
            "Typical of group", min_value=0, max_value=1, format="percent",
            help="How close this title is to the group's centre: low means it fits no group "
                 "well."),
        "fit": st.column_config.ProgressColumn("ICP fit", min_value=0, max_value=100,
                                               format="%d"),
        "fit_reasons": st.column_config.TextColumn("Why", width="large"),
    },
)
