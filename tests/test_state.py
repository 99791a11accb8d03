"""The session's cache: `cached` computes once per key; `ahead` queues a value on the one
background worker and `cached` picks it up (waits while it runs, computes it here when it is
still queued or failed); pages queue the grouping ahead of the clusters page."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future

import pytest
import streamlit as st

from core.demo import generate_export
from core.icp import title_text
from core.titles import Correction, title_key
from tests.conftest import app_state, new_app
from ui.state import STATE_KEY, AppState, ahead, cached, idle


@pytest.fixture
def session():
    """A bare-mode session with an empty AppState (no network needed for the cache)."""
    st.session_state[STATE_KEY] = AppState(network=None)
    yield st.session_state[STATE_KEY]
    del st.session_state[STATE_KEY]


@pytest.fixture
def busy_worker():
    """Holds the background worker on a task until the test releases it."""
    release = threading.Event()
    started = threading.Event()

    def hold() -> None:
        started.set()
        release.wait(timeout=30)

    from ui.state import _WORKER

    _WORKER.submit(hold)
    assert started.wait(timeout=30)
    yield release
    release.set()
    idle()


def test_cached_computes_once_per_key_and_keeps_the_latest(session):
    calls: list[int] = []

    def compute(n: int) -> int:
        calls.append(n)
        return n * 10

    assert cached("x", (1,), lambda: compute(1)) == 10
    assert cached("x", (1,), lambda: compute(1)) == 10
    assert cached("x", (2,), lambda: compute(2)) == 20
    assert cached("x", (3,), lambda: compute(3)) == 30  # bound 2: key 1 goes
    assert cached("x", (1,), lambda: compute(1)) == 10
    assert calls == [1, 2, 3, 1]


def test_cached_waits_for_a_running_value_instead_of_computing_it(session):
    running, release = threading.Event(), threading.Event()
    where: list[str] = []

    def slow() -> str:
        running.set()
        release.wait(timeout=10)
        where.append(threading.current_thread().name)
        return "grouped"

    future = ahead("groups", ("net",), slow)
    assert running.wait(timeout=10) and not future.done()
    threading.Timer(0.2, release.set).start()
    assert cached("groups", ("net",), lambda: pytest.fail("computed twice")) == "grouped"
    assert len(where) == 1 and where[0].startswith("ahead")  # once, off the script thread
    assert session.cache["groups"][("net",)] == "grouped"  # the future gave way to its value


def test_a_value_still_queued_is_computed_here_rather_than_waited_for(session, busy_worker):
    """Behind other sessions' work, computing it now is faster than waiting in the queue."""
    future = ahead("v", (1,), lambda: pytest.fail("the queued copy ran"))
    assert cached("v", (1,), lambda: 7) == 7
    assert future.cancelled()


def test_a_newer_value_supersedes_an_older_one_still_queued(session, busy_worker):
    old = ahead("v", ("old corrections",), lambda: 1)
    new = ahead("v", ("new corrections",), lambda: 2)
    assert old.cancelled() and not new.cancelled()
    busy_worker.set()
    assert new.result(timeout=10) == 2
    assert cached("v", ("old corrections",), lambda: 3) == 3  # computed again when asked


def test_a_cancelled_or_failed_ahead_is_queued_again(session, busy_worker):
    """Under load a step is cancelled when its page computes it first; the next page's
    `ahead` queues the later steps again instead of keeping a future that can only fail."""
    first = ahead("v", (1,), lambda: 1)
    assert first.cancel()
    again = ahead("v", (1,), lambda: 2)
    assert again is not first
    busy_worker.set()
    assert again.result(timeout=10) == 2


def test_a_failed_ahead_is_logged_and_computed_again_where_it_is_needed(session, caplog):
    def broken() -> int:
        raise RuntimeError("boom")

    ahead("v", (1,), broken).exception(timeout=10)
    with caplog.at_level(logging.WARNING, logger="ui.state"):
        assert cached("v", (1,), lambda: 42) == 42
    assert "background computation failed" in caplog.text
    assert cached("v", (1,), lambda: pytest.fail("computed twice")) == 42


def test_ahead_of_a_value_already_there_starts_nothing(session):
    cached("v", (1,), lambda: 3)
    future = ahead("v", (1,), lambda: pytest.fail("recomputed"))
    assert future.result(timeout=1) == 3


# --- the grouping, queued ahead by the pages ---------------------------------------------------


def _uploaded(n: int = 3000):
    at = new_app(timeout=120)
    at.run()
    data = generate_export(n, seed=5)
    at.file_uploader(key="upload").set_value(("export.zip", data, "application/zip")).run()
    assert not at.exception
    return at


def _titles(s) -> list[str]:
    """Distinct non-empty title texts of the session's network, most common first."""
    texts = title_text(s.network.df)
    return texts[texts.str.strip() != ""].value_counts().index.tolist()


def _value(entry):
    return entry.result(timeout=60) if isinstance(entry, Future) else entry


def _no_grouping(*args, **kwargs):
    raise AssertionError("the clusters page grouped the network while the user waited")


def test_the_clusters_page_finds_the_groups_the_home_page_started(monkeypatch):
    """Issue 16: the first visit of the clusters page must not group the network while the
    user waits; the Home page queues it once an upload is drawn."""
    import ui.derived as derived

    at = _uploaded()
    s = app_state(at)
    assert isinstance(s.cache["grouping"][(s.network.fingerprint, "lexical", None, ())], Future)
    idle()
    monkeypatch.setattr(derived, "cluster_prepared", _no_grouping)
    monkeypatch.setattr(derived, "prepare", _no_grouping)
    at.switch_page("pages/2_Cluster_connections.py").run()
    assert not at.exception, at.exception
    assert "Your groups" in [h.value for h in at.subheader]


def test_what_is_queued_ahead_is_what_the_page_would_compute(monkeypatch):
    """Corrections in force, then an upload (Home never reads titles itself, so the background
    reading is the one every page will use), then another number of groups: the background
    values equal the ones computed inline for the same inputs. A reading without the
    corrections, stored under their key, would pass every other test."""
    import ui.derived as derived
    from core.loader import load_files

    data = generate_export(3000, seed=5)
    texts = title_text(load_files([("export.zip", data)]).df)
    corrections = (Correction(title_key(texts[texts != ""].mode()[0]), "Legal", "Director"),)
    at = new_app(timeout=120)
    at.run()
    app_state(at).corrections = corrections
    at.file_uploader(key="upload").set_value(("export.zip", data, "application/zip")).run()
    assert not at.exception
    s = app_state(at)
    fp, df = s.network.fingerprint, s.network.df
    queued = s.cache["titles"][(fp, corrections)]
    assert isinstance(queued, Future), "the reading was not queued ahead"
    want_titles = derived._read_titles(df, corrections)
    assert queued.result(timeout=60).equals(want_titles)
    assert (want_titles["function"] == "Legal").any()
    prepared = derived._prepare_texts(df, corrections, want_titles)
    for k in (None, 6):
        s.grouping.k = k
        at.switch_page("pages/1_Define_your_ICP.py").run()  # queues for this k
        assert not at.exception
        got = _value(s.cache["grouping"][(fp, "lexical", k, corrections)])
        want = derived.cluster_prepared(prepared, k)
        assert (got.labels == want.labels).all() and got.names == want.names


def test_names_made_before_two_corrections_follow_without_regrouping_the_old_basis(monkeypatch):
    """A renamed group, then two corrections on the ICP page: back on the clusters page, the
    names are carried over from the kept old grouping, and nothing is grouped while waiting."""
    import ui.derived as derived

    at = _uploaded()
    idle()
    at.switch_page("pages/2_Cluster_connections.py").run()
    s = app_state(at)
    s.grouping.names = {0: "My best clients"}
    positions = _titles(s)
    for i in (1, 2):
        s.corrections = tuple(Correction(title_key(t), "Legal") for t in positions[:i])
        at.switch_page("pages/1_Define_your_ICP.py").run()
        assert not at.exception
    idle()
    monkeypatch.setattr(derived, "cluster_prepared", _no_grouping)
    monkeypatch.setattr(derived, "prepare", _no_grouping)
    at.switch_page("pages/2_Cluster_connections.py").run()
    assert not at.exception, at.exception
    assert "My best clients" in s.grouping.names.values()
