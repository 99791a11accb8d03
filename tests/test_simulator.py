"""Simulator core: rule semantics (AND within, OR across), protections that always win, safe
defaults, no engagement rule without data, honest shares, the curve, URL values, people search,
reach models and the simulator's charts."""

from __future__ import annotations

import base64
import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import charts, simulator
from core import scenario_params as params
from core.icp import PRESETS, load_icp_file
from core.plan_words import (
    RESTRICTED_DISCOVERY,
    before_after,
    headline,
    person_status,
    plan_sentence,
    plan_warnings,
)
from core.reach import PARAMETERS, ModelA, ModelB, models
from core.simulator import SAFE_SHARE, Protections, Rule, Scenario, find_people
from tests.strategies import rules

TODAY = pd.Timestamp("2026-11-01")
NO_PROTECTION = Protections(engaged=False, strong_fit=False, recent=False, by_hand=False)


def run(df, scenario=None, **kw):
    """`core.simulator.run` with a fixed "today" (the tables below connect everyone on one
    day, which would otherwise make everyone recent)."""
    kw.setdefault("today", TODAY)
    return simulator.run(df, scenario or Scenario(), **kw)


def network(engaged, fit=None, ghost=None, last=None, connected=None):
    """A connection table as the loader and the scorer produce it (fit bands at 60/30)."""
    n = len(engaged)
    df = pd.DataFrame(
        {
            "full_name": [f"P{i}" for i in range(n)],
            "position": ["Role"] * n,
            "company": ["Co"] * n,
            "url": [f"https://www.linkedin.com/in/p{i}" for i in range(n)],
            "is_blank": ghost if ghost is not None else [False] * n,
            "engaged": pd.array(engaged, dtype="boolean"),
            "last_interaction": pd.to_datetime(last if last is not None else [pd.NaT] * n),
            "connected_on": pd.to_datetime(
                connected if connected is not None else ["2020-01-01"] * n
            ),
            "interactions": [np.nan] * n,
        }
    )
    if fit is not None:
        f = np.asarray(fit, dtype=float)
        df["fit"] = f
        df["fit_band"] = np.where(f >= 60, "strong", np.where(f >= 30, "partial", "off"))
    ghosts = df["is_blank"].to_numpy()
    df.loc[ghosts, "engaged"] = pd.NA
    if fit is not None:
        df.loc[ghosts, "fit_band"] = ""
    return df


# --- rule semantics -------------------------------------------------------------------------


def test_conditions_of_a_rule_must_all_hold_and_rules_are_alternatives():
    df = network(
        [False] * 4,
        fit=[10, 10, 80, 50],
        connected=["2015-01-01", "2025-01-01", "2015-01-01", "2015-01-01"],
    )
    both = Scenario(
        rules=(Rule(fit_below=30, older_than_years=5),), protections=NO_PROTECTION, max_share=1.0
    )
    assert run(df, both, today=TODAY).mask.tolist() == [True, False, False, False]
    either = Scenario(
        rules=(Rule(fit_below=30), Rule(older_than_years=5)),
        protections=NO_PROTECTION,
        max_share=1.0,
    )
    r = run(df, either, today=TODAY)
    assert r.mask.tolist() == [True, True, True, True]
    reasons = dict(zip(r.order.tolist(), r.reasons, strict=True))
    assert reasons[0] == (
        "rule 1: with an ICP fit below 30; rule 2: connected more than 5 years ago"
    )
    assert "fit below 30 AND" not in plan_sentence(r) and " OR people " in plan_sentence(r)


def test_a_rule_reads_as_a_sentence():
    rule = Rule(fit_below=30, quiet_months=24, older_than_years=3)
    assert rule.text() == (
        "with an ICP fit below 30 AND with no message in 24 months AND "
        "connected more than 3 years ago"
    )
    assert Rule().is_empty and not rule.is_empty


def test_an_empty_rule_selects_nobody():
    df = network([False] * 3, fit=[1, 2, 3])
    r = run(df, Scenario(rules=(Rule(),), protections=NO_PROTECTION, max_share=1.0))
    assert r.removed == 0 and "No rule is on" in plan_sentence(r)


# --- protections ----------------------------------------------------------------------------


def test_protections_win_and_are_counted():
    df = network(
        [True, False, False, False, False],
        fit=[10, 90, 10, 10, 10],
        connected=["2015-01-01", "2015-01-01", "2026-09-01", "2015-01-01", "2015-01-01"],
    )
    rule = Scenario(rules=(Rule(fit_below=95),), max_share=1.0, protect_ids=frozenset({3}))
    r = run(df, rule, today=TODAY)
    assert r.mask.tolist() == [False, False, False, True, True][:3] + [False, True]
    lines = {p.key: (p.people, p.kept) for p in r.protections}
    assert lines == {"engaged": (1, 1), "strong_fit": (1, 1), "recent": (1, 1), "by_hand": (1, 1)}
    status = person_status(r, np.arange(5))
    assert status[0] == "Matches a rule, kept: engaged"
    assert status[3] == "Kept: you protected them" and status[4].startswith("Removed:")
    off = run(
        df,
        Scenario(rules=(Rule(fit_below=95),), max_share=1.0, protections=NO_PROTECTION),
        today=TODAY,
    )
    assert off.removed == 5


def test_your_own_remove_call_beats_a_protection_and_says_so():
    df = network([True, False], fit=[90, 10])
    r = run(df, Scenario(rules=(), remove_ids=frozenset({0})))
    assert r.mask.tolist() == [True, False]
    assert r.reasons[0] == "your call (you ticked Remove)"
    assert any("strong fit" in text for _, text in plan_warnings(r))  # fewer strong fits: warned


_people = st.lists(
    st.tuples(st.booleans(), st.floats(0, 100), st.booleans(), st.integers(0, 4000)),
    min_size=1,
    max_size=60,
)


def _table(people):
    connected = [TODAY - pd.Timedelta(days=d) for *_, d in people]
    return network(
        [e for e, *_ in people],
        fit=[f for _, f, *_ in people],
        ghost=[g for _, _, g, _ in people],
        connected=connected,
        last=[TODAY - pd.Timedelta(days=d) for *_, d in people],
    )


@settings(max_examples=150, deadline=None)
@given(_people, st.lists(rules, max_size=3), st.floats(0, 1), st.data())
def test_no_protected_person_is_ever_removed(people, rules, cap, data):
    df = _table(people)
    n = len(df)
    protect = frozenset(data.draw(st.lists(st.integers(0, n - 1), max_size=5)))
    r = run(df, Scenario(rules=tuple(rules), max_share=cap, protect_ids=protect), today=TODAY)
    covered = np.logical_or.reduce(list(r.protected.values()))
    assert not (r.mask & covered).any()
    assert not r.mask[df["is_blank"].to_numpy()].any()  # ghosts are never removed
    assert r.removed <= math.floor(cap * r.before.people + 1e-9)
    assert len(r.reasons) == r.removed and all(r.reasons)


# --- safe defaults --------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(_people)
def test_the_default_plan_is_safe(people):
    df = _table(people)
    r = run(df, Scenario(), today=TODAY)
    real = ~df["is_blank"].to_numpy()
    assert r.removed <= SAFE_SHARE * real.sum() + 1e-9
    removed = df[r.mask]
    assert (removed["fit_band"] == "off").all()
    assert not removed["engaged"].fillna(False).any()
    assert (removed["connected_on"] < TODAY - pd.DateOffset(months=6)).all()
    assert r.after.strong == r.before.strong


def test_over_pruning_is_warned_with_the_seed_guides_point():
    df = network([False] * 10, fit=[10] * 9 + [90])
    r = run(df, Scenario(rules=(Rule(fit_below=50),), max_share=1.0), today=TODAY)
    assert r.removed == 9 and r.over_pruning
    assert any(
        RESTRICTED_DISCOVERY in text for level, text in plan_warnings(r) if level == "warning"
    )
    small = run(df, Scenario(rules=(Rule(fit_below=50),), max_share=0.2), today=TODAY)
    assert small.removed == 2 and not small.over_pruning
    assert any("7 more people" in text for level, text in plan_warnings(small) if level == "info")
    assert r.zone_start == 4  # more than 30% of 10


# --- engagement -----------------------------------------------------------------------------


def test_no_engagement_rule_without_data_unless_a_rate_is_assumed():
    df = network([None] * 6, fit=[10] * 6)
    r = run(df, Scenario(protections=NO_PROTECTION, max_share=1.0))
    assert r.engagement == "unknown" and "quiet_months" in r.unavailable
    assert r.removed == 0 and "Rule 1 selects nobody" in plan_sentence(r)
    m = {x.label: x for x in headline(r)}
    assert m["Engaged share"].value == "unknown" and r.reach.basis == "default assumption"
    assumed = run(
        df,
        Scenario(
            protections=NO_PROTECTION, max_share=1.0, assumed_rate=0.2, engaged_ids=frozenset({0})
        ),
    )
    assert assumed.engagement == "assumed" and "quiet_months" not in assumed.unavailable
    assert assumed.mask.tolist() == [False] + [True] * 5  # the one marked as engaging stays
    assert "Engagement is assumed" in plan_sentence(assumed)
    assert all(
        "assumed" in row[0]
        for row in before_after(assumed)
        if row[0].startswith(("Engaged", "Reach"))
    )


@settings(max_examples=100, deadline=None)
@given(_people, st.lists(rules, max_size=3), st.floats(0.01, 1), st.floats(0, 1))
def test_one_assumed_rate_for_everyone_never_moves_the_engaged_share(people, rules, rate, cap):
    df = _table(people)
    df["engaged"] = pd.array([pd.NA] * len(df), dtype="boolean")
    r = run(df, Scenario(rules=tuple(rules), max_share=cap, assumed_rate=rate), today=TODAY)
    assert r.engagement == "assumed"
    if r.before.people:
        assert r.before.engaged_share == pytest.approx(rate)
    if r.after.people:
        assert r.after.engaged_share == pytest.approx(r.before.engaged_share)
    shares = r.curve["engaged_share"].dropna().to_numpy()
    assert np.allclose(shares, rate)


def test_ghosts_are_outside_every_share():
    df = network(
        [True, False, None, False], ghost=[False, False, True, False], fit=[90, 10, np.nan, 10]
    )
    r = run(df, Scenario(rules=(Rule(fit_below=50),), max_share=1.0))
    assert r.before.connections == 4 and r.before.people == 3
    assert r.before.engaged_share == pytest.approx(1 / 3)
    assert r.after.engaged_share == pytest.approx(1.0) and r.removed == 2
    assert r.composition["people"].sum() == pytest.approx(3 + 1)  # before 3, after 1


# --- the curve, the schedule, the words -----------------------------------------------------


def test_the_curve_passes_through_the_plan_and_marks_the_zone():
    rng = np.random.default_rng(1)
    n = 500
    df = network(list(rng.random(n) < 0.2), fit=list(rng.uniform(0, 100, n)))
    r = run(df, Scenario(rules=(Rule(fit_below=40),), max_share=0.25))
    at_plan = r.curve.set_index("removed").loc[r.removed]
    assert at_plan["people"] == r.after.people
    assert at_plan["engaged_share"] == pytest.approx(r.after.engaged_share)
    assert r.zone_start in set(r.curve["removed"])
    assert r.curve["removed"].iloc[0] == 0 and np.isfinite(r.curve["impressions_a"]).all()
    assert r.weekly["removals"].sum() == r.removed == r.schedule["removals"].sum()


def test_headline_matches_the_report_rows():
    df = network([True, False, False], fit=[90, 10, 50])
    r = run(df, Scenario(rules=(Rule(fit_below=30),), max_share=1.0))
    metrics = {m.label: m for m in headline(r)}
    rows = {row[0]: row for row in before_after(r)}
    assert metrics["Engaged share"].value == rows["Engaged share (measured)"][2] == "50.0%"
    assert metrics["Engaged share"].delta == rows["Engaged share (measured)"][3] == "+16.7 pts"
    assert metrics["Connections"].value == "2"


def test_scenario_checks_its_ranges():
    with pytest.raises(ValueError, match="pace"):
        Scenario(pace=51)
    with pytest.raises(ValueError, match="max_share"):
        Scenario(max_share=1.5)
    with pytest.raises(ValueError, match="assumed_rate"):
        Scenario(assumed_rate=-0.1)


# --- URL values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("pace", "inf", 50),
        ("pace", "1e309", 50),
        ("pace", "-inf", 1),
        ("pace", "20", 20),
        ("eng_rate", "inf", 100),
        ("eng_off", "-inf", 0),
        ("cap", "-5", 0),
        ("fit_below", "33.4", 33),
        ("a_ve", "7", 1.0),
        ("off", "false", False),
        ("eng_mode", "By ICP fit band", "By ICP fit band"),
    ],
)
def test_url_values_are_clamped(key, raw, expected):
    assert params.parse({key: raw}) == {key: expected}


@pytest.mark.parametrize("raw", ["nan", "abc", "", "1" * 500, "By band", "maybe"])
def test_junk_url_values_are_ignored(raw):
    for key in ("pace", "eng_mode", "off"):
        assert params.parse({key: raw}) == {}
    assert params.parse({"unknown": "1", "pace": ["3", "7"]}) == {"pace": 7}


_values = st.fixed_dictionaries(
    {
        p.key: (
            st.booleans()
            if p.kind == "bool"
            else st.sampled_from(p.choices)
            if p.kind == "choice"
            else st.integers(int(p.lo), int(p.hi))
            if p.kind == "int"
            else st.floats(p.lo, p.hi)
        )
        for p in params.PARAMS
    }
)


@settings(max_examples=100, deadline=None)
@given(_values)
def test_url_round_trip_gives_the_same_scenario(values):
    scenario = params.to_scenario(values)
    text = params.url_query(values)
    assert params.to_scenario(params.parse(text)) == params.to_scenario(
        {k: params.parse({k: t})[k] for k, t in text.items()}
    )
    assert params.to_scenario(params.values_of(scenario)) == scenario


def test_defaults_come_from_the_dataclasses():
    assert params.to_scenario({}) == Scenario()
    assert params.url_query(params.DEFAULTS) == {}
    a, b = models({})
    assert (a, b) == (ModelA(), ModelB())
    for prm in PARAMETERS:
        assert params.DEFAULTS[prm.key] == prm.default
        assert prm.field in (
            ModelA.__dataclass_fields__ if prm.model == "A" else ModelB.__dataclass_fields__
        )
    assert {p.field for p in PARAMETERS if p.model == "A"} == set(ModelA.__dataclass_fields__)
    assert {p.field for p in PARAMETERS if p.model == "B"} == set(ModelB.__dataclass_fields__)


# --- people search --------------------------------------------------------------------------


def test_people_search_is_whole_word_and_accent_insensitive():
    df = pd.DataFrame(
        {
            "full_name": ["Victor Hugo", "Zoë Müller", "Ann Lee", ""],
            "position": ["Director", "CTO", "Chief Technology Officer", ""],
            "company": ["Acme", "Bäckerei", "cto.com", ""],
            "is_blank": [False, False, False, True],
        }
    )
    assert find_people(df, "CTO").tolist() == [1, 2]  # not DireCTOr, not VicTOr
    assert find_people(df, "zoe muller").tolist() == [1]
    assert find_people(df, "BACKEREI").tolist() == [1]
    assert find_people(df, "(.*)").tolist() == [0, 1, 2]  # user text is never a pattern


# --- reach models ---------------------------------------------------------------------------


def test_model_b_matches_the_formula():
    b = ModelB()
    n, e = 1000.0, 100.0
    s = e / n
    f = 3 * s / (3 * s + 1 - s)
    r = f * 0.08 + (1 - f) * 0.005
    x = 1 + 9 * r**4 / (r**4 + 0.04**4)
    assert b.impressions(n, e) == pytest.approx(0.07 * n * x)
    assert b.impressions(0, 0) == 0


def test_model_a_at_fixed_point():
    a = ModelA()
    assert a.impressions(1000, 100) == pytest.approx(
        100 * 0.4 + 900 * 0.06 + 3 * (100 * 0.4 * 0.08 + 900 * 0.06 * 0.005)
    )


def test_parameters_format_for_people():
    by = {p.key: p for p in PARAMETERS}
    assert by["a_ve"].format(0.4) == "40%" and by["a_pd"].format(0.005) == "0.5%"
    assert by["b_b"].format(3.0) == "3×" and by["b_gamma"].format(4.0) == "4"


# --- charts ---------------------------------------------------------------------------------


def _spec(chart) -> str:
    return chart.to_json()


def test_simulator_charts_have_titles_axes_and_tooltips():
    rng = np.random.default_rng(2)
    df = network(list(rng.random(300) < 0.2), fit=list(rng.uniform(0, 100, 300)))
    r = run(df, Scenario(rules=(Rule(fit_below=50),), max_share=0.5))
    built = {
        "Who is in your network": charts.plan_composition_chart(r.composition, r.engagement),
        "Shares as you remove": charts.tradeoff_chart(r.curve, r.removed, r.zone_start),
        "Reach per post": charts.reach_chart(r.curve, r.removed),
        "Removals per week": charts.schedule_chart(r.weekly),
        "Removals per day": charts.schedule_chart(r.weekly, r.schedule),
    }
    for title, chart in built.items():
        spec = _spec(chart)
        assert title in spec and '"tooltip"' in spec
        assert any(f'"title": "{axis}' in spec for axis in ("People", "Week", "Day"))
    assert "over-pruning zone" in _spec(built["Shares as you remove"])


def test_a_short_plan_is_drawn_by_day_a_long_one_by_week():
    short = charts.schedule_chart(
        pd.DataFrame({"week": [1], "days": [4], "removals": [58]}),
        pd.DataFrame({"day": [1, 2, 3, 4], "removals": [15] * 3 + [13]}),
    )
    assert "per day" in _spec(short)
    days = pd.DataFrame({"day": range(1, 15), "removals": [15] * 14})
    weeks = pd.DataFrame({"week": [1, 2], "days": [7, 7], "removals": [105, 105]})
    assert "per week" in _spec(charts.schedule_chart(weeks, days))


# --- a condition that cannot apply is off (review W1) -----------------------------------------


def test_a_condition_without_its_data_is_off_and_the_rule_runs_on_the_others():
    df = network([False, False, True], connected=["2010-01-01", "2025-11-01", "2010-01-01"])
    rule = Rule(off_profile=True, older_than_years=5)  # no ICP: off-profile cannot apply
    r = run(df, Scenario(rules=(rule,), protections=NO_PROTECTION, max_share=1.0), today=TODAY)
    assert "off_profile" in r.unavailable
    assert r.mask.tolist() == [True, False, True]
    assert r.reasons.tolist() == ["connected more than 5 years ago"] * 2
    assert "runs without “off-profile for your ICP”" in plan_sentence(r)
    alone = run(
        df, Scenario(rules=(Rule(off_profile=True),), protections=NO_PROTECTION), today=TODAY
    )
    assert alone.removed == 0 and "none of its conditions can apply" in plan_sentence(alone)
    safe = run(df, Scenario(protections=NO_PROTECTION, max_share=1.0), today=TODAY)
    assert safe.removed == 0 and "it is the safe default" in plan_sentence(safe)


# --- a link carries the ICP and the prune marks (review B1) -----------------------------------

_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(PRESETS)), _words, st.lists(_words, max_size=5), st.floats(0, 100))
def test_an_icp_travels_in_a_link_unchanged(preset, name, keywords, threshold):
    icp = replace(
        PRESETS[preset],
        name=name.strip() or "x",
        keywords=tuple(k for k in keywords if k.strip()),
        fit_threshold=threshold,
    )
    try:
        load_icp_file(icp.to_json())
    except ValueError:
        return  # not a savable ICP in the first place
    text = params.encode_icp(icp)
    assert text is not None and len(text) <= params.MAX_ICP_PARAM
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert params.decode_icp(text) == icp


def test_a_link_icp_goes_through_the_file_checks_and_drops_corrections():
    raw = '{"schema":1,"functions":["Sales"],"corrections":[{"title":"x","function":"Sales"}]}'
    text = base64.urlsafe_b64encode(raw.encode()).decode()
    assert params.decode_icp(text).functions == ("Sales",)
    for bad in (
        "",
        "a" * (params.MAX_ICP_PARAM + 1),
        "abc$",
        7,
        base64.urlsafe_b64encode(b'{"schema":1,"functions":["Pirate"]}').decode(),
    ):
        with pytest.raises(ValueError):
            params.decode_icp(bad)


def test_prune_marks_round_trip_and_junk_is_refused():
    marks = params.LinkMarks(params.marks_basis("fp", ()), "lexical", 8, (0, 4, 17))
    assert params.decode_marks(params.encode_marks(marks)) == marks
    assert params.marks_basis("fp", ()) != params.marks_basis("other", ())
    for junk in (
        "",
        "x",
        "0123456789ab.pirate.auto.1",
        "0123456789ab.lexical.auto.",
        "0123456789ab.lexical.auto.1-" + "-".join(["2"] * 700),
        None,
    ):
        assert params.decode_marks(junk) is None
