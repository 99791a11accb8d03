"""The session's one typed state: what the user loaded, decided and picked.

Everything a user loads or decides lives in one `AppState` in this browser session's
`st.session_state` (no disk, no module globals), so two people on one server never see each
other's data, and every page reads the same facts instead of copies another page stashed.
Widget keys are the only other session keys.

Derived values (scores, groups, plans) are not state: they are computed from it by the small
cached functions in `ui/derived.py`, keyed by exactly what they depend on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from core.loader import Network
from core.titles import Corrections

#: The one session key that holds the state (tests read it through `tests.conftest.app_state`).
STATE_KEY = "app"


@dataclass
class GroupingState:
    """The user's choices and work on the clusters page.

    `names` and `tags` are keyed by group id of the grouping currently shown; when the grouping
    changes, `core.clustering.carry_over` maps them to the new groups by overlap.
    """

    method: str = "lexical"
    k: int | None = None  # None: the automatic number of groups
    names: dict[int, str] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)
    # The grouping `names` and `tags` refer to: (fingerprint, method, k, corrections); and what
    # the last carry-over moved, in plain words (the clusters page shows it once, then clears).
    basis: tuple = ()
    moved: tuple[str, ...] = ()


@dataclass
class Picks:
    """People the user singled out by hand on the simulator page (row positions)."""

    protect: frozenset[int] = frozenset()
    remove: frozenset[int] = frozenset()
    engages: frozenset[int] = frozenset()


@dataclass
class Upload:
    """The last upload seen, so a rerun does not parse the same file twice."""

    file_id: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class AppState:
    """One session: the network, the ICP, the user's title corrections, groups and picks.

    `pages` holds page-local drafts (the ICP wizard's answers, the step shown) that no other page
    reads. `cache` is the per-session store behind `cached`.
    """

    network: Network
    icp: Any = None  # core.icp.ICP | None
    corrections: Corrections = ()
    grouping: GroupingState = field(default_factory=GroupingState)
    picks: Picks = field(default_factory=Picks)
    upload: Upload = field(default_factory=Upload)
    pages: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, OrderedDict] = field(default_factory=dict)
    #: Workshop mode: the facilitator's setting, kept when the next attendee gets a fresh state
    #: (`ui.workshop.start_attendee` carries it over). None until the first run reads the URL.
    workshop: bool | None = None

    def replace_network(self, net: Network) -> None:
        """A new network: forget everything derived from the old one (not the ICP or corrections,
        which are criteria, not data)."""
        self.network = net
        self.grouping = GroupingState(method=self.grouping.method)
        self.picks = Picks()
        self.pages = {}
        self.cache = {}


def state() -> AppState:
    """The session's state (the demo network is loaded on first use, so deep links work)."""
    if STATE_KEY not in st.session_state:
        from ui.session import demo_network  # late: session imports this module

        st.session_state[STATE_KEY] = AppState(network=demo_network())
    return st.session_state[STATE_KEY]


def cached(name: str, key: tuple[Hashable, ...], fn: Callable[[], Any], *, bound: int = 2) -> Any:
    """`fn()` computed once per session for each `key`, keeping the `bound` latest per `name`.

    Per session on purpose (not st.cache_data): uploads never enter a cross-session cache,
    nothing is copied on a rerun, and page switches do not recompute. `key` must hold everything
    the result depends on (the network fingerprint, the ICP, the corrections, ...); `fn` takes no
    arguments so it cannot read anything the key does not name by accident of its arguments.
    When `ahead` started the same value in the background, this waits for it instead; if that
    failed, `fn()` runs here, so an error surfaces on the page that needs the value.
    """
    store = state().cache.setdefault(name, OrderedDict())
    if key in store:
        store.move_to_end(key)
        value = store[key]
        if not isinstance(value, Future):
            return value
        if value.exception() is None:
            store[key] = value.result()
            return store[key]
        del store[key]
    value = fn()
    _put(store, key, value, bound)
    return value


def ahead(name: str, key: tuple[Hashable, ...], fn: Callable[[], Any], *, bound: int = 2) -> Future:
    """Start `fn()` in a background thread now, for a later `cached(name, key, ...)` to pick up.

    Why: the first visit of the clusters page groups the whole network (about half a second at
    10k on two cores); started when the previous page has been drawn, the grouping is ready by
    the time the user clicks through. `fn` must not touch Streamlit or the session (it runs
    outside the script thread); it may wait on other `ahead` futures. The session's cache holds
    the future, so nothing outlives the session. Returns the future (the value when it is there).
    """
    store = state().cache.setdefault(name, OrderedDict())
    if key in store:
        value = store[key]
        if isinstance(value, Future):
            return value
        done: Future = Future()
        done.set_result(value)
        return done
    future: Future = Future()
    _put(store, key, future, bound)
    threading.Thread(target=_fulfil, args=(future, fn), name=f"ahead-{name}", daemon=True).start()
    return future


def _fulfil(future: Future, fn: Callable[[], Any]) -> None:
    try:
        future.set_result(fn())
    except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the value
        future.set_exception(exc)


def _put(store: OrderedDict, key: Hashable, value: Any, bound: int) -> None:
    store[key] = value
    while len(store) > bound:
        store.popitem(last=False)
