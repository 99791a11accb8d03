"""Altair chart builders shared by the pages (and the report). Data in, chart out; no Streamlit.

Colours mean the same thing on every page: engaged / not engaged, strong / partial / off fit.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

#: ICP fit colours (strong = dark teal, partial = amber, off = grey).
FIT_DOMAIN = ["strong", "partial", "off"]
FIT_RANGE = ["#0f766e", "#f59e0b", "#cbd5e1"]


def fit_color(field: str = "fit_band", title: str = "ICP fit") -> alt.Color:
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=FIT_DOMAIN, range=FIT_RANGE))


def growth_frame(connected_on: pd.Series) -> pd.DataFrame:
    """Connections added per month and the running total (months with none are kept as 0)."""
    d = pd.to_datetime(connected_on).dropna()
    if d.empty:
        return pd.DataFrame({"month": pd.to_datetime([]), "added": [], "total": []})
    per = d.dt.to_period("M").value_counts().sort_index()
    full = pd.period_range(per.index.min(), per.index.max(), freq="M")
    per = per.reindex(full, fill_value=0)
    return pd.DataFrame(
        {
            "month": per.index.to_timestamp(),
            "added": per.to_numpy(),
            "total": per.cumsum().to_numpy(),
        }
    )


def growth_chart(connected_on: pd.Series) -> alt.LayerChart:
    """Bars: connections added per month; line: cumulative network size (own axis)."""
    data = growth_frame(connected_on)
    base = alt.Chart(data).encode(
        x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y")),
    )
    bars = base.mark_bar(color="#94a3b8", opacity=0.8).encode(
        y=alt.Y("added:Q", title="Added per month"),
        tooltip=[
            alt.Tooltip("month:T", title="Month", format="%b %Y"),
            alt.Tooltip("added:Q", title="Added", format=","),
            alt.Tooltip("total:Q", title="Network size", format=","),
        ],
    )
    line = base.mark_line(color="#0f766e", strokeWidth=2.5).encode(
        y=alt.Y("total:Q", title="Network size", axis=alt.Axis(titleColor="#0f766e")),
    )
    return (
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .properties(
            title="How your network grew: connections added per month and in total", height=300
        )
    )


def top_bar_chart(counts: pd.DataFrame, label: str, title: str) -> alt.Chart:
    """Horizontal bars of a (label, count) frame, largest first."""
    return (
        alt.Chart(counts)
        .mark_bar(color="#0f766e")
        .encode(
            x=alt.X("count:Q", title="Connections"),
            y=alt.Y(
                f"{label}:N",
                sort="-x",
                title=None,
                axis=alt.Axis(labelLimit=220, labelOverlap=False),
            ),
            tooltip=[
                alt.Tooltip(f"{label}:N", title=label.title()),
                alt.Tooltip("count:Q", title="Connections", format=","),
            ],
        )
        .properties(title=title, height=max(120, 30 * len(counts)))
    )


def fit_histogram(scored: pd.DataFrame) -> alt.Chart:
    """How a network's fit scores spread (5-point bins, coloured by band): the ICP preview's
    chart. Takes the real (non-ghost) rows of `core.icp.score` output (fit, fit_band).

    Binned here, not in the browser, so the chart carries about 25 rows instead of one per
    connection (30k rows would be sent again on every click in the wizard).
    """
    start = (scored["fit"].clip(0, 100) // 5 * 5).clip(upper=95)
    bins = (
        scored.assign(start=start)
        .groupby(["start", "fit_band"], observed=True)
        .size()
        .rename("people")
        .reset_index()
    )
    bins["end"] = bins["start"] + 5
    return (
        alt.Chart(bins)
        .mark_bar()
        .encode(
            x=alt.X(
                "start:Q", title="ICP fit (0-100)", scale=alt.Scale(domain=[0, 100]), bin="binned"
            ),
            x2="end:Q",
            y=alt.Y("sum(people):Q", title="Connections"),
            color=fit_color(),
            tooltip=[
                alt.Tooltip("fit_band:N", title="Band"),
                alt.Tooltip("start:Q", title="Fit from"),
                alt.Tooltip("sum(people):Q", title="Connections", format=","),
            ],
        )
        .properties(title="How well your connections fit this ICP", height=220)
    )


# --- pruning simulator (plan, trade-off, reach, schedule) -----------------------------------

#: Composition bars: fit bands plus people not scored (no ICP yet).
PLAN_BAND_DOMAIN = FIT_DOMAIN + ["unscored"]
PLAN_BAND_RANGE = FIT_RANGE + ["#94a3b8"]


def plan_composition_chart(frame: pd.DataFrame, engagement: str) -> alt.Chart:
    """Who is in the network before and after a plan: bars per state and engagement, coloured
    by ICP fit (`frame`: state, band, engagement, people, from ScenarioResult.composition)."""
    data = frame.assign(row=frame["state"] + " · " + frame["engagement"].str.lower())
    order = [
        f"{s} · {e}" for e in ("engaged", "not engaged", "unknown") for s in ("Before", "After")
    ]
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("sum(people):Q", title="People (ghost rows left out)"),
            y=alt.Y(
                "row:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=200)
            ),
            color=alt.Color(
                "band:N",
                title="ICP fit",
                scale=alt.Scale(domain=PLAN_BAND_DOMAIN, range=PLAN_BAND_RANGE),
                legend=alt.Legend(orient="bottom", direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("state:N", title="When"),
                alt.Tooltip("engagement:N", title="Engagement"),
                alt.Tooltip("band:N", title="ICP fit"),
                alt.Tooltip("sum(people):Q", title="People", format=",.0f"),
            ],
        )
        .properties(
            title=f"Who is in your network, before and after ({engagement} engagement)",
            height=alt.Step(34),
        )
    )


def _marks(plan_removed: int, zone_start: int | None, max_removed: int) -> pd.DataFrame:
    rows = [{"removed": plan_removed, "label": "your plan"}]
    if zone_start is not None and zone_start <= max_removed:
        rows.append({"removed": zone_start, "label": "over-pruning starts"})
    return pd.DataFrame(rows)


def tradeoff_chart(
    curve: pd.DataFrame, plan_removed: int, zone_start: int | None
) -> alt.LayerChart:
    """Engaged and ICP share as people are removed, least valuable first; your plan is the
    dashed line and the over-pruning zone (from `zone_start` removals) is shaded red."""
    max_removed = int(curve["removed"].max()) if len(curve) else 0
    long = curve.melt(
        "removed", ["engaged_share", "icp_share"], var_name="measure", value_name="share"
    ).dropna(subset=["share"])
    long["measure"] = long["measure"].map(
        {"engaged_share": "Engaged share", "icp_share": "ICP share"}
    )
    x = alt.X(
        "removed:Q",
        title="People removed (least valuable first)",
        scale=alt.Scale(domain=[0, max(max_removed, 1)], nice=False),
    )
    layers = []
    if zone_start is not None and zone_start <= max_removed:
        zone = pd.DataFrame(
            {
                "start": [zone_start],
                "end": [max(max_removed, zone_start)],
                "label": ["over-pruning zone (restricts discovery)"],
            }
        )
        layers.append(
            alt.Chart(zone)
            .mark_rect(color="#fecaca", opacity=0.45)
            .encode(
                x=alt.X("start:Q", scale=alt.Scale(domain=[0, max(max_removed, 1)], nice=False)),
                x2="end:Q",
                tooltip=[
                    alt.Tooltip("label:N", title="Zone"),
                    alt.Tooltip("start:Q", title="From removal", format=","),
                ],
            )
        )
    if len(long):
        layers.append(
            alt.Chart(long)
            .mark_line(strokeWidth=2.5)
            .encode(
                x=x,
                y=alt.Y("share:Q", title="Share of real people", axis=alt.Axis(format="%")),
                color=alt.Color(
                    "measure:N",
                    title=None,
                    scale=alt.Scale(
                        domain=["Engaged share", "ICP share"], range=["#0f766e", "#f59e0b"]
                    ),
                    legend=alt.Legend(orient="bottom", direction="horizontal"),
                ),
                tooltip=[
                    alt.Tooltip("removed:Q", title="Removed", format=","),
                    alt.Tooltip("measure:N", title="Measure"),
                    alt.Tooltip("share:Q", title="Share", format=".1%"),
                ],
            )
        )
    marks = _marks(plan_removed, zone_start, max_removed)
    layers.append(
        alt.Chart(marks)
        .mark_rule(strokeDash=[4, 3], strokeWidth=1.5)
        .encode(
            x=x,
            color=alt.Color(
                "label:N",
                legend=None,
                scale=alt.Scale(
                    domain=["your plan", "over-pruning starts"], range=["#0f172a", "#b91c1c"]
                ),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Mark"),
                alt.Tooltip("removed:Q", title="Removals", format=","),
            ],
        )
    )
    return (
        alt.layer(*layers)
        .resolve_scale(color="independent")
        .properties(title="Shares as you remove more people", height=300)
    )


REACH_MODELS = ["Model A: per-viewer ranking", "Model B: test-and-expand"]


def reach_chart(curve: pd.DataFrame, plan_removed: int) -> alt.LayerChart:
    """Impressions per post under both reach models as people are removed; your plan dashed.

    Laid out as the trade-off chart is (one-line legend at the bottom, short axis title), so
    the title shows and the plot keeps its height.
    """
    long = curve.melt(
        "removed", ["impressions_a", "impressions_b"], var_name="model", value_name="impressions"
    ).dropna(subset=["impressions"])
    long["model"] = long["model"].map(
        dict(zip(["impressions_a", "impressions_b"], REACH_MODELS, strict=True))
    )
    top = max(int(curve["removed"].max()) if len(curve) else 0, 1)
    x = alt.X(
        "removed:Q",
        title="People removed (least valuable first)",
        scale=alt.Scale(domain=[0, top], nice=False),
    )
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y=alt.Y("impressions:Q", title="Impressions per post"),
            color=alt.Color(
                "model:N",
                title=None,
                scale=alt.Scale(domain=REACH_MODELS, range=["#334155", "#b45309"]),
                legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=0),
            ),
            tooltip=[
                alt.Tooltip("removed:Q", title="Removed", format=","),
                alt.Tooltip("model:N", title="Model"),
                alt.Tooltip("impressions:Q", title="Impressions", format=",.0f"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"removed": [plan_removed], "label": ["your plan"]}))
        .mark_rule(strokeDash=[4, 3], strokeWidth=1.5, color="#0f172a")
        .encode(
            x=x,
            tooltip=[
                alt.Tooltip("label:N", title="Mark"),
                alt.Tooltip("removed:Q", title="Removals", format=","),
            ],
        )
    )
    return alt.layer(lines, rule).properties(
        title=alt.Title("Reach per post under both models", anchor="start"), height=300
    )


#: A plan shorter than this many days is drawn day by day; longer, week by week.
DAILY_UNDER_DAYS = 14


def schedule_chart(weekly: pd.DataFrame, daily: pd.DataFrame | None = None) -> alt.Chart:
    """Removals per day of the checklist when the plan takes under two weeks (`daily`: day,
    removals; one bar a day reads better than one huge weekly bar), else per week (`weekly`:
    week, days, removals)."""
    if daily is not None and len(daily) < DAILY_UNDER_DAYS:
        return (
            alt.Chart(daily)
            .mark_bar(color="#0f766e")
            .encode(
                x=alt.X("day:O", title="Day", axis=alt.Axis(labelAngle=0)),
                y=alt.Y("removals:Q", title="Removals"),
                tooltip=[
                    alt.Tooltip("day:O", title="Day"),
                    alt.Tooltip("removals:Q", title="Removals", format=","),
                ],
            )
            .properties(title="Removals per day, at your daily pace", height=220)
        )
    return (
        alt.Chart(weekly)
        .mark_bar(color="#0f766e")
        .encode(
            x=alt.X("week:O", title="Week", axis=alt.Axis(labelOverlap=True, labelAngle=0)),
            y=alt.Y("removals:Q", title="Removals"),
            tooltip=[
                alt.Tooltip("week:O", title="Week"),
                alt.Tooltip("days:Q", title="Days"),
                alt.Tooltip("removals:Q", title="Removals", format=","),
            ],
        )
        .properties(title="Removals per week, at your daily pace", height=220)
    )


# --- groups (clusters page) ---------------------------------------------------------------------

#: One click picks a group in either chart (the clusters page reads these selections by name).
GROUP_PICK = "pick"
GROUP_PICK_MAP = "pick_map"


def group_bars_chart(sizes: pd.DataFrame, mix: pd.DataFrame | None = None) -> alt.LayerChart:
    """Group sizes as ranked horizontal bars, each with its name and its count written on it.

    `sizes`: cluster, label, size, share (one row per group). `mix` (with an ICP): cluster,
    fit_band, count; the bars are then split by ICP fit in the app's fit colours. Every group
    name shows (no label is dropped for lack of room: the chart grows 28 px per group); a
    click selects a group (selection `GROUP_PICK` on field `cluster`).
    """
    order = sizes.sort_values(["size", "cluster"], ascending=[False, True])["label"].tolist()
    y = alt.Y(
        "label:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelLimit=320, labelOverlap=False, labelFontSize=12),
    )
    pick = alt.selection_point(fields=["cluster"], name=GROUP_PICK)
    tooltip = [
        alt.Tooltip("label:N", title="Group"),
        alt.Tooltip("size:Q", title="Connections in group", format=","),
        alt.Tooltip("share:Q", title="Share of people with a title", format=".1%"),
    ]
    if mix is not None and not mix.empty:
        data = mix.merge(sizes, on="cluster")
        data["fit_order"] = data["fit_band"].map({b: i for i, b in enumerate(FIT_DOMAIN)})
        bars = (
            alt.Chart(data)
            .mark_bar()
            .encode(
                x=alt.X("count:Q", title="Connections", stack="zero"),
                y=y,
                color=alt.Color(
                    "fit_band:N",
                    title="ICP fit",
                    scale=alt.Scale(domain=FIT_DOMAIN, range=FIT_RANGE),
                    # Inside the plot, bottom right, where the smallest bars leave room: a
                    # legend under the chart cut its last label ("strong partial of") in the
                    # browser, and one beside it squeezed the bars.
                    legend=alt.Legend(orient="bottom-right", fillColor="white", padding=6),
                ),
                order=alt.Order("fit_order:Q"),
                tooltip=tooltip
                + [
                    alt.Tooltip("fit_band:N", title="ICP fit"),
                    alt.Tooltip("count:Q", title="People with this fit", format=","),
                ],
                opacity=alt.condition(pick, alt.value(1), alt.value(0.45)),
            )
        )
        title = "Group sizes by ICP fit"
    else:
        bars = (
            alt.Chart(sizes)
            .mark_bar(color="#0f766e")
            .encode(
                x=alt.X("size:Q", title="Connections"),
                y=y,
                tooltip=tooltip,
                opacity=alt.condition(pick, alt.value(1), alt.value(0.45)),
            )
        )
        title = "Group sizes"
    counts = (
        alt.Chart(sizes)
        .mark_text(align="left", dx=4, fontSize=12, color="#334155")
        .encode(x=alt.X("size:Q"), y=y, text=alt.Text("size:Q", format=","), tooltip=tooltip)
    )
    height = 28 * max(len(sizes), 1) + (60 if mix is not None else 30)
    return alt.layer(bars.add_params(pick), counts).properties(title=title, height=height)


def group_map_chart(points: pd.DataFrame) -> alt.Chart:
    """One dot per person (`points`: x, y, cluster, group, position, company), coloured by
    group; similar titles sit close together. A click selects a group (`GROUP_PICK_MAP`)."""

    def padded(col: str) -> alt.Scale:
        lo, hi = float(points[col].min()), float(points[col].max())
        pad = 0.06 * (hi - lo or 1.0)
        return alt.Scale(domain=[lo - pad, hi + pad], nice=False, zero=False)

    pick = alt.selection_point(fields=["cluster"], name=GROUP_PICK_MAP)
    # More groups than the theme's 10 colours: a 20-colour scheme, so fewer groups share one.
    palette = alt.Scale(scheme="tableau20") if points["cluster"].nunique() > 10 else alt.Undefined
    return (
        alt.Chart(points)
        .mark_circle(size=26)
        .encode(
            x=alt.X(
                "x:Q", title="Similar titles sit close (left-right)", axis=None, scale=padded("x")
            ),
            y=alt.Y(
                "y:Q", title="Similar titles sit close (up-down)", axis=None, scale=padded("y")
            ),
            color=alt.Color(
                "group:N",
                title="Group",
                scale=palette,
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=150),
            ),
            tooltip=[
                alt.Tooltip("group:N", title="Group"),
                alt.Tooltip("position:N", title="Title"),
                alt.Tooltip("company:N", title="Company"),
            ],
            opacity=alt.condition(pick, alt.value(0.75), alt.value(0.25)),
        )
        .add_params(pick)
        .properties(title="Map: similar titles sit close", height=440)
    )


def group_count_chart(table: pd.DataFrame) -> alt.LayerChart:
    """For each number of groups (`table` from `core.clustering.suggest_k`): the share of
    people sharing their group's job function and the share in the largest group, with the
    automatic choice marked."""
    long = table.melt(
        id_vars=["k"],
        value_vars=["function_purity", "largest_share"],
        var_name="measure",
        value_name="value",
    ).dropna()
    long["measure"] = long["measure"].map(
        {
            "function_purity": "People sharing their group's job function",
            "largest_share": "People in the largest group",
        }
    )
    lines = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("k:Q", title="Number of groups", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "value:Q",
                title="Share of people",
                axis=alt.Axis(format=".0%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "measure:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320)
            ),
            tooltip=[
                alt.Tooltip("k:Q", title="Groups"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("value:Q", title="Share", format=".0%"),
            ],
        )
    )
    rule = (
        alt.Chart(table[table["suggested"]])
        .mark_rule(strokeDash=[4, 4], color="#64748b")
        .encode(x="k:Q", tooltip=[alt.Tooltip("k:Q", title="Automatic number of groups")])
    )
    return alt.layer(lines, rule).properties(
        title="How each number of groups describes your network", height=240
    )
