"""Define your ICP (placeholder until its issue lands)."""

import streamlit as st

import ui

ui.page_setup("Define your ICP", ":material/target:")
st.title("Define your ICP")
st.info("This page is being built.")
