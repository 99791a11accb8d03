"""Page chrome shared by every page: config, sidebar status, and safe text helpers."""

from __future__ import annotations

import re

import streamlit as st

from core.format import count
from ui import warmup, workshop
from ui.session import bootstrap, icp, network

APP_NAME = "Inbound Network Coach"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")


def md_escape(text: str) -> str:
    """User text made inert inside st.markdown: no links, emphasis, HTML or LaTeX from an upload."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


#: The app's pages in order: (script, label, icon). One home for the navigation.
PAGES = (
    ("app.py", "Home", ":material/home:"),
    ("pages/1_Define_your_ICP.py", "Define your ICP", ":material/target:"),
    ("pages/2_Cluster_connections.py", "Cluster connections", ":material/hub:"),
    ("pages/3_Pruning_simulator.py", "Pruning simulator", ":material/content_cut:"),
    ("pages/4_Remove_or_block.py", "Remove or block?", ":material/help:"),
)


def page_setup(title: str, icon: str) -> None:
    """First call on every page: page config, the demo network if nothing is loaded, the sidebar."""
    st.set_page_config(page_title=f"{title} · {APP_NAME}", page_icon=icon, layout="wide")
    warmup.start()
    bootstrap()
    with st.sidebar:
        st.markdown(f"**{APP_NAME}**")
        for script, label, page_icon in PAGES:
            st.page_link(script, label=label, icon=page_icon)
        render_source_badge()
        workshop.sidebar()
    if workshop.is_on():
        script = next((s for s, label, _ in PAGES if label == title), "app.py")
        workshop.tour(script)


def render_source_badge() -> None:
    """Which network is loaded and whether an ICP exists: the two facts every page depends on."""
    net = network()
    if net.is_demo:
        st.info(f"**Demo network** · {count(len(net.df))} connections of a fictional founder. "
                "Load your own export on the Home page.", icon=":material/science:")
    else:
        st.success(f"**Your export** · {count(len(net.df))} connections",
                   icon=":material/contacts:")
        st.caption(f"File: {md_escape(net.source_label)}")
    current = icp()
    if current is None:
        st.caption("No ideal customer profile yet: define one on **Define your ICP**.")
    else:
        st.caption(f"ICP: **{md_escape(current.name)}**")
    st.caption("Your data stays in this browser session: nothing is stored or sent anywhere.")
