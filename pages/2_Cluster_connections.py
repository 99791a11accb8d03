"""Cluster connections (placeholder until its issue lands)."""

import streamlit as st

import ui

ui.page_setup("Cluster connections", ":material/hub:")
st.title("Cluster connections")
st.info("This page is being built.")
