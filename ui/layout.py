"""Page chrome shared by every page: config, sidebar status, and safe text helpers."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from core.format import count
from ui import warmup, workshop
from ui.session import bootstrap, icp, network

APP_NAME = "Inbound Network Coach"
#: The browser tab icon, served by the app itself (no remote icon font).
FAVICON = Path(__file__).with_name("favicon.png")

#: Every ASCII punctuation character: CommonMark lets a backslash make any of them literal, so
#: no Markdown, HTML, LaTeX (`$`), directive (`:red[...]`) or entity (`&lt;`) can start.
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
#: Where Streamlit would still make a link or an icon. GFM autolink literals (`www.x`,
#: `http://x`, `a@b.c`) and emoji/icon shortcodes (`:smile:`, `:material/home:`) are found in the
#: text *after* backslash escapes are resolved, so a backslash cannot stop them: an invisible
#: word joiner at these points does (the text reads the same).
_LINK_POINTS = re.compile(r"(?i)(?<=www)(?=\.)|(?<=http)(?=s?:)|(?<=@)(?=[\w.+-])|(?<=:)(?=[\w+-])")
_WORD_JOINER = "\u2060"
_WHITESPACE = re.compile(r"\s+")
#: st.error/info/... without `icon=` take a leading emoji of the body as their icon.
_LEADING_NON_ASCII = re.compile(r"^( ?)(?=[^\x00-\x7f])")


def md_escape(text: str) -> str:
    """User text made inert for any Streamlit call that renders Markdown (st.markdown, st.caption,
    st.error/info/..., st.toast, labels, help): shown exactly as written, on one line, with no
    link, image, emphasis, HTML, LaTeX, colour or icon from an upload.

    Whitespace runs (newlines too) become one space, as the browser would show them anyway; this
    also stops indented code blocks, hard breaks and headings made by a newline.
    """
    text = _WHITESPACE.sub(" ", str(text))
    text = _LINK_POINTS.sub(_WORD_JOINER, _LEADING_NON_ASCII.sub(r"\1" + _WORD_JOINER, text))
    return _MD_SPECIAL.sub(r"\\\1", text)


#: What the theme (.streamlit/config.toml) cannot say. Labels wrap between words instead of
#: being cut with "…" when a column is narrow (a projector at 1280 px, the sidebar open), and a
#: metric value shrinks below the theme's size (2.5rem) only when its box is too narrow for it
#: (`cqi`: a hundredth of the metric's own width). A column holding a metric is at least 8rem
#: wide: a row of five metrics in a narrow column wraps (Streamlit's rows already wrap) rather
#: than shrinking the numbers below the page title. Workshop mode only raises the root size.
FIT_TEXT_CSS = """<style>
[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *, [data-testid="stMain"] button *,
[data-testid="stSidebar"] button *, [data-testid="stPageLink-NavLink"] *, label, label * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  word-break: normal !important; overflow-wrap: normal !important;
}
button[role="tab"] * { white-space: nowrap !important; }
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: min(2.5rem, 30cqi) !important;
}
[data-testid="stColumn"]:has(> [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]
                             > [data-testid="stMetric"]) { min-width: 8rem; }
</style>"""

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
    # The tab icon is a local file: a `:material/...:` page icon makes every browser fetch an
    # SVG from fonts.gstatic.com (a third party learns who uses the app). `icon` stays the
    # page's icon in the navigation (PAGES).
    st.set_page_config(page_title=f"{title} · {APP_NAME}", page_icon=str(FAVICON), layout="wide")
    warmup.start()
    bootstrap()
    # Workshop mode (and, on a first load with ?mode=workshop, the persona's preset) is settled
    # before anything is drawn, so the sidebar and the page read the same ICP on this run.
    workshop.is_on()
    st.html(FIT_TEXT_CSS)
    this_page = next((s for s, label, _ in PAGES if label == title), "app.py")
    workshop.bind_preset_box(this_page)
    with st.sidebar:
        st.markdown(f"**{APP_NAME}**")
        for script, label, page_icon in PAGES:
            st.page_link(script, label=label, icon=page_icon)
        render_source_badge()
        workshop.sidebar()
    if workshop.is_on():
        workshop.tour(this_page)


def render_source_badge() -> None:
    """Which network is loaded and whether an ICP exists: the two facts every page depends on."""
    net = network()
    if net.is_demo:
        st.info(
            f"**Demo network** · {count(len(net.df))} connections of "
            f"{workshop.demo_owner(net)}. Load your own export on the Home page.",
            icon=":material/science:",
        )
    else:
        st.success(
            f"**Your export** · {count(len(net.df))} connections", icon=":material/contacts:"
        )
        st.caption(f"File: {md_escape(net.source_label)}")
    current = icp()
    if current is None:
        st.caption("No ideal customer profile yet: define one on **Define your ICP**.")
    else:
        st.caption(f"ICP: **{md_escape(current.name)}**")
    st.caption("Your data stays in this browser session: nothing is stored or sent anywhere.")
