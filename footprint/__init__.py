"""Global Footprint domain logic: data, metrics, map layers and UI strings, no Streamlit."""
