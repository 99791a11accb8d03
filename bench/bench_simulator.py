"""Simulator: `core.simulator.run` (plan, protections, outcome, trade-off curve, schedule, reach)
at 1k/10k/30k connections with measured engagement, for the default plan and a busy one.

Target at 30,000: run <= 100 ms including the curve (a rule change on the page calls it once).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import best_of, table  # noqa: E402
from core.demo import generate_export  # noqa: E402
from core.export import plan_checklist  # noqa: E402
from core.icp import PRESETS, score  # noqa: E402
from core.loader import load_export  # noqa: E402
from core.simulator import Protections, Rule, Scenario, run  # noqa: E402

SIZES = (1_000, 10_000, 30_000)
SCENARIOS = {
    "default (safe 15%)": Scenario(),
    "3 rules, cap 100%": Scenario(
        rules=(
            Rule(fit_below=40),
            Rule(quiet_months=24, older_than_years=3),
            Rule(off_profile=True),
        ),
        protections=Protections(recent=False),
        max_share=1.0,
    ),
}


def main() -> None:
    icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    rows = []
    for n in SIZES:
        df = score(load_export(generate_export(n, seed=11)).df, icp)
        for name, scenario in SCENARIOS.items():
            t_run = best_of(lambda d=df, s=scenario: run(d, s))
            result = run(df, scenario)
            t_csv = best_of(
                lambda d=df, r=result: plan_checklist(d, r.order, r.reasons, r.scenario.pace),
                repeat=3,
            )
            rows.append(
                [
                    f"{n:,}",
                    name,
                    f"{result.removed:,}",
                    len(result.curve),
                    f"{t_run * 1e3:.1f} ms",
                    f"{t_csv * 1e3:.0f} ms",
                ]
            )
    print(
        "Simulator (median of 5 after a warm-up): run = plan + protections + before/after + "
        "trade-off curve + schedule + reach; checklist = the CSV download"
    )
    print(table(["connections", "scenario", "removed", "curve points", "run", "checklist"], rows))
    print("Target at 30,000: run <= 100 ms including the curve.")


if __name__ == "__main__":
    main()
