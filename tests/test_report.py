"""The coaching report: self-contained, every section, user text escaped, names opt-in, the plan
as the page shows it (same numbers, same words), and every chart renders for any scenario."""

from __future__ import annotations

import html
import math
import re

import altair as alt
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import scenario_params as params
from core.charts import growth_chart
from core.faq import load_faq
from core.plan_words import assumptions, before_after, headline, plan_sentence
from core.report import FAQ_IN_REPORT, ReportInput, plan_people, render_report
from core.simulator import Rule, Scenario, run
from tests.strategies import rules

XSS = "<img src=x onerror=alert(1)>"
TODAY = pd.Timestamp("2026-11-01")


def _network(
    n: int = 40, seed: int = 0, measured: bool = True, scored: bool = True, ghosts: int = 2
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    engaged = rng.random(n) < 0.2
    df = pd.DataFrame(
        {
            "full_name": [f"Person {i}" for i in range(n)],
            "position": ["Role"] * n,
            "company": ["Co"] * n,
            "url": [f"https://www.linkedin.com/in/p{i}" for i in range(n)],
            "is_blank": np.arange(n) < ghosts,
            "engaged": pd.array(engaged if measured else [None] * n, dtype="boolean"),
            "last_interaction": pd.to_datetime(
                [
                    TODAY - pd.Timedelta(days=int(d)) if e else pd.NaT
                    for d, e in zip(rng.integers(0, 900, n), engaged, strict=True)
                ]
            ),
            "connected_on": pd.to_datetime(
                [TODAY - pd.Timedelta(days=int(d)) for d in rng.integers(0, 4000, n)]
            ),
        }
    )
    df.loc[df["is_blank"], "engaged"] = pd.NA
    if scored:
        fit = rng.uniform(0, 100, n)
        df["fit"] = np.where(df["is_blank"], np.nan, fit)
        df["fit_band"] = np.where(
            df["is_blank"], "", np.where(fit >= 60, "strong", np.where(fit >= 30, "partial", "off"))
        )
    return df


def _data(people: bool, plan=None) -> ReportInput:
    df = _network()
    plan = plan if plan is not None else run(df, Scenario(rules=(Rule(fit_below=40),)), today=TODAY)
    people_table = plan_people(df, plan) if people else None
    if people_table is not None and len(people_table):
        people_table.loc[0, "Name"] = "Zebediah Quill"
        people_table.loc[0, "Why"] = XSS
    return ReportInput(
        source=f"{XSS}.zip",
        is_demo=False,
        overview={"Connections": "2,500", "Ghost rows": "51"},
        icp_summary=f"You want {XSS} people",
        growth=growth_chart(pd.Series(pd.to_datetime(["2020-01-05", "2021-03-01"]))),
        clusters=pd.DataFrame({"Group": [XSS, "Sales"], "Connections": [3, 4]}),
        cluster_chart=alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:Q"),
        plan=plan,
        people=people_table,
        faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT],
    )


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.S)


def _check_svg(svg: str) -> None:
    """Finite, sensible size and at least one drawn mark (an empty chart has none)."""
    head = re.match(r"<svg\b[^>]*>", svg).group(0)
    width = float(re.search(r'\swidth="([^"]+)"', head).group(1))
    height = float(re.search(r'\sheight="([^"]+)"', head).group(1))
    assert math.isfinite(width) and math.isfinite(height), head
    assert 0 < width < 5000 and 0 < height < 20000, head
    marks = re.findall(r'class="mark-\w+ role-mark[^"]*"[^>]*>\s*<(path|line|rect|text|g)\b', svg)
    assert marks, "no mark drawn"


def _text_only(page: str) -> str:
    return re.sub(r"<svg\b.*?</svg>", "", page, flags=re.S)


def test_every_section_and_no_external_resource():
    page = render_report(_data(people=False))
    for section in ("icp", "overview", "clusters", "plan", "schedule", "faq"):
        assert f"id='{section}'" in page
    assert len(_svgs(page)) == 6  # growth, groups, composition, trade-off, reach, schedule
    assert "<script" not in page.lower()
    urls = set(re.findall(r"(?:src|href)=[\"']([^\"']+)", page))
    assert not urls, urls
    external = {
        u
        for u in re.findall(r"https?://[^\s\"'<>)]+", page)
        if not u.startswith("http://www.w3.org/")
    }
    assert not external, external


def test_user_text_is_escaped():
    page = render_report(_data(people=True))
    assert XSS not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_names_only_when_asked():
    assert "Zebediah" not in render_report(_data(people=False))
    assert "Zebediah" in render_report(_data(people=True))


def test_empty_parts_say_so():
    page = render_report(ReportInput(source="demo", is_demo=True, overview={}))
    assert "No ICP was defined" in page and "not computed" in page
    assert "No plan was simulated" in page and "Nothing to remove" in page


def test_numbers_are_formatted_and_assumptions_named():
    page = _text_only(render_report(_data(people=False)))
    assert not re.search(r"\d\.\d{3,}", page), re.search(r".{40}\d\.\d{3,}.{20}", page)
    for internal in ("a_ve", "b_gamma", "v_engaged", "x_max", "b_r0"):
        assert internal not in page
    assert "Model B: How sharply expansion switches on" in page
    assert "assumed rate" not in page.lower()  # engagement is measured here
    assert "Engaged share (measured)" in page


def test_assumed_and_unknown_engagement_are_worded_from_the_data():
    df = _network(measured=False)
    assumed = _text_only(
        render_report(_data(False, run(df, Scenario(assumed_rate=0.1), today=TODAY)))
    )
    assert "Engaged share (assumed)" in assumed and "Assumed engagement rate" in assumed
    assert "measured" not in assumed.split("id='plan'")[1].split("id='faq'")[0]
    unknown = _text_only(render_report(_data(False, run(df, Scenario(), today=TODAY))))
    assert "Engagement is unknown" in unknown and "(default)" in unknown


def test_the_schedule_is_weekly_and_the_days_stay_in_the_csv():
    df = _network(n=400, seed=3)
    plan = run(df, Scenario(rules=(Rule(fit_below=90),), max_share=0.6, pace=10), today=TODAY)
    page = render_report(_data(False, plan))
    schedule = page.split("id='schedule'")[1].split("id='faq'")[0]
    weeks = math.ceil(math.ceil(plan.removed / 10) / 7)
    assert schedule.count("<tr>") == weeks + 1  # header + one row per week
    assert f"{plan.removed:,} removals at 10 a day" in schedule


_model_values = st.fixed_dictionaries(
    {p.key: st.floats(p.lo, p.hi) for p in params.PARAMS if p.kind == "float"}
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 10_000),
    st.integers(0, 120),
    st.booleans(),
    st.booleans(),
    st.lists(rules, max_size=3),
    st.floats(0, 1),
    st.one_of(st.none(), st.floats(0, 1)),
    st.integers(1, 50),
    _model_values,
)
def test_reports_for_random_scenarios_render_every_chart_and_match_the_page(
    seed, n, measured, scored, rules, cap, rate, pace, models
):
    df = _network(n=n, seed=seed, measured=measured, scored=scored, ghosts=min(n, 3))
    base = params.to_scenario(models)
    scenario = Scenario(
        rules=tuple(rules),
        max_share=cap,
        assumed_rate=rate,
        pace=pace,
        model_a=base.model_a,
        model_b=base.model_b,
    )
    plan = run(df, scenario, today=TODAY)
    page = render_report(ReportInput(source="x", is_demo=False, overview={}, plan=plan))
    for svg in _svgs(page):
        _check_svg(svg)
    assert len(_svgs(page)) == (4 if plan.removed else 3)
    text = _text_only(page)
    assert html.escape(plan_sentence(plan), quote=True) in text
    for metric in headline(plan):  # the page's numbers, in the report's table
        if metric.label != "Connections":
            assert f"<td>{html.escape(metric.value)}</td>" in text, metric
    for row in before_after(plan):
        assert "".join(f"<td>{html.escape(v)}</td>" for v in row[1:]) in text
    for a in assumptions(plan):
        assert html.escape(a.name, quote=True) in text
    assert not re.search(r"\d\.\d{3,}", text)


def test_groups_nobody_marked_read_keep_as_on_the_clusters_page():
    """The report's decision for an unmarked group is the clusters page's default ("keep"),
    never a dash: both read `ui.clusters_page.decisions`."""
    from ui.clusters_page import DEFAULT_DECISION, decisions
    from ui.report import _group_table

    df = _network(n=12, ghosts=0)
    labels = np.array([0] * 4 + [1] * 4 + [2] * 4)
    names = {0: "Alpha", 1: "Beta", 2: "Gamma"}
    tags = {1: "prune", 2: "review"}
    shown, _ = _group_table(df, labels, names, tags, None)
    assert dict(zip(shown["Group"], shown["Decision"], strict=True)) == {
        "Alpha": "keep",
        "Beta": "prune",
        "Gamma": "review",
    }
    assert DEFAULT_DECISION == "keep"
    assert decisions(pd.Series([0, 1, 2]), tags).tolist() == shown["Decision"].tolist()
