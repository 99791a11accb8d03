"""Cluster connections: groups of people by what they do, to keep, review or prune."""

import streamlit as st

import ui
from core.charts import group_bars_chart, group_map_chart
from core.format import count
from ui import clusters_page as cp
from ui import derived

ui.page_setup("Cluster connections", ":material/hub:")

st.title("Cluster connections")
st.markdown(
    "Your connections grouped by what they do: each group is mostly one job function "
    "(read from the title in any language), split further where a function is large. "
    "Rename groups and mark each one **keep**, **review** or **prune**: the pruning "
    "simulator picks up your marks, and they follow the groups when you regroup."
)

cp.render_controls()
with st.spinner(cp.wait_text(), show_time=True):
    result = derived.grouping()
people = int((result.labels >= 0).sum())
if people < cp.MIN_PEOPLE:
    st.info(
        f"Only {count(people)} of your connections have a job title, too few for groups to "
        f"mean anything (we need at least {cp.MIN_PEOPLE}). Look at them directly on the "
        "ICP page instead.",
        icon=":material/info:",
    )
    st.page_link("pages/1_Define_your_ICP.py", label="Define your ICP", icon=":material/target:")
    st.stop()
for message in cp.moved():
    st.info(ui.md_escape(message), icon=":material/move_item:")
st.caption(cp.summary(result, people))
stats = cp.stats(result)

with st.expander(
    "Help me choose the number of groups", icon=":material/tune:", expanded=cp.suggestion_shown()
):
    cp.render_suggestion()

left, right = st.columns(2, gap="large")
with left:
    sizes, mix = cp.bar_frames(result, stats)
    bar_event = st.altair_chart(
        group_bars_chart(sizes, mix),
        width="stretch",
        on_select="rerun",
        key="cluster_bar",
        alt="Number of connections in each group",
    )
with right:
    points = cp.map_frame(result)
    map_event = st.altair_chart(
        group_map_chart(points),
        width="stretch",
        on_select="rerun",
        key="cluster_map",
        alt="Map of connections: one dot per person, coloured by group",
    )
    if len(points) < people:
        st.caption(f"Showing a sample of {count(len(points))} people to keep the map fast.")

st.subheader("Your groups")
cp.save_edits(cp.render_table(stats), result)
marked = cp.pruned(result)
if marked:
    st.success(
        f"Marked for pruning: {ui.md_escape(', '.join(marked))}. The simulator counts these "
        "groups only in a rule with “In a group marked prune” switched on; it offers a button, "
        "“Add a rule for the marked groups”, to do it.",
        icon=":material/content_cut:",
    )
    st.page_link(
        "pages/3_Pruning_simulator.py",
        label="Open the pruning simulator",
        icon=":material/content_cut:",
    )

st.subheader("Look inside a group")
cp.render_drill_down(result, people, bar_event, map_event)
