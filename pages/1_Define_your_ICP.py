"""Define your ICP: a four-step wizard with a live preview of who in your network fits."""

import streamlit as st

import ui
from core.icp import PRESETS
from core.icp import file_name as icp_file_name
from ui import derived
from ui import icp_page as w

ui.page_setup("Define your ICP", ":material/target:")
net = ui.network()
draft = w.draft()

st.title("Define your ICP")
st.markdown(
    "Before removing anyone, decide who you want in your network and why. Four short "
    "steps; every answer updates the preview on the right at once."
)

top_left, top_mid, top_right = st.columns([2, 2, 1])
with top_left:
    preset = st.selectbox(
        "Start from a workshop preset",
        ["—"] + list(PRESETS),
        key=w.PRESET_KEY,
        help="Fills every step; you can change anything afterwards.",
    )
    st.button(
        "Use this preset",
        key="use_preset",
        disabled=preset == "—",
        on_click=w.apply_preset,
        args=(preset,),
    )
    if w.replaced() is not None:
        st.warning(
            f"The preset replaced your own ICP “{ui.md_escape(w.replaced().name)}”.",
            icon=":material/undo:",
        )
        st.button("Undo: bring mine back", key="icp_undo", on_click=w.undo_preset)
with top_mid:
    loaded = st.file_uploader(
        "Or load a saved ICP (.json)",
        type=["json"],
        key=w.FILE_KEY,
        on_change=w.on_file,
        max_upload_size=1,
    )  # a few hundred bytes
    if loaded is not None and (error := w.load_error()):
        st.error(f"That file is not a usable ICP: {ui.md_escape(error)}", icon=":material/error:")
with top_right:
    st.download_button(
        "Save ICP (.json)",
        draft.to_json(ui.corrections()),
        file_name=icp_file_name(draft),
        mime="application/json",
        key="icp_download",
        disabled=draft.is_empty(),
        icon=":material/download:",
        help="Your criteria and title corrections: no names, no connections.",
    )
    st.button("Start over", key="icp_clear", on_click=w.clear)

step = w.step()
st.progress((step + 1) / len(w.STEPS), text=f"Step {step + 1} of {len(w.STEPS)}: {w.STEPS[step]}")

form, preview = st.columns([1, 1], gap="large")
with form:
    if step == 0:
        w.render_who(net.profile)
    elif step == 1:
        w.render_where(net.profile, draft)
    elif step == 2:
        w.render_signals(draft)
    else:
        w.render_review(draft)

    back, nxt, _ = st.columns([1.3, 1.3, 2])
    back.button(
        "Back",
        key="icp_back",
        on_click=w.go,
        args=(-1,),
        disabled=step == 0,
        icon=":material/arrow_back:",
    )
    nxt.button(
        "Next",
        key="icp_next",
        on_click=w.go,
        args=(1,),
        type="primary",
        disabled=step == len(w.STEPS) - 1,
        icon=":material/arrow_forward:",
    )

with preview:
    st.subheader("Live preview")
    w.render_preview(draft)
w.render_people(draft)

# Last, once the page is drawn: group the network in the background for the clusters page.
derived.group_ahead()
