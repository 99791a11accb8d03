"""Workshop facilitator mode: projector-sized type, demo personas, a guided tour, a reset.

Turned on with the sidebar toggle or by opening the app with ?mode=workshop.

Nothing here remembers what is on screen separately from the session's state: the persona is
read from the demo network in force and the preset from the ICP in force (`ui.state()`), so
the banner, the tour and the widgets cannot disagree with what the pages compute.
"""

from __future__ import annotations

import streamlit as st

from core.demo import PERSONAS, persona_path
from core.icp import PRESETS
from core.loader import Network, load_export
from ui.session import demo_network, icp, network
from ui.state import STATE_KEY, AppState, Upload, state

TOGGLE = "workshop_toggle"
PERSONA = "workshop_persona"
#: Widget keys that outlive an attendee: the facilitator's own controls. Whether workshop mode
#: is on lives in `AppState.workshop` (a widget's own value is dropped on a page switch, so the
#: toggle is fed from it on every run).
FACILITATOR_KEYS = frozenset((TOGGLE, PERSONA))
DEFAULT_PERSONA = "saas"  # the built-in demo network is this persona's

#: The tour: (page script, step title). The words of each step are in `_step_text`.
TOUR = (
    ("pages/1_Define_your_ICP.py", "Define your ICP"),
    ("pages/2_Cluster_connections.py", "See the groups"),
    ("pages/3_Pruning_simulator.py", "Try a plan"),
    ("pages/4_Remove_or_block.py", "Remove, unfollow or block?"),
)

#: Projector type: one root size, growing with the screen (19 px at 1280 wide, 24 px from
#: 1800); every Streamlit size is in rem (the theme in .streamlit/config.toml sets the relative
#: sizes), so text, metrics and headings keep their proportions and the metrics stay the largest
#: text. The page's side margins (5rem, which would grow with the type) give their room back to
#: the content; the sidebar (300 px) widens with the type so its links do not wrap.
PROJECTOR_CSS = """<style>
html { font-size: clamp(18px, calc(6px + 1vw), 24px); }
[data-testid="stMainBlockContainer"] { padding-left: 2rem; padding-right: 2rem; }
section[data-testid="stSidebar"] { width: max(300px, 16rem) !important;
                                   min-width: max(300px, 16rem) !important; }
</style>"""


@st.cache_data(max_entries=4, show_spinner="Loading the persona's network…")
def _committed(key: str) -> Network:
    # The zip `make demo` wrote (core/data/demo_<key>.zip): the generator is not on the run path.
    return load_export(persona_path(key), name=_source_label(key), is_demo=True)


def _source_label(key: str) -> str:
    return f"Demo: {PERSONAS[key]['label']}"


def persona_network(key: str) -> Network:
    """The demo network of a persona (the built-in demo for the default persona)."""
    return demo_network() if key == DEFAULT_PERSONA else _committed(key)


def persona_of(net: Network) -> str | None:
    """Which persona's demo network `net` is; None for a user's own export."""
    if not net.is_demo:
        return None
    return next((k for k in PERSONAS if net.source_label == _source_label(k)), DEFAULT_PERSONA)


def demo_owner(net: Network) -> str:
    """Who the demo network belongs to, for a sentence: "a fictional tech recruiter"."""
    label = PERSONAS[persona_of(net) or DEFAULT_PERSONA]["label"]
    if len(label) > 1 and label[1].islower():  # "Tech recruiter" → "tech recruiter"; keep "B2B"
        label = label[0].lower() + label[1:]
    return f"a fictional {label}"


def applied_preset() -> str | None:
    """The name of the workshop preset the ICP in force is, unchanged; None otherwise."""
    current = icp()
    return next((name for name, preset in PRESETS.items() if preset == current), None)


#: The ICP page's preset box (a selectbox; "—" is no preset).
PRESET_BOX = "preset_pick"


def bind_preset_box(script: str) -> None:
    """On the ICP page, a preset box that has no value yet shows the preset in force.

    Called before the page draws the box: it is new whenever the page is entered or a persona
    switch cleared it, so it never shows "—" while a persona's preset is applied.
    """
    if script == TOUR[0][0] and PRESET_BOX not in st.session_state:
        st.session_state[PRESET_BOX] = applied_preset() or "—"


def is_on() -> bool:
    s = state()
    if s.workshop is None:  # the first run of the session: ?mode=workshop turns it on
        s.workshop = st.query_params.get("mode") == "workshop"
        if s.workshop:
            _preset_for_demo()
    return s.workshop


def _preset_for_demo() -> None:
    """Workshop mode on a demo network with no ICP yet: the persona's preset, as after a reset.

    Why: the first attendee should see what every later one sees after "Reset everything"; a
    rehearsal that starts without an ICP looks different from the live session.
    """
    persona = persona_of(network())
    if persona is not None and icp() is None:
        state().icp = PRESETS[PERSONAS[persona]["preset"]]


def start_attendee(persona: str) -> None:
    """A clean slate for the next attendee on `persona`'s network, with its preset as the ICP.

    The last attendee's work goes: network, ICP, title corrections, group names and tags, picks,
    page drafts, every page widget (searches, answers, sliders) and the URL's scenario. Workshop
    mode and the persona choice stay. The upload box is a new, empty one (the last attendee's
    file is not shown to the next).
    """
    previous = state()
    for key in list(st.session_state.keys()):
        if key not in FACILITATOR_KEYS:
            del st.session_state[key]
    for param in list(st.query_params.keys()):  # a scenario or deep link in the URL is theirs
        if param != "mode":
            del st.query_params[param]
    st.session_state[STATE_KEY] = AppState(
        network=persona_network(persona),
        icp=PRESETS[PERSONAS[persona]["preset"]],
        upload=Upload(box=previous.upload.box + 1),
        workshop=previous.workshop,
    )


def reset_everything() -> None:
    """Button callback: the same persona again (the default one after an upload), all fresh."""
    start_attendee(persona_of(network()) or DEFAULT_PERSONA)


def _on_persona_pick() -> None:
    pick = st.session_state.get(PERSONA)
    if pick is not None and pick != persona_of(network()):
        start_attendee(pick)


def sidebar() -> None:
    """The toggle and, in workshop mode, the persona picker and the reset button."""
    st.session_state[TOGGLE] = is_on()
    st.toggle(
        "Workshop mode",
        key=TOGGLE,
        on_change=_on_toggle,
        help="Bigger type for a projector, demo personas, a guided tour.",
    )
    if not is_on():
        return
    if st.query_params.get("mode") != "workshop":
        _sync_url()  # a page link dropped it: keep it, so a reload stays in workshop mode
    # The picker shows the network in force (empty after an upload), never a stale choice.
    st.session_state[PERSONA] = persona_of(network())
    st.selectbox(
        "Demo persona",
        list(PERSONAS),
        index=None,
        key=PERSONA,
        format_func=lambda k: PERSONAS[k]["label"],
        placeholder="Your own export",
        on_change=_on_persona_pick,
        help="Loads this persona's demo network and its preset; the last attendee's "
        "work is cleared.",
    )
    st.button(
        "Reset everything",
        key="workshop_reset",
        on_click=reset_everything,
        icon=":material/restart_alt:",
        help="The demo network and its preset again, for the next attendee.",
    )


def _on_toggle() -> None:
    state().workshop = bool(st.session_state.get(TOGGLE))
    if state().workshop:
        _preset_for_demo()
    _sync_url()


def _sync_url() -> None:
    if state().workshop:
        st.query_params["mode"] = "workshop"
    elif st.query_params.get("mode") == "workshop":
        del st.query_params["mode"]


def _step_text(script: str) -> str:
    """What to do on a tour page, in terms of what is in force now."""
    if script == TOUR[0][0]:
        preset = applied_preset()
        if preset is not None:
            return (
                f"The preset **{preset}** is applied. Walk the four steps and change what "
                "does not fit; who fits shows on the right."
            )
        if icp() is not None:
            return (
                "Your own ICP is in force. Walk the four steps to check it; who fits shows "
                "on the right."
            )
        return (
            "Choose a workshop preset at the top and press **Use this preset**, then walk "
            "the four steps; who fits shows on the right."
        )
    return {
        TOUR[1][0]: "Find the groups that do not fit; mark one of them prune.",
        TOUR[2][0]: "Turn a rule on, move its slider and watch engaged share, ICP share and "
        "both reach models.",
        TOUR[3][0]: "Answer the four questions of the decision helper for one person you know.",
    }[script]


def tour(script: str) -> None:
    """Projector type and, on tour pages, the step box with a next-step link."""
    st.html(PROJECTOR_CSS)
    scripts = [t[0] for t in TOUR]
    if script == "app.py":
        net = network()
        loaded = (
            f"The demo network of {demo_owner(net)} is loaded."
            if net.is_demo
            else "Your own export is loaded."
        )
        label, text, nxt = "Welcome", f"{loaded} Start the tour:", TOUR[0]
    elif script in scripts:
        i = scripts.index(script)
        label = f"Step {i + 1} of {len(TOUR)}: {TOUR[i][1]}"
        text = _step_text(script)
        nxt = TOUR[i + 1] if i + 1 < len(TOUR) else None
    else:
        return
    with st.container(border=True, key="workshop_tour"):
        st.markdown(f"**{label}** — {text}")
        if nxt is not None:
            st.page_link(nxt[0], label=f"Next: {nxt[1]}", icon=":material/arrow_forward:")
