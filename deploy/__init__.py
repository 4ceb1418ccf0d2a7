"""Serving many visitors: Streamlit replicas behind HAProxy (`make serve`), and container files."""
