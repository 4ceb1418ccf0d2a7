"""Browser tests: headless Chromium drives `streamlit run app.py`, with no outside network.

Run them alone with `.venv/bin/python -m pytest tests/browser -q` (or `-m browser`); they also
run in `make test`. Screenshots of every page are written to tests/artifacts/.
"""
