"""Property tests over every core entry point that takes user data: no exception but the
documented ones (ExportError / ValueError), whatever the text."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.clustering import cluster_texts
from core.export import plan_checklist
from core.icp import ICP, score
from core.simulator import Protections, Rule, Scenario, run

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


def _table(rows):
    n = len(rows)
    return pd.DataFrame(
        {
            "first_name": [r[0] for r in rows],
            "last_name": ["X"] * n,
            "full_name": [r[0] + " X" for r in rows],
            "position": [r[1] for r in rows],
            "company": [r[2] for r in rows],
            "headline": [""] * n,
            "url": [r[2] for r in rows],
            "text": [r[1] for r in rows],
            "is_blank": [r[3] for r in rows],
            "engaged": pd.array([None] * n, dtype="boolean"),
            "connected_on": pd.to_datetime(["2020-01-01"] * n),
            "last_interaction": pd.to_datetime([pd.NaT] * n),
            "interactions": [np.nan] * n,
        }
    )


_rows = st.lists(st.tuples(_text, _text, _text, st.booleans()), min_size=1, max_size=15)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(_rows, st.lists(_text, max_size=4), st.lists(_text, max_size=3))
def test_scoring_any_text(rows, keywords, exclusions):
    out = score(
        _table(rows),
        ICP(
            functions=["Sales"], keywords=keywords, exclude_keywords=exclusions, companies=keywords
        ),
    )
    real = ~out["is_blank"]
    assert out.loc[real, "fit"].between(0, 100).all()
    assert out.loc[real, "fit_band"].isin(["strong", "partial", "off"]).all()


@_settings
@given(st.lists(_text, max_size=25), st.one_of(st.none(), st.integers(1, 30)))
def test_clustering_any_text(texts, k):
    r = cluster_texts(texts, k=k)
    assert len(r.labels) == len(texts)
    assert set(r.labels) <= set(range(-1, max(r.k, 0)))


@_settings
@given(_rows, st.floats(0, 100), st.lists(st.integers(-5, 40)), st.integers(1, 50))
def test_simulator_and_checklist_any_text(rows, threshold, ids, per_day):
    df = score(_table(rows), ICP(functions=["Sales"]))
    r = run(
        df,
        Scenario(
            rules=(Rule(fit_below=threshold),),
            max_share=1.0,
            pace=per_day,
            protections=Protections(recent=False),
            remove_ids=frozenset(ids),
            protect_ids=frozenset(ids[:2]),
        ),
    )
    assert r.after.connections == len(df) - r.removed
    data = plan_checklist(df, r.order, r.reasons, per_day)
    assert data.decode("utf-8-sig").splitlines()[0].startswith("Day,Name")


# --- the loader's text helpers (any text a file can hold) -----------------------------------


@_settings
@given(st.lists(_text, max_size=20))
def test_dates_from_any_text_are_in_linkedins_lifetime_or_missing(values):
    from core.loader import parse_dates

    parsed, bad = parse_dates(pd.Series(values, dtype="str"))
    assert len(parsed) == len(values) and 0 <= bad <= len(values)
    known = parsed.dropna()
    assert ((known >= "2003-01-01") & (known < "2100-01-01")).all()
    assert (known == known.dt.floor("D")).all()  # days, no time of day


_url_text = st.text(
    alphabet=st.sampled_from(list("abcXYZ-_/%?#=é0129 .:") + ["名", "\n"]), max_size=40
)


@_settings
@given(
    st.lists(
        st.one_of(_url_text, st.builds("https://www.linkedin.com/in/{}".format, _url_text)),
        max_size=20,
    )
)
def test_url_keys_are_real_profiles_or_empty(urls):
    from core.loader import url_keys
    from core.loader.urls import is_profile_key, normalise_url

    keys = url_keys(pd.Series(urls, dtype="str")).tolist()
    for url, key in zip(urls, keys, strict=True):
        assert key == "" or (is_profile_key(key) and key == normalise_url(url))
        if "?" in url and "=" not in url.split("?", 1)[1]:
            assert key == ""  # cut short by a replaced letter: no key
