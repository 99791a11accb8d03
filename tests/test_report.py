"""The coaching report: self-contained, every section, user text escaped, names opt-in."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from core.charts import growth_chart
from core.faq import load_faq
from core.report import FAQ_IN_REPORT, ReportInput, render_report

XSS = "<img src=x onerror=alert(1)>"


def _data(people: bool) -> ReportInput:
    return ReportInput(
        source=f"{XSS}.zip", is_demo=False,
        overview={"Connections": "2,500", "Ghost rows": "51"},
        icp_summary=f"You want {XSS} people",
        growth=growth_chart(pd.Series(pd.to_datetime(["2020-01-05", "2021-03-01"]))),
        clusters=pd.DataFrame({"Group": [XSS, "Sales"], "Connections": [3, 4]}),
        cluster_chart=alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:Q"),
        rules=["ICP fit below 30"],
        before_after=pd.DataFrame({"Before": ["2,500"], "After": ["1,200"]},
                                  index=pd.Index(["Connections"], name="Measure")),
        assumptions={"a_ve": "0.4"},
        schedule=pd.DataFrame({"day": [1, 2], "removals": [15, 3]}),
        people=pd.DataFrame({"Name": ["Zebediah Quill"], "Why": [XSS]}) if people else None,
        faq=[e for e in load_faq() if e.id in FAQ_IN_REPORT],
    )


def test_every_section_and_no_external_resource():
    page = render_report(_data(people=False))
    for section in ("icp", "overview", "clusters", "plan", "schedule", "faq"):
        assert f"id='{section}'" in page
    assert page.count("<svg") == 2  # growth and cluster charts, inline
    assert "<script" not in page.lower()
    urls = set(re.findall(r"(?:src|href)=[\"']([^\"']+)", page))
    assert not urls, urls
    external = {u for u in re.findall(r"https?://[^\s\"'<>)]+", page)
                if not u.startswith("http://www.w3.org/")}
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
