"""The "Download my coaching report" control shared by the home page and the simulator.

Everything the report shows is computed on each run from the session's current state (the plan
by `core.simulator.run` through `ui.derived`, exactly as the simulator page computes it), so the
report can never pair a new ICP with an old plan. Only the HTML and its SVG charts wait for the
click (Streamlit runs the callable then, outside the script: it only renders).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.charts import group_bars_chart, growth_chart
from core.clustering import cluster_stats
from core.faq import load_faq
from core.format import pct
from core.icp import summary
from core.overview import overview
from core.report import FAQ_IN_REPORT, ReportInput, overview_cards, plan_people, render_report
from ui import derived
from ui import simulator_page as sim
from ui.session import memo
from ui.state import state


def _groups(table: pd.DataFrame, scored: pd.DataFrame | None):
    """The groups table and chart when the user worked on groups in this session (their
    grouping is then already computed; the report never makes Home wait for clustering)."""
    g = state().grouping
    if not (g.tags or g.names):
        return None, None
    result = derived.grouping()
    names = {**result.names, **g.names}
    stats = cluster_stats(table, result.labels, names, scored)
    stats["label"] = stats["name"]
    chart = group_bars_chart(stats[["cluster", "label", "size", "share"]])
    shown = pd.DataFrame({
        "Group": stats["name"], "Decision": stats["cluster"].map(g.tags).fillna("—"),
        "Connections": stats["size"].map("{:,}".format), "Share": stats["share"].map(pct),
        "Engaged": stats["engaged_share"].map(pct)})
    return shown, chart


def report_input(include_names: bool) -> ReportInput:
    """The report's content for the session as it stands now."""
    s = state()
    net = s.network
    plan = sim.current_result()
    table = sim.table()
    scored = derived.scored()
    ov = memo("home.overview", overview)
    engaged = plan.before.engaged_share if plan.engagement == "measured" else None
    clusters, cluster_chart = _groups(net.df, scored)
    return ReportInput(
        source=net.source_label, is_demo=net.is_demo,
        overview=overview_cards(ov.connections, ov.ghosts, engaged,
                                "measured" if engaged is not None else "unknown", ov.first,
                                ov.last),
        icp_summary=summary(s.icp) if s.icp is not None else None,
        clusters=clusters, cluster_chart=cluster_chart, plan=plan,
        people=plan_people(table, plan) if include_names else None,
        faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT],
    )


def remember_clusters(*_args) -> None:
    """Deprecated no-op: the report computes the groups itself now (the clusters page still
    calls this until its owner removes the call)."""


def report_controls(key: str) -> None:
    include = st.checkbox("Include names in the report", key=f"{key}_names", value=False,
                          help="Off: only totals and group names. On: the people in your plan "
                               "with their titles and companies.")
    data = report_input(include)
    dates = state().network.df["connected_on"]

    def build() -> bytes:
        data.growth = growth_chart(dates)
        return render_report(data).encode("utf-8")

    st.download_button("Download my coaching report (HTML)", data=build,
                       file_name="network_coaching_report.html", mime="text/html",
                       key=f"{key}_report", icon=":material/description:")
