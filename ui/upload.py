"""The Home page's "Your data" box: upload an export (or several of its files), or go back to
the demo. A failed upload leaves the network already loaded in place and says why."""

from __future__ import annotations

import streamlit as st

import ui


def render_data_box() -> None:
    """Upload box, its messages, the how-to and the way back to the demo."""
    with st.container(border=True):
        st.subheader("Your data")
        left, right = st.columns([3, 2])
        with left:
            uploads = st.file_uploader(
                "Upload your LinkedIn export: the whole .zip, or Connections.csv (choose "
                "messages.csv, Invitations.csv and Profile.csv with it to measure who you talk to)",
                key=ui.state().upload.key,
                accept_multiple_files=True,
                help="Accepts the export .zip as LinkedIn sends it, or its CSV files (several at "
                "once if your computer unzipped it). Nothing is stored: the files are read "
                "into this browser session only.",
            )
            if uploads:
                before = ui.network()
                with st.spinner("Reading your export…"):
                    error = ui.try_load_upload(
                        "|".join(u.file_id for u in uploads),
                        [(u.name, u.getvalue()) for u in uploads],
                    )
                if ui.network() is not before:
                    st.rerun()  # so the sidebar, drawn before the upload was read, shows it too
                if error:
                    st.error(ui.md_escape(error), icon=":material/error:")  # quotes the file
                    st.caption(
                        "The demo network is still loaded."
                        if before.is_demo
                        else "Your previously loaded network is still in place."
                    )
                else:
                    for warning in ui.network().report.warnings:  # what was chosen or skipped
                        st.warning(ui.md_escape(warning), icon=":material/warning:")
            else:
                ui.forget_upload()
        with right:
            with st.expander("How do I get my LinkedIn export?"):
                st.markdown(
                    "1. On LinkedIn, open **Settings → Data privacy → Get a copy of your data**.\n"
                    "2. Pick **Connections** (add **Messages** to measure who you talk to), or the "
                    "whole archive.\n"
                    "3. LinkedIn emails you a link within minutes (the full archive can take a day).\n"
                    "4. Upload the .zip here as it is, or just `Connections.csv` from inside it."
                )
            if not ui.network().is_demo:
                if st.button("Go back to the demo network", key="use_demo"):
                    ui.load_demo()
                    st.rerun()
