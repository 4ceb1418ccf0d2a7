"""Streamlit glue shared by app.py and the pages: cached data, shared filters, small widgets.

The domain logic lives in `footprint/` (no Streamlit there); this package only connects it to
Streamlit's caching, widgets and URL.
"""
