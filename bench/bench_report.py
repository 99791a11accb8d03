"""Coaching report generation time at 1k/10k/30k connections: the plan from `core.simulator.run`
and every section rendered (growth, composition, trade-off, reach and schedule charts as SVG),
without and with the names of the people in the plan."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table  # noqa: E402
from core.charts import growth_chart  # noqa: E402
from core.demo import generate_export  # noqa: E402
from core.faq import load_faq  # noqa: E402
from core.icp import PRESETS, score, summary  # noqa: E402
from core.loader import load_export  # noqa: E402
from core.report import FAQ_IN_REPORT, ReportInput, plan_people, render_report  # noqa: E402
from core.simulator import Rule, Scenario, run  # noqa: E402


def main() -> None:
    icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    scenario = Scenario(
        rules=(Rule(fit_below=40), Rule(off_profile=True, quiet_months=12)), max_share=0.3
    )
    rows = []
    for n in (1_000, 10_000, 30_000):
        df = score(load_export(generate_export(n, seed=11)).df, icp)
        plan = run(df, scenario)
        for names in (False, True):
            data = ReportInput(
                source="bench",
                is_demo=True,
                overview={"Connections": f"{n:,}"},
                icp_summary=summary(icp),
                growth=growth_chart(df["connected_on"]),
                plan=plan,
                people=plan_people(df, plan) if names else None,
                faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT],
            )
            t = time.perf_counter()
            html = render_report(data)
            rows.append(
                [
                    f"{n:,}",
                    f"{plan.removed:,}",
                    "yes" if names else "no",
                    f"{time.perf_counter() - t:.2f} s",
                    f"{len(html) / 1e6:.2f} MB",
                    html.count("<svg"),
                ]
            )
    print("Coaching report: render_report (one run, all sections, charts as inline SVG)")
    print(table(["connections", "in plan", "names", "time", "size", "charts"], rows))


if __name__ == "__main__":
    main()
