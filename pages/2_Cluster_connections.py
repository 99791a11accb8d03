"""Cluster connections: groups of people by what they do, to keep, review or prune."""

import streamlit as st

import ui
from core.charts import group_bars_chart, group_map_chart
from core.format import count, pct
from ui import clusters_page as cp
from ui import derived

ui.page_setup("Cluster connections", ":material/hub:")

st.title("Cluster connections")
st.markdown("Your connections grouped by what they do: each group is mostly one job function "
            "(read from the title in any language), split further where a function is large. "
            "Rename groups and mark each one **keep**, **review** or **prune**: the pruning "
            "simulator picks up your marks, and they follow the groups when you regroup.")

cp.sync_controls()
controls = st.columns([3, 2], gap="large", vertical_alignment="bottom")
with controls[0]:
    choice = st.select_slider(
        "Number of groups", options=cp.K_OPTIONS, key="clusters_k",
        help="Auto gives each job function present its own group and splits any function "
             "holding more than a quarter of your network. More groups split functions by "
             "their titles and seniority; fewer join the most alike.")
method = "lexical"
if cp.semantic_available():
    with controls[1]:
        method = st.radio(
            "Grouping by", ["lexical", "semantic"], horizontal=True, key="clusters_method",
            format_func={"lexical": "Words in the title (fast)",
                         "semantic": "Meaning of the title (slower)"}.get,
            help="Semantic mode reads each distinct title with a small language model once.")
cp.set_controls(choice, method)
with st.spinner("Grouping your connections…"):
    result = derived.grouping()
people = int((result.labels >= 0).sum())
if people < cp.MIN_PEOPLE:
    st.info(f"Only {count(people)} of your connections have a job title, too few for groups to "
            f"mean anything (we need at least {cp.MIN_PEOPLE}). Look at them directly on the "
            "ICP page instead.", icon=":material/info:")
    st.page_link("pages/1_Define_your_ICP.py", label="Define your ICP", icon=":material/target:")
    st.stop()
for message in cp.moved():
    st.info(ui.md_escape(message), icon=":material/move_item:")

stats = cp.stats(result)
has_icp = ui.icp() is not None
df = ui.network().df
untitled = int((~df["is_blank"]).sum()) - people
mixed = int(sum(p < 0.7 for p in result.purity.values()))
st.caption(f"{count(result.k)} groups of {count(people)} people with a title"
           + (f", {count(mixed)} of them mixed (no function holds 70% of the group)"
              if mixed else ", each mostly one job function") + "."
           + (f" {count(untitled)} connections have no job title and are in no group."
              if untitled else "")
           + (" Define an ICP to see how well each group fits it." if not has_icp else ""))

with st.expander("Help me choose the number of groups", icon=":material/tune:"):
    cp.render_suggestion()

left, right = st.columns(2, gap="large")
with left:
    sizes, mix = cp.bar_frames(result, stats)
    bar_event = st.altair_chart(group_bars_chart(sizes, mix), width="stretch", on_select="rerun",
                                key="cluster_bar", alt="Number of connections in each group")
with right:
    points = cp.map_frame(result)
    map_event = st.altair_chart(group_map_chart(points), width="stretch", on_select="rerun",
                                key="cluster_map",
                                alt="Map of connections: one dot per person, coloured by group")
    if len(points) < people:
        st.caption(f"Showing a sample of {count(len(points))} people to keep the map fast.")

st.subheader("Your groups")
fit_cols = ["mean_fit", "strong_share"] if has_icp else []
table = stats[["cluster", "name", "decision", "size", "share", "engaged", "function"]
              + fit_cols + ["top_titles"]]
edited = st.data_editor(
    table, key="cluster_editor", hide_index=True, width="stretch",
    disabled=[c for c in table.columns if c not in ("name", "decision")],
    column_order=["name", "decision", "size", "share", "function", "engaged"] + fit_cols
    + ["top_titles"],
    column_config={
        "name": st.column_config.TextColumn("Group (click to rename)", max_chars=60),
        "decision": st.column_config.SelectboxColumn("Decision", options=cp.DECISIONS,
                                                     required=True),
        "size": st.column_config.NumberColumn("Connections", format="%d"),
        "share": st.column_config.NumberColumn("Share", format="percent"),
        "function": st.column_config.TextColumn(
            "Main job function", help="Share of the group with its most common function."),
        "engaged": st.column_config.TextColumn(
            "Engaged", help="Share who messaged with you in the last 12 months ('not known' "
            "when your export has no messages)."),
        "mean_fit": st.column_config.ProgressColumn("Mean ICP fit", min_value=0, max_value=100,
                                                    format="%d"),
        "strong_share": st.column_config.NumberColumn("Strong fits", format="percent"),
        "top_titles": st.column_config.TextColumn("Typical titles", width="large"),
    },
)
cp.save_edits(edited, result)
marked = cp.pruned(result)
if marked:
    st.success(f"Marked for pruning: {ui.md_escape(', '.join(marked))}. The simulator will "
               "include these groups.", icon=":material/content_cut:")
    st.page_link("pages/3_Pruning_simulator.py", label="Open the pruning simulator",
                 icon=":material/content_cut:")

st.subheader("Look inside a group")
nm = cp.names(result)
ids = list(nm)
cp.follow_groups(ids)
clicked = cp.picked_cluster(bar_event, map_event, ids)
if clicked is not None:
    st.session_state["cluster_pick"] = clicked  # before the selectbox exists on this run
group = st.selectbox("Group", ids, format_func=lambda c: nm[c], key="cluster_pick",
                     help="Or click a bar or a dot in the charts above.")
query = st.text_input("Search names, titles or companies (whole words)", key="cluster_search",
                      placeholder="e.g. Acme or CTO")
members = cp.members(result, group, query)
st.caption(f"{count(len(members))} people · {pct(len(members) / max(people, 1))} of people "
           "with a title" + (" · best ICP fit first" if has_icp else " · most typical first"))
st.dataframe(
    members, hide_index=True, width="stretch", height=360,
    column_config={
        "full_name": "Name", "position": "Title", "company": "Company",
        "connected": "Connected", "engaged": "Engaged",
        "typical": st.column_config.ProgressColumn(
            "Typical of group", min_value=0, max_value=1, format="percent",
            help="How close this title is to the group's centre."),
        "fit": st.column_config.ProgressColumn("ICP fit", min_value=0, max_value=100,
                                               format="%d"),
        "fit_reasons": st.column_config.TextColumn("Why", width="large"),
    },
)

with st.expander("A title is in the wrong group? Tell the coach what it is",
                 icon=":material/edit_note:"):
    cp.render_correction(result, group)
