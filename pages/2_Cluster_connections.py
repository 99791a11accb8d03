"""Cluster connections: named groups by what people do, to keep, review or prune."""

import altair as alt
import streamlit as st

import ui
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

auto = cp.auto_k()
choice = st.select_slider(
    "Number of groups", options=["Auto"] + list(range(2, 21)), value="Auto", key="clusters_k",
    persist_state="session",
    help=f"Auto picks {auto} groups for your {count(people)} titles: enough to tell groups apart, "
         "few enough to read. More groups split them finer.")
k = None if choice == "Auto" else int(choice)
method = "lexical"
if cp.semantic_available():
    method = st.radio(
        "Grouping by", ["lexical", "semantic"], horizontal=True, key="clusters_method",
        persist_state="session",
        format_func={"lexical": "Words in the title (fast)",
                     "semantic": "Meaning of the title (slower, sentence embeddings)"}.get,
        help="Semantic mode reads each distinct title with a small language model once "
             "(about 800 titles a second here), then reuses it.")
with st.spinner("Grouping your connections…"):
    result = cp.clusters(k, method)
stats = cp.stats(result)
has_icp = ui.icp() is not None
untitled = int((~df["is_blank"]).sum()) - people
st.caption(("Define an ICP to see how well each group fits it. " if not has_icp else "")
           + (f"{count(untitled)} connections have no job title and are not in any group."
              if untitled else ""))

left, right = st.columns(2, gap="large")
with left:
    bar_data = stats.assign(label=stats["name"])
    color = (alt.Color("strong_share:Q", title="Strong ICP fit", scale=alt.Scale(
        scheme="tealblues", domain=[0, 1]), legend=alt.Legend(format=".0%"))
             if has_icp else alt.value("#0f766e"))
    pick = alt.selection_point(fields=["cluster"], name="pick")
    tooltip = [alt.Tooltip("label:N", title="Group"),
               alt.Tooltip("size:Q", title="Connections", format=","),
               alt.Tooltip("share:Q", title="Share of network", format=".1%")]
    if has_icp:
        tooltip.append(alt.Tooltip("strong_share:Q", title="Strong fit", format=".0%"))
    bars = (
        alt.Chart(bar_data)
        .mark_bar()
        .encode(x=alt.X("size:Q", title="Connections"),
                y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
                color=color, tooltip=tooltip,
                opacity=alt.condition(pick, alt.value(1), alt.value(0.45)))
        .add_params(pick)
        .properties(title="Group sizes" + (", coloured by share of strong ICP fits"
                                           if has_icp else ""),
                    height=max(200, 28 * len(bar_data)))
    )
    event = st.altair_chart(bars, width="stretch", on_select="rerun", key="cluster_bar")
with right:
    points = cp.map_frame(result)
    scatter = (
        alt.Chart(points)
        .mark_circle(size=28, opacity=0.7)
        .encode(x=alt.X("x:Q", axis=None), y=alt.Y("y:Q", axis=None),
                color=alt.Color("group:N", title="Group", legend=alt.Legend(orient="bottom",
                                                                             columns=2)),
                tooltip=[alt.Tooltip("group:N", title="Group"),
                         alt.Tooltip("position:N", title="Title"),
                         alt.Tooltip("company:N", title="Company")])
        .properties(title="Map of your network: similar titles sit close together", height=420)
        .interactive()
    )
    st.altair_chart(scatter, width="stretch")
    if len(points) < int((result.labels >= 0).sum()):
        st.caption(f"Showing a sample of {count(len(points))} people to keep the map fast.")

st.subheader("Your groups")
table = stats[["cluster", "name", "size", "share", "engaged_share", "top_titles", "decision"]
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
marked = [n for c, n in cp.names(result).items() if tags.get(c) == "prune"]
if marked:
    st.success(f"Marked for pruning: {ui.md_escape(', '.join(marked))}. The simulator will "
               "include these groups.", icon=":material/content_cut:")
    st.page_link("pages/3_Pruning_simulator.py", label="Open the pruning simulator",
                 icon=":material/content_cut:")

st.subheader("Look inside a group")
selected = [int(p["cluster"]) for p in (event.selection.get("pick") or []) if "cluster" in p] \
    if event and hasattr(event, "selection") else []
nm = cp.names(result)
ids = list(nm)
default = ids.index(selected[0]) if selected and selected[0] in ids else 0
group = st.selectbox("Group", ids, index=default, format_func=lambda c: nm[c],
                     key="cluster_pick" if not selected else f"cluster_pick_{selected[0]}",
                     help="Or click a bar in the chart above.")
query = st.text_input("Search names, titles or companies", key="cluster_search",
                      placeholder="e.g. Acme or Director")
members = cp.members(result, group)
if query:
    hay = (members["full_name"] + " " + members["position"] + " " + members["company"]).str.lower()
    members = members[hay.str.contains(query.lower(), regex=False)]
st.caption(f"{count(len(members))} people · {pct(len(members) / max(people, 1))} of people "
           "with a title")
st.dataframe(
    members, hide_index=True, width="stretch", height=360,
    column_config={
        "full_name": "Name", "position": "Title", "company": "Company",
        "connected_on": st.column_config.DateColumn("Connected", format="MMM YYYY"),
        "engaged": st.column_config.CheckboxColumn("Engaged"),
        "fit": st.column_config.ProgressColumn("ICP fit", min_value=0, max_value=100,
                                               format="%d"),
        "fit_reasons": st.column_config.TextColumn("Why", width="large"),
    },
)
