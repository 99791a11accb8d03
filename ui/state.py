"""The session's one typed state: what the user loaded, decided and picked.

Everything a user loads or decides lives in one `AppState` in this browser session's
`st.session_state` (no disk, no module globals), so two people on one server never see each
other's data, and every page reads the same facts instead of copies another page stashed.
Widget keys are the only other session keys.

Derived values (scores, groups, plans) are not state: they are computed from it by the small
cached functions in `ui/derived.py`, keyed by exactly what they depend on.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from core.loader import Network
from core.titles import Corrections

_log = logging.getLogger(__name__)

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
    #: Which upload box this is: a workshop reset gives the next attendee a new, empty box
    #: (a browser keeps the files shown in a box whose key stays the same).
    box: int = 0

    @property
    def key(self) -> str:
        """The upload box's widget key."""
        return "upload" if self.box == 0 else f"upload_{self.box}"


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

    When `ahead` started the same value: a running computation is waited for; one still queued
    behind other sessions' work is cancelled and `fn()` runs here (faster than waiting); one
    that failed is logged and `fn()` runs here, so an error surfaces on the page that needs it.
    Tolerates a second script thread of the session (Streamlit's fast reruns) doing the same.
    """
    store = state().cache.setdefault(name, OrderedDict())
    value = store.get(key, _MISSING)
    if isinstance(value, Future):
        value = _settled(value)
    if value is _MISSING:
        value = fn()
    _put(store, key, value, bound)
    return value


def ahead(name: str, key: tuple[Hashable, ...], fn: Callable[[], Any], *, bound: int = 2) -> Future:
    """Queue `fn()` on the background worker now, for a later `cached(name, key, ...)` to pick up.

    Why: the first visit of the clusters page groups the whole network (about half a second at
    10k on two cores); started when the previous page has been drawn, the grouping is ready by
    the time the user clicks through. One worker thread per server process: background work
    never takes more than one core from the people clicking. A newer value of `name` supersedes
    an older one still queued (it is cancelled). `fn` must not touch Streamlit or the session
    (it runs off the script thread); it may wait on futures queued before it. The future lives
    in the session's cache under the same bound as the values. Returns the future.
    """
    store = state().cache.setdefault(name, OrderedDict())
    value = store.get(key, _MISSING)
    if isinstance(value, Future):
        if not (value.cancelled() or (value.done() and value.exception() is not None)):
            return value
        value = _MISSING  # cancelled or failed (a step it waited for was cancelled): again
    if value is not _MISSING:
        done: Future = Future()
        done.set_result(value)
        return done
    for older in list(store.values()):
        if isinstance(older, Future):
            older.cancel()  # only a queued one: a running computation finishes
    future = _WORKER.submit(fn)
    _put(store, key, future, bound)
    return future


_MISSING = object()
#: The process's one background worker (its thread starts on the first task; it holds no user
#: data between tasks).
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ahead")


def idle() -> None:
    """Wait until the background worker has done everything queued so far (tests, benches)."""
    _WORKER.submit(lambda: None).result()


def _settled(future: Future) -> Any:
    """The value of an `ahead` future, or `_MISSING` when the caller should compute it."""
    if future.cancel() or future.cancelled():
        return _MISSING
    error = future.exception()  # waits while it runs
    if error is None:
        return future.result()
    if not isinstance(error, CancelledError):  # a step it waited for was superseded: normal
        _log.warning("background computation failed; computing it again", exc_info=error)
    return _MISSING


def _put(store: OrderedDict, key: Hashable, value: Any, bound: int) -> None:
    store[key] = value
    store.move_to_end(key)
    while len(store) > bound:
        store.popitem(last=False)
