"""Pruning simulator (placeholder until its issue lands)."""

import streamlit as st

import ui

ui.page_setup("Pruning simulator", ":material/content_cut:")
st.title("Pruning simulator")
st.info("This page is being built.")
