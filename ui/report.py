"""The "Download my coaching report" control shared by the home page and the simulator.

What the report needs is gathered on each run (cheap references); the HTML and its SVG charts
are built only when the button is clicked (Streamlit runs the callable then).
"""

from __future__ import annotations

import streamlit as st

from core.charts import growth_chart
from core.faq import load_faq
from core.icp import summary
from core.overview import overview
from core.report import FAQ_IN_REPORT, ReportInput, overview_cards, render_report
from ui.session import get, icp, memo, network, put


def remember_plan(**parts) -> None:
    """The simulator stores its latest plan (numbers, rules, assumptions) for the report."""
    put("report_plan", parts)


def remember_clusters(table, chart) -> None:
    put("report_clusters", (table, chart))


def report_controls(key: str) -> None:
    net = network()
    ov = memo("home.overview", overview)
    current = icp()
    plan = get("report_plan") or {}
    clusters = get("report_clusters")
    include = st.checkbox("Include names in the report", key=f"{key}_names", value=False,
                          help="Off: only totals and group names. On: the people in your plan "
                               "with their titles and companies.")
    faq = [e for e in load_faq() if e.id in FAQ_IN_REPORT]
    data = ReportInput(
        source=net.source_label, is_demo=net.is_demo,
        overview=overview_cards(ov.connections, ov.ghosts, ov.engaged_share,
                                "measured" if net.engagement_known else "unknown", ov.first,
                                ov.last),
        icp_summary=summary(current) if current is not None else None,
        clusters=clusters[0] if clusters else None,
        cluster_chart=clusters[1] if clusters else None,
        rules=plan.get("rules", []), before_after=plan.get("before_after"),
        assumptions=plan.get("assumptions", {}), tradeoff=plan.get("tradeoff"),
        schedule=plan.get("schedule"), people=plan.get("people") if include else None,
        faq=faq,
    )
    growth = memo("home.growth", lambda d: growth_chart(d["connected_on"]))

    def build() -> bytes:
        data.growth = growth
        return render_report(data).encode("utf-8")

    st.download_button("Download my coaching report (HTML)", data=build,
                       file_name="network_coaching_report.html", mime="text/html",
                       key=f"{key}_report", icon=":material/description:")
