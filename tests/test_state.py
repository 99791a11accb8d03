"""The session's cache: `cached` computes once per key; `ahead` starts a value in the background
that `cached` then picks up, and pages start the grouping ahead of the clusters page."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest
import streamlit as st

from core.demo import generate_export
from tests.conftest import app_state, new_app
from ui.state import STATE_KEY, AppState, ahead, cached


@pytest.fixture
def session():
    """A bare-mode session with an empty AppState (no network needed for the cache)."""
    st.session_state[STATE_KEY] = AppState(network=None)
    yield st.session_state[STATE_KEY]
    del st.session_state[STATE_KEY]


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


def test_cached_waits_for_a_value_started_ahead_instead_of_computing_it(session):
    release = threading.Event()
    where: list[str] = []

    def slow() -> str:
        release.wait(timeout=10)
        where.append(threading.current_thread().name)
        return "grouped"

    future = ahead("groups", ("net",), slow)
    assert not future.done()
    release.set()
    assert cached("groups", ("net",), lambda: pytest.fail("computed twice")) == "grouped"
    assert where == ["ahead-groups"]  # computed once, off the script thread
    assert session.cache["groups"][("net",)] == "grouped"  # the future gave way to its value


def test_a_failed_ahead_is_computed_again_where_it_is_needed(session):
    def broken() -> int:
        raise RuntimeError("boom")

    ahead("v", (1,), broken).exception(timeout=10)
    assert cached("v", (1,), lambda: 42) == 42
    assert cached("v", (1,), lambda: pytest.fail("computed twice")) == 42


def test_ahead_of_a_value_already_there_starts_nothing(session):
    cached("v", (1,), lambda: 3)
    future = ahead("v", (1,), lambda: pytest.fail("recomputed"))
    assert future.result(timeout=1) == 3


def test_the_clusters_page_finds_the_groups_the_home_page_started(monkeypatch):
    """Issue 16: the first visit of the clusters page must not group the network while the
    user waits; the Home page starts it once an upload is drawn."""
    import ui.derived as derived

    at = new_app(timeout=120)
    at.run()
    data = generate_export(3000, seed=5)
    at.file_uploader(key="upload").set_value(("export.zip", data, "application/zip")).run()
    assert not at.exception
    s = app_state(at)
    key = (s.network.fingerprint, "lexical", None, ())
    pending = s.cache["grouping"][key]
    if isinstance(pending, Future):
        pending.result(timeout=60)

    def no_grouping(*args, **kwargs):
        raise AssertionError("the clusters page grouped the network again")

    monkeypatch.setattr(derived, "cluster_prepared", no_grouping)
    monkeypatch.setattr(derived, "prepare", no_grouping)
    at.switch_page("pages/2_Cluster_connections.py").run()
    assert not at.exception, at.exception
    assert "Your groups" in [h.value for h in at.subheader]
