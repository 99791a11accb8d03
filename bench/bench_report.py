"""Coaching report generation time at 30k connections (all sections, charts as inline SVG)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import altair as alt  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import table  # noqa: E402
from bench.data import network  # noqa: E402
from core.charts import growth_chart  # noqa: E402
from core.clustering import cluster_stats, cluster_texts  # noqa: E402
from core.export import schedule  # noqa: E402
from core.faq import load_faq  # noqa: E402
from core.icp import PRESETS, score, summary  # noqa: E402
from core.report import FAQ_IN_REPORT, ReportInput, render_report  # noqa: E402
from core.simulator import PruneRules, engagement_probability, plan, simulate, sweep  # noqa: E402


def main() -> None:
    rows = []
    for n in (30_000,):
        icp = PRESETS["B2B SaaS founder selling to sales leaders"]
        df = score(network(n), icp)
        result = cluster_texts(df["text"].where(~df["is_blank"], ""))
        stats = cluster_stats(df, result.labels, result.names, df)
        p, _ = engagement_probability(df)
        pl = plan(df, PruneRules(fit_below=40))
        out = simulate(df, pl.mask, p_engaged=p)
        curve = sweep(df, pl.mask, p)
        for names in (False, True):
            people = (pd.DataFrame({"Name": df.loc[pl.mask, "full_name"],
                                    "Why": pl.reasons[pl.mask]}) if names else None)
            data = ReportInput(
                source="bench", is_demo=True, overview={"Connections": f"{n:,}"},
                icp_summary=summary(icp), growth=growth_chart(df["connected_on"]),
                clusters=stats[["name", "size"]],
                cluster_chart=alt.Chart(stats).mark_bar().encode(x="size:Q", y="name:N"),
                rules=["ICP fit below 40"],
                before_after=pd.DataFrame({"Before": [out.before.size], "After": [out.after.size]},
                                          index=["Connections"]),
                tradeoff=alt.Chart(curve).mark_line().encode(x="removed:Q", y="engaged_share:Q"),
                schedule=schedule(out.removed, 15), people=people,
                faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT])
            t = time.perf_counter()
            html = render_report(data)
            rows.append([f"{n:,}", "yes" if names else "no", f"{time.perf_counter() - t:.2f} s",
                         f"{len(html) / 1e6:.1f} MB"])
    print("Coaching report: render_report (4 charts as SVG, all sections)")
    print(table(["connections", "names", "time", "size"], rows))


if __name__ == "__main__":
    main()
