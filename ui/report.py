"""The "Download my coaching report" control shared by the home page and the simulator.

Everything the report shows is computed on each run from the session's current state (the plan
by `core.simulator.run` through `ui.derived`, exactly as the simulator page computes it), so the
report can never pair a new ICP with an old plan. Only the HTML and its SVG charts wait for the
click (Streamlit runs the callable then, outside the script: it only renders).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from core.charts import group_bars_chart, growth_chart
from core.clustering import cluster_stats, cluster_texts, grouping_texts
from core.faq import load_faq
from core.format import pct
from core.icp import summary
from core.report import FAQ_IN_REPORT, ReportInput, overview_cards, plan_people, render_report
from ui import derived
from ui import simulator_page as sim
from ui.clusters_page import decisions
from ui.state import state


def _group_table(table, labels, names, tags, scored):
    """The groups as the report shows them, and their chart (pure: runs at click time)."""
    stats = cluster_stats(table, labels, names, scored)
    stats["label"] = stats["name"]
    chart = group_bars_chart(stats[["cluster", "label", "size", "share"]])
    shown = pd.DataFrame(
        {
            "Group": stats["name"],
            "Decision": decisions(stats["cluster"], tags),
            "Connections": stats["size"].map("{:,}".format),
            "Share": stats["share"].map(pct),
            "Engaged": stats["engaged_share"].map(pct),
        }
    )
    return shown, chart


def report_builder(include_names: bool) -> Callable[[], ReportInput]:
    """What the report shows for the session as it stands now, as a function for click time.

    Read now (cheap, all cached): the plan from `core.simulator.run`, the ICP, the grouping
    when the user worked on groups (then it is computed already; the report never makes Home
    wait for clustering). Built at click time: group statistics, names, charts.
    """
    s = state()
    net, icp = s.network, s.icp
    plan, table, scored = sim.current_result(), sim.table(), derived.scored()
    ov = derived.overview()
    g = s.grouping
    groups = at_click = None
    if g.tags or g.names or g.basis == (net.fingerprint, g.method, g.k, s.corrections):
        result = derived.grouping()  # computed already on the clusters page: a cache hit
        groups = (result.labels, {**result.names, **g.names}, dict(g.tags))
    else:  # nobody opened the groups yet: the automatic grouping, computed on the click only
        df, k, corr = net.df, g.k, s.corrections

        def at_click():
            result = cluster_texts(grouping_texts(df), k=k, corrections=corr)
            return result.labels, dict(result.names), {}

    engaged = plan.before.engaged_share if plan.engagement == "measured" else None

    def build() -> ReportInput:
        parts = groups or at_click()
        clusters, chart = _group_table(net.df, *parts, scored)
        return ReportInput(
            source=net.source_label,
            is_demo=net.is_demo,
            overview=overview_cards(
                ov.connections,
                ov.ghosts,
                engaged,
                "measured" if engaged is not None else "unknown",
                ov.first,
                ov.last,
            ),
            icp_summary=summary(icp) if icp is not None else None,
            growth=growth_chart(net.df["connected_on"]),
            clusters=clusters,
            cluster_chart=chart,
            plan=plan,
            people=plan_people(table, plan) if include_names else None,
            faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT],
        )

    return build


def report_controls(key: str) -> None:
    include = st.checkbox(
        "Include names in the report",
        key=f"{key}_names",
        value=False,
        help="Off: only totals and group names. On: the people in your plan "
        "with their titles and companies.",
    )
    content = report_builder(include)

    def build() -> bytes:
        return render_report(content()).encode("utf-8")

    st.download_button(
        "Download my coaching report (HTML)",
        data=build,
        file_name="network_coaching_report.html",
        mime="text/html",
        key=f"{key}_report",
        icon=":material/description:",
    )
