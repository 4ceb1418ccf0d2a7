"""Baseline for first loads: a trivial Streamlit page (a title and one card), the least any
Streamlit page costs a new visitor."""

import streamlit as st

st.title("Global Footprint")
st.metric("Cities", "1")
