"""The only place that knows the session's keys: what is loaded, the ICP, cluster tags.

Everything a user loads lives in this browser session's `st.session_state` and nowhere else
(no disk, no module globals), so two people on one server never see each other's data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from core.connections import ExportError, Network, load_export
from core.demo import DEMO_PATH

_NET = "inc.net"
_ICP = "inc.icp"
_TAGS = "inc.cluster_tags"
_NAMES = "inc.cluster_names"
_KV = "inc.kv"
_MEMO = "inc.memo"
_UPLOAD_SEEN = "inc.upload_seen"
_UPLOAD_ERROR = "inc.upload_error"

#: How many derived results (scores, clusterings) one session keeps.
_MEMO_SIZE = 12


@st.cache_data(show_spinner="Loading the demo network…", max_entries=1)
def _demo_network() -> Network:
    # cache_data hands every session its own copy, so no page can change another's demo.
    return load_export(DEMO_PATH, name="Demo network", is_demo=True)


def bootstrap() -> None:
    """Put the demo network in the session when nothing is loaded yet (deep links work)."""
    if _NET not in st.session_state:
        set_network(_demo_network())


def network() -> Network:
    bootstrap()
    return st.session_state[_NET]


def connections():
    return network().df


def set_network(net: Network) -> None:
    """Replace the loaded network; drop everything derived from the previous one (not the ICP)."""
    st.session_state[_NET] = net
    st.session_state[_TAGS] = {}
    st.session_state[_NAMES] = {}
    st.session_state[_KV] = {}
    st.session_state[_MEMO] = {}


def load_demo() -> None:
    set_network(_demo_network())


def try_load_upload(file_id: str, data: bytes, name: str) -> str | None:
    """Load an upload once per file; returns the friendly error, or None when it loaded.

    A failed upload leaves the previous network in place.
    """
    if st.session_state.get(_UPLOAD_SEEN) == file_id:
        return st.session_state.get(_UPLOAD_ERROR)
    st.session_state[_UPLOAD_SEEN] = file_id
    try:
        net = load_export(data, name=name)
    except ExportError as exc:
        st.session_state[_UPLOAD_ERROR] = str(exc)
        return str(exc)
    st.session_state[_UPLOAD_ERROR] = None
    set_network(net)
    return None


def forget_upload() -> None:
    st.session_state.pop(_UPLOAD_SEEN, None)
    st.session_state.pop(_UPLOAD_ERROR, None)


def icp():
    return st.session_state.get(_ICP)


def set_icp(value) -> None:
    st.session_state[_ICP] = value


def cluster_tags() -> dict[int, str]:
    return dict(st.session_state.get(_TAGS, {}))


def set_cluster_tags(tags: dict[int, str]) -> None:
    st.session_state[_TAGS] = {int(k): str(v) for k, v in tags.items()}


def cluster_names() -> dict[int, str]:
    return dict(st.session_state.get(_NAMES, {}))


def set_cluster_names(names: dict[int, str]) -> None:
    st.session_state[_NAMES] = {int(k): str(v) for k, v in names.items()}


def get(key: str, default: Any = None) -> Any:
    return st.session_state.get(_KV, {}).get(key, default)


def put(key: str, value: Any) -> None:
    st.session_state.setdefault(_KV, {})[key] = value


def memo(name: str, fn: Callable[..., Any], *args: Any, **params: Any) -> Any:
    """`fn(network().df, *args, **params)` computed once per session, network and arguments.

    Per-session (not st.cache_data) on purpose: nothing is copied on a rerun, nothing is shared
    between sessions, and page switches do not recompute. Arguments must repr deterministically.
    """
    net = network()
    store: dict = st.session_state.setdefault(_MEMO, {})
    # repr, not hash: an ICP (a dataclass of lists) is a fine argument and reprs deterministically.
    key = (name, net.fingerprint, repr(args), repr(sorted(params.items())))
    if key in store:
        store[key] = store.pop(key)  # mark as recently used
        return store[key]
    value = fn(net.df, *args, **params)
    store[key] = value
    while len(store) > _MEMO_SIZE:
        store.pop(next(iter(store)))
    return value
