"""The take-home coaching report: one self-contained HTML file that opens anywhere, offline.

Charts are rendered to inline SVG with vl-convert (Vega-Lite without a browser or network), all
text from the user's data is HTML-escaped, and personal data (names, titles, companies) appears
only when the user asks for it; by default the report holds aggregate numbers and group names.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

import altair as alt
import pandas as pd

from core import charts
from core.export import day_of
from core.faq import FaqEntry
from core.format import count, day, month, pct
from core.plan_words import (
    assumptions,
    before_after,
    engagement_words,
    ghost_words,
    plan_sentence,
    plan_warnings,
)
from core.simulator import ScenarioResult

FAQ_IN_REPORT = ("how-to-remove", "notified", "remove-unfollow-block", "bulk-removal")


@dataclass
class ReportInput:
    """Everything the report shows; each part is optional and says so when missing.

    `plan` is the `core.simulator.ScenarioResult` of the current scenario, computed by
    `core.simulator.run` like the simulator page's, never a copy a page stashed.
    """

    source: str
    is_demo: bool
    overview: dict[str, str]
    icp_summary: str | None = None
    growth: alt.TopLevelMixin | None = None
    clusters: pd.DataFrame | None = None  # Group, Decision, Connections, Share, ...
    cluster_chart: alt.TopLevelMixin | None = None
    plan: ScenarioResult | None = None
    people: pd.DataFrame | None = None  # only when the user ticks "include names"
    faq: list[FaqEntry] = field(default_factory=list)
    generated: date = field(default_factory=date.today)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    """A chart as an inline SVG string (no scripts, no network)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json())


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _markdown(text: str) -> str:
    """The FAQ's small Markdown subset (bold, lists, paragraphs) as HTML; input is escaped first."""
    out, items, ordered = [], [], False

    def flush():
        nonlocal items
        if items:
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>")
            items = []

    for raw in text.strip().splitlines():
        line = _BOLD.sub(r"<strong>\1</strong>", _text(raw.strip()))
        m = re.match(r"^(\d+)\.\s+(.*)$", line)
        if m or line.startswith("- "):
            if items and ordered != bool(m):
                flush()
            ordered = bool(m)
            items.append(m.group(2) if m else line[2:])
        elif not line:
            flush()
        else:
            flush()
            out.append(f"<p>{line}</p>")
    flush()
    return "\n".join(out)


def _table(df: pd.DataFrame, index: bool = False) -> str:
    head = "".join(
        f"<th>{_text(c)}</th>" for c in ([df.index.name or ""] if index else []) + list(df.columns)
    )
    rows = []
    for idx, row in df.iterrows():
        cells = ([f"<th>{_text(idx)}</th>"] if index else []) + [
            f"<td>{_text(v)}</td>" for v in row.tolist()
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


#: Charts in the report are drawn at the page's text width (Vega's default is 300-400 px).
REPORT_CHART_WIDTH = 760


def _chart(chart) -> str:
    if chart is None:
        return ""
    return f"<figure>{chart_svg(chart.properties(width=REPORT_CHART_WIDTH))}</figure>"


CSS = """
body{font-family:Helvetica,Arial,sans-serif;color:#0f172a;max-width:960px;margin:2rem auto;
padding:0 1rem;line-height:1.5}h1{font-size:1.9rem;margin-bottom:.2rem}h2{border-bottom:2px solid
#0f766e;padding-bottom:.2rem;margin-top:2.2rem}.muted{color:#64748b;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.9rem}th,td{border-bottom:1px
solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#f1f5f9}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #e2e8f0;border-radius:.5rem;
padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}.note{background:#f1f5f9;padding:.6rem 1rem;border-radius:.5rem}
"""


def render_report(data: ReportInput) -> str:
    """The report as one HTML document (UTF-8), every section present even when empty."""
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Your network coaching report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Your network coaching report</h1>",
        f"<p class='muted'>Inbound Network Coach · {_text(day(pd.Timestamp(data.generated)))} · "
        f"{'demo network' if data.is_demo else 'your LinkedIn export'} ({_text(data.source)}). "
        "Made in your browser session; nothing was stored or sent anywhere.</p>",
        "<h2 id='icp'>Your ideal customer profile</h2>",
        f"<p>{_text(data.icp_summary)}</p>"
        if data.icp_summary
        else "<p class='note'>No ICP was defined. Define one to score your connections.</p>",
        "<h2 id='overview'>Your network</h2><div class='cards'>",
        "".join(
            f"<div class='card'>{_text(k)}<b>{_text(v)}</b></div>" for k, v in data.overview.items()
        ),
        "</div>",
        _chart(data.growth),
        "<h2 id='clusters'>Groups in your network</h2>",
    ]
    if data.clusters is not None and len(data.clusters):
        parts += [_table(data.clusters), _chart(data.cluster_chart)]
    else:
        parts.append("<p class='note'>Groups were not computed in this session.</p>")
    parts += plan_section(data.plan)
    parts += schedule_section(data.plan)
    if data.people is not None:
        parts += ["<h3>The people in the plan</h3>", _table(data.people)]
    parts.append("<h2 id='faq'>Remove, unfollow or block?</h2>")
    for entry in data.faq:
        parts.append(f"<h3>{_text(entry.question)}</h3>{_markdown(entry.answer)}")
        parts.append(
            "<p class='muted'>Sources: "
            + _text("; ".join(s.cite() for s in entry.sources))
            + "</p>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)


def plan_section(plan: ScenarioResult | None) -> list[str]:
    """The plan in words and numbers, as on the simulator page, with every assumption."""
    out = ["<h2 id='plan'>Your pruning plan</h2>"]
    if plan is None:
        return out + ["<p class='note'>No plan was simulated in this session.</p>"]
    table = pd.DataFrame(
        [row[1:] for row in before_after(plan)],
        columns=["Before", "After", "Change"],
        index=pd.Index([row[0] for row in before_after(plan)], name="Measure"),
    )
    protected = ", ".join(
        f"{count(p.people)} {p.label}" + ("" if p.on else " (switched off)")
        for p in plan.protections
    )
    out += [
        f"<p>{_text(plan_sentence(plan))}</p>",
        f"<p>Protected: {_text(protected)}.</p>",
        "".join(f"<p class='note'>{_text(text)}</p>" for _, text in plan_warnings(plan)),
        _table(table, index=True),
        f"<p class='muted'>{_text(engagement_words(plan))} {_text(ghost_words(plan))}</p>",
        _chart(charts.plan_composition_chart(plan.composition, plan.engagement)),
        _chart(charts.tradeoff_chart(plan.curve, plan.removed, plan.zone_start)),
        _chart(charts.reach_chart(plan.curve, plan.removed)),
        "<p class='muted'>Reach is projected by two models. Model A (per-viewer ranking) is "
        "what LinkedIn's engineering posts describe; model B (test-and-expand) is a "
        "hypothesis LinkedIn does not document. The gap between them is the honest "
        "uncertainty.</p>",
        "<h3>Assumptions behind the projections</h3>",
        _table(
            pd.DataFrame(
                [(a.name, a.value, a.source) for a in assumptions(plan)],
                columns=["Assumption", "Value", "Source"],
            )
        ),
    ]
    return out


def schedule_section(plan: ScenarioResult | None) -> list[str]:
    """The schedule as a weekly summary; the day-by-day list is the checklist CSV's job."""
    out = ["<h2 id='schedule'>Removal schedule</h2>"]
    if plan is None or not plan.removed:
        return out + ["<p class='note'>Nothing to remove in this plan.</p>"]
    weeks = plan.weekly.assign(
        Days=lambda w: "day " + w["first_day"].astype(str) + " to " + w["last_day"].astype(str),
        Removals=lambda w: w["removals"].map(count),
    ).rename(columns={"week": "Week"})
    out += [
        f"<p>{count(plan.removed)} removals at {count(plan.scenario.pace)} a day: "
        f"{count(len(plan.schedule))} days over {count(len(plan.weekly))} week(s), by hand, "
        "a few minutes a day. The checklist (CSV) lists every day.</p>",
        _table(weeks[["Week", "Days", "Removals"]]),
        _chart(charts.schedule_chart(plan.weekly)),
    ]
    return out


def plan_people(connections: pd.DataFrame, plan: ScenarioResult) -> pd.DataFrame:
    """The people in the plan in checklist order (only when the user asks for names)."""
    rows = plan.order
    return pd.DataFrame(
        {
            "Day": day_of(range(len(rows)), plan.scenario.pace),
            "Name": connections["full_name"].to_numpy()[rows],
            "Title": connections["position"].to_numpy()[rows],
            "Company": connections["company"].to_numpy()[rows],
            "Why": plan.reasons,
        }
    )


def overview_cards(
    n: int, ghosts: int, engaged_share: float | None, engagement: str, first, last
) -> dict[str, str]:
    """The overview numbers as the report shows them."""
    return {
        "Connections": count(n),
        "Ghost rows": count(ghosts),
        f"Engaged share ({engagement})": pct(engaged_share),
        "Connected": f"{month(first)} – {month(last)}",
    }
