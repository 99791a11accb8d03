"""Pruning simulator: try a plan on your own network and see what it does, assumptions shown.

The rules, results and people list are one fragment: a rule change reruns only that part, not
the page around it (title, link notes, reach-model inputs); of the charts and the people list,
only the open tab is drawn.
"""

import streamlit as st

import ui
from ui import simulator_page as sp

ui.page_setup("Pruning simulator", ":material/content_cut:")
sp.seed_widgets()  # URL values parsed and clamped before any widget exists
sp.open_link()  # the ICP and prune marks a shared link carries, once per session

st.title("Pruning simulator")
st.markdown(
    "Try a pruning plan before touching a single connection. Every number below comes "
    "from your data or from an assumption you can see and change."
)
sp.render_link_notes()


@st.fragment
def plan() -> None:
    result = sp.current_result()
    sp.render_headline(result)
    rules_col, main = st.columns([1, 3], gap="large")
    with rules_col:
        sp.render_controls(result)
    with main:
        sp.render_plan(result)
        sp.render_views(result, sp.table())
        sp.render_assumptions(result)
    sp.sync_url(result.scenario)


plan()
with st.expander("Reach models: change any value", icon=":material/tune:"):
    st.markdown(
        "**Model A — per-viewer ranking** (what LinkedIn's engineering posts "
        "describe) and **model B — test-and-expand** (the seed article's "
        "hypothesis; LinkedIn documents no test audience)."
    )
    sp.render_model_inputs()
st.caption(sp.LINK_CARRIES)
