"""Altair chart builders shared by the pages (and the report). Data in, chart out; no Streamlit.

Colours mean the same thing on every page: engaged / not engaged, strong / partial / off fit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

#: Engagement colours (engaged = the teal of the theme, not engaged = grey).
ENGAGED_DOMAIN = ["Engaged", "Not engaged", "Unknown"]
ENGAGED_RANGE = ["#0f766e", "#cbd5e1", "#e2e8f0"]
#: ICP fit colours (strong = dark teal, partial = amber, off = grey).
FIT_DOMAIN = ["strong", "partial", "off"]
FIT_RANGE = ["#0f766e", "#f59e0b", "#cbd5e1"]


def fit_color(field: str = "fit_band", title: str = "ICP fit") -> alt.Color:
    return alt.Color(f"{field}:N", title=title,
                     scale=alt.Scale(domain=FIT_DOMAIN, range=FIT_RANGE))


def engaged_color(field: str = "engagement", title: str = "Engagement") -> alt.Color:
    return alt.Color(f"{field}:N", title=title,
                     scale=alt.Scale(domain=ENGAGED_DOMAIN, range=ENGAGED_RANGE))


def growth_frame(connected_on: pd.Series) -> pd.DataFrame:
    """Connections added per month and the running total (months with none are kept as 0)."""
    d = pd.to_datetime(connected_on).dropna()
    if d.empty:
        return pd.DataFrame({"month": pd.to_datetime([]), "added": [], "total": []})
    per = d.dt.to_period("M").value_counts().sort_index()
    full = pd.period_range(per.index.min(), per.index.max(), freq="M")
    per = per.reindex(full, fill_value=0)
    return pd.DataFrame({
        "month": per.index.to_timestamp(),
        "added": per.to_numpy(),
        "total": per.cumsum().to_numpy(),
    })


def growth_chart(connected_on: pd.Series) -> alt.LayerChart:
    """Bars: connections added per month; line: cumulative network size (own axis)."""
    data = growth_frame(connected_on)
    base = alt.Chart(data).encode(
        x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y")),
    )
    bars = base.mark_bar(color="#94a3b8", opacity=0.8).encode(
        y=alt.Y("added:Q", title="Added per month"),
        tooltip=[alt.Tooltip("month:T", title="Month", format="%b %Y"),
                 alt.Tooltip("added:Q", title="Added", format=","),
                 alt.Tooltip("total:Q", title="Network size", format=",")],
    )
    line = base.mark_line(color="#0f766e", strokeWidth=2.5).encode(
        y=alt.Y("total:Q", title="Network size", axis=alt.Axis(titleColor="#0f766e")),
    )
    return (
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .properties(title="How your network grew: connections added per month and in total",
                    height=300)
    )


def top_bar_chart(counts: pd.DataFrame, label: str, title: str) -> alt.Chart:
    """Horizontal bars of a (label, count) frame, largest first."""
    return (
        alt.Chart(counts)
        .mark_bar(color="#0f766e")
        .encode(
            x=alt.X("count:Q", title="Connections"),
            y=alt.Y(f"{label}:N", sort="-x", title=None,
                    axis=alt.Axis(labelLimit=220, labelOverlap=False)),
            tooltip=[alt.Tooltip(f"{label}:N", title=label.title()),
                     alt.Tooltip("count:Q", title="Connections", format=",")],
        )
        .properties(title=title, height=max(120, 30 * len(counts)))
    )


def fit_histogram(scored: pd.DataFrame) -> alt.Chart:
    """How a network's fit scores spread (5-point bins, coloured by band): the ICP preview's
    chart. Takes the real (non-ghost) rows of `core.icp.score` output (fit, fit_band)."""
    return (
        alt.Chart(scored[["fit", "fit_band"]])
        .mark_bar()
        .encode(
            x=alt.X("fit:Q", bin=alt.Bin(step=5, extent=[0, 100]), title="ICP fit (0-100)"),
            y=alt.Y("count():Q", title="Connections"),
            color=fit_color(),
            tooltip=[alt.Tooltip("fit_band:N", title="Band"),
                     alt.Tooltip("count():Q", title="Connections", format=",")],
        )
        .properties(title="How well your connections fit this ICP", height=220)
    )
