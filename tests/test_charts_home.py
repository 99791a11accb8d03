"""The Home page's charts say what they show: a title, axis titles and a tooltip."""

from __future__ import annotations

import pandas as pd

from core.charts import growth_chart, growth_frame, top_bar_chart


def test_growth_frame_keeps_empty_months_and_a_running_total():
    dates = pd.Series(pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02", None]))
    frame = growth_frame(dates)
    assert frame["added"].tolist() == [2, 0, 1]  # February had none and is still a bar
    assert frame["total"].tolist() == [2, 2, 3]


def test_growth_chart_has_a_title_axis_titles_and_a_tooltip():
    spec = growth_chart(pd.Series(pd.to_datetime(["2024-01-05", "2024-03-02"]))).to_dict()
    assert "grew" in spec["title"]
    bars, line = spec["layer"]
    assert bars["encoding"]["y"]["title"] == "Added per month"
    assert line["encoding"]["y"]["title"] == "Network size"
    assert {t["title"] for t in bars["encoding"]["tooltip"]} == {"Month", "Added", "Network size"}


def test_top_bar_chart_sorts_largest_first_and_explains_each_bar():
    counts = pd.DataFrame({"company": ["Acme", "Globex"], "count": [3, 9]})
    spec = top_bar_chart(counts, "company", "Top companies in your network").to_dict()
    assert spec["title"] == "Top companies in your network"
    assert spec["encoding"]["x"]["title"] == "Connections"
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == ["Company", "Connections"]
