"""The Streamlit UI (upload, summary with citation chips, source panel) lands with the summary issue."""
