"""Simulator: plan + simulate time and sweep time at 1k/10k/30k/100k.

Targets at 30k: plan + simulate <= 50 ms; sweep <= 300 ms with >= 100 points on the curve.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SIZES, best_of, table  # noqa: E402
from bench.data import network  # noqa: E402
from core.export import checklist_csv  # noqa: E402
from core.icp import PRESETS, score  # noqa: E402
from core.simulator import PruneRules, engagement_probability, plan, simulate, sweep  # noqa: E402


def main() -> None:
    icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    rules = PruneRules(fit_below=40, older_than_years=5)
    rows = []
    for n in SIZES:
        df = score(network(n), icp)
        p, _ = engagement_probability(df)

        def plan_and_simulate(d=df, pe=p):
            pl = plan(d, rules)
            return simulate(d, pl.mask, p_engaged=pe)

        t1 = best_of(plan_and_simulate)
        mask = plan(df, rules).mask
        t2 = best_of(lambda d=df, m=mask, pe=p: sweep(d, m, pe))
        points = len(sweep(df, mask, p))
        t3 = best_of(lambda d=df, m=mask: checklist_csv(d, m), repeat=3)
        rows.append([f"{n:,}", f"{int(mask.sum()):,}", f"{t1 * 1e3:.1f} ms",
                     f"{t2 * 1e3:.1f} ms", points, f"{t3 * 1e3:.0f} ms"])
    print("Simulator (median of 5): plan + simulate, trade-off sweep, checklist CSV")
    print(table(["connections", "in plan", "plan+simulate", "sweep", "points", "checklist"],
                rows))
    print("Targets at 30,000: plan+simulate <= 50 ms; sweep <= 300 ms with >= 100 points.")


if __name__ == "__main__":
    main()
