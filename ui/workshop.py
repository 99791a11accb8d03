"""Workshop facilitator mode: projector-sized type, demo personas, a scripted tour, a reset.

Turned on with the sidebar toggle or by opening the app with ?mode=workshop.
"""

from __future__ import annotations

import streamlit as st

from core.connections import load_export
from core.demo import PERSONAS, generate_export
from core.icp import PRESETS

_ON = "inc.workshop"
_PERSONA = "inc.persona"

#: The tour: (page script, step title, what to do there).
TOUR = (
    ("pages/1_Define_your_ICP.py", "Define your ICP",
     "Pick the workshop preset, then walk the four steps. Who fits shows on the right."),
    ("pages/2_Cluster_connections.py", "See the groups",
     "Find the groups that do not fit; mark one of them prune."),
    ("pages/3_Pruning_simulator.py", "Try a plan",
     "Move the fit threshold and watch engaged share, ICP share and both reach models."),
    ("pages/4_Remove_or_block.py", "Remove, unfollow or block?",
     "Answer the four questions of the decision helper for one person you know."),
)

_BIG_TYPE = """<style>
html { font-size: 20px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; }
[data-testid="stMetricValue"] { font-size: 2.6rem; }
</style>"""


@st.cache_data(max_entries=4, show_spinner="Preparing the persona's network…")
def persona_network(key: str):
    spec = PERSONAS[key]
    return load_export(generate_export(persona=key), name=f"Demo: {spec['label']}", is_demo=True)


def is_on() -> bool:
    if _ON not in st.session_state:
        st.session_state[_ON] = st.query_params.get("mode") == "workshop"
    return bool(st.session_state[_ON])


def use_persona(key: str) -> None:
    from ui.session import set_icp, set_network

    st.session_state[_PERSONA] = key
    set_network(persona_network(key))
    set_icp(PRESETS[PERSONAS[key]["preset"]])


def reset_everything() -> None:
    """For the next attendee: every trace of the last one goes, the demo comes back."""
    keep_on = st.session_state.get(_ON, False)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[_ON] = keep_on
    use_persona("saas")


def sidebar() -> None:
    on = st.toggle("Workshop mode", value=is_on(), key="workshop_toggle",
                   help="Bigger type for a projector, demo personas, a guided tour.")
    st.session_state[_ON] = on
    if not on:
        return
    keys = list(PERSONAS)
    current = st.session_state.get(_PERSONA, "saas")
    pick = st.selectbox("Demo persona", keys, index=keys.index(current),
                        format_func=lambda k: PERSONAS[k]["label"], key="workshop_persona")
    if pick != current:
        use_persona(pick)
        st.rerun()
    st.button("Reset everything", key="workshop_reset", on_click=reset_everything,
              icon=":material/restart_alt:", help="Back to the demo and defaults for the "
              "next attendee.")


def tour(script: str) -> None:
    """Big type and, on tour pages, the step box with a next-step button."""
    st.html(_BIG_TYPE)
    scripts = [t[0] for t in TOUR]
    if script == "app.py":
        step, title, text = 0, "Welcome", "A demo network is loaded. Start the tour:"
        nxt = TOUR[0]
    elif script in scripts:
        i = scripts.index(script)
        step, title, text = i + 1, TOUR[i][1], TOUR[i][2]
        nxt = TOUR[i + 1] if i + 1 < len(TOUR) else None
    else:
        return
    with st.container(border=True):
        label = f"Step {step} of {len(TOUR)}: {title}" if step else title
        st.markdown(f"**{label}** — {text}")
        if nxt is not None:
            st.page_link(nxt[0], label=f"Next: {nxt[1]}", icon=":material/arrow_forward:")
