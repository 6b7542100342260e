"""Synthetic clinical notes with gold PHI spans, shaped like real records (see README.md)."""
