"""Remove or block? (placeholder until its issue lands)."""

import streamlit as st

import ui

ui.page_setup("Remove or block?", ":material/help:")
st.title("Remove or block?")
st.info("This page is being built.")
