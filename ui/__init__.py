"""Streamlit glue every page shares: page setup, session state access, small render helpers.

Pages call these instead of touching `st.session_state` themselves (see ui/session.py).
"""

from ui.layout import PAGES, md_escape, page_setup, render_source_badge
from ui.session import (
    bootstrap,
    connections,
    corrections,
    forget_upload,
    get,
    icp,
    load_demo,
    network,
    put,
    set_corrections,
    set_icp,
    set_network,
    try_load_upload,
)
from ui.state import state

__all__ = [
    "PAGES",
    "bootstrap",
    "corrections",
    "set_corrections",
    "state",
    "connections",
    "forget_upload",
    "get",
    "icp",
    "load_demo",
    "md_escape",
    "network",
    "page_setup",
    "put",
    "render_source_badge",
    "set_icp",
    "set_network",
    "try_load_upload",
]
