"""One page a file, each run by Streamlit as a script (see ui/app.py)."""
