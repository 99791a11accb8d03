"""Accessors over the session's one typed state (`ui.state.AppState`): network, ICP, tags.

Everything a user loads lives in this browser session's `st.session_state` and nowhere else
(no disk, no module globals), so two people on one server never see each other's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from core.demo import DEMO_PATH
from core.loader import ExportError, Network, load_export, load_files
from core.titles import Corrections
from ui.state import Upload, state


@st.cache_data(show_spinner="Loading the demo network…", max_entries=1)
def demo_network() -> Network:
    # cache_data hands every session its own copy, so no page can change another's demo.
    return load_export(DEMO_PATH, name="Demo network", is_demo=True)


def bootstrap() -> None:
    """Put the demo network in the session when nothing is loaded yet (deep links work)."""
    state()


def network() -> Network:
    return state().network


def connections():
    return network().df


def set_network(net: Network) -> None:
    """Replace the loaded network; drop everything derived from the previous one (not the ICP)."""
    state().replace_network(net)


def load_demo() -> None:
    set_network(demo_network())


def try_load_upload(file_id: str, files: Sequence[tuple[str, bytes]]) -> str | None:
    """Load an upload once: one file (the zip or Connections.csv) or several chosen together
    (Connections.csv with messages.csv, Invitations.csv, Profile.csv), as (name, bytes).
    `file_id` identifies the selection. Returns the friendly error, or None when it loaded.

    A failed upload leaves the previous network in place.
    """
    upload = state().upload
    if upload.file_id == file_id:
        return upload.error
    upload.file_id = file_id
    try:
        net = load_files(files)
    except ExportError as exc:
        upload.error = str(exc)
        return str(exc)
    upload.error = None
    set_network(net)
    return None


def forget_upload() -> None:
    state().upload = Upload(box=state().upload.box)


def icp():
    return state().icp


def set_icp(value) -> None:
    state().icp = value


def corrections() -> Corrections:
    return state().corrections


def set_corrections(value: Corrections) -> None:
    state().corrections = tuple(value)


def get(key: str, default: Any = None) -> Any:
    """A page-local draft value (read only by the page that wrote it)."""
    return state().pages.get(key, default)


def put(key: str, value: Any) -> None:
    state().pages[key] = value
