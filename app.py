"""Home: load a LinkedIn export (or keep the demo) and see an honest overview of the network."""

import streamlit as st

import ui
from core.charts import top_bar_chart
from core.format import count, month, pct
from core.schema import CONNECTION_CAP
from ui import data_quality, derived, report, upload, workshop

ui.page_setup("Home", ":material/home:")

st.title("Inbound Network Coach")
st.markdown(
    "Curate your LinkedIn network for inbound leads: define who you want to reach, see who "
    "you are connected to, and try a pruning plan before you touch a single connection."
)

upload.render_data_box()

net = ui.network()
df = net.df
ov = derived.overview()
rep = net.report

if net.is_demo:
    st.info(
        f"You are looking at the **demo network** of {workshop.demo_owner(net)}. "
        "Upload your own export above to see yours.",
        icon=":material/science:",
    )

st.subheader("Your network at a glance")
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    "Connections",
    count(ov.connections),
    help=f"Every row of Connections.csv, ghost rows included. LinkedIn caps networks at "
    f"{count(CONNECTION_CAP)}.",
)
c1.caption(f"{count(CONNECTION_CAP - ov.connections)} below LinkedIn's {count(CONNECTION_CAP)} cap")
c2.metric(
    "Ghost rows",
    count(ov.ghosts),
    help="Rows with no name or job: deleted or hidden accounts. Counted in totals, left out "
    "of scoring, clustering and removal lists.",
)
c2.caption(pct(ov.ghosts / ov.connections) + " of rows")
if ov.engaged_share is None:
    c3.metric(
        "Engaged share",
        "unknown",
        help="A bare Connections.csv says nothing about who you talk to. Upload the whole "
        "export (with messages.csv) to measure it; the simulator lets you state an "
        "assumption instead.",
    )
    c3.caption("No engagement data in this file")
else:
    c3.metric(
        "Engaged share",
        pct(ov.engaged_share),
        help=f"Engaged connections / connections with a name or job (ghost rows left out, "
        f"as everywhere in the app): people you exchanged messages with "
        f"in the "
        f"{rep.engaged_window_months} months before the export "
        f"(source: {net.engagement_source}).",
    )
    c3.caption(f"{count(ov.engaged)} of {count(ov.real)} · measured from {net.engagement_source}")
dated = ov.last is not None
c4.metric(
    "Added in the last 12 months",
    count(ov.added_last_12_months) if dated else "unknown",
    help="Connections whose 'Connected On' date is within 12 months of the newest one.",
)
c4.caption(f"Connected {month(ov.first)} to {month(ov.last)}" if dated else "No dates in this file")

if ov.real == 0:
    st.warning(
        "Every row in this file is a ghost row (no name or job), so there is nothing to "
        "analyse. Try a newer export."
    )
    st.stop()

if df["connected_on"].notna().any():
    st.altair_chart(derived.growth_chart(), width="stretch")
else:
    st.caption("This file has no connection dates, so there is no growth chart.")

left, right = st.columns(2)
with left:
    companies = derived.common_values("company", 10)
    if companies.empty:
        st.caption("No company names in this file.")
    else:
        st.altair_chart(
            top_bar_chart(companies, "company", "Top companies in your network"), width="stretch"
        )
with right:
    positions = derived.common_values("position", 10)
    if positions.empty:
        st.caption("No job titles in this file.")
    else:
        st.altair_chart(
            top_bar_chart(positions, "position", "Most common job titles"), width="stretch"
        )

with st.expander(
    "Data quality: what we read and what we skipped",
    expanded=bool(rep.missing or rep.warnings) and not net.is_demo,
):
    data_quality.render(net)

with st.container(border=True):
    st.markdown(
        "**Take it home**: one HTML file with your ICP, network, groups, plan, "
        "schedule and the key FAQ answers; it opens anywhere, offline."
    )
    report.report_controls("home")

st.subheader("Next steps")
captions = [
    "Who do you want inbound leads from?",
    "See your network as groups.",
    "Try a plan, see the effect.",
    "What each action does.",
]
for n, (col, (script, label, icon), caption) in enumerate(
    zip(st.columns(4), ui.PAGES[1:], captions, strict=True), start=1
):
    with col:
        st.page_link(script, label=f"{n} · {label}", icon=icon)
        st.caption(caption)

# Last, once the page is drawn: group the network in the background for the clusters page.
derived.group_ahead()
