"""app: the pipeline's owner. It holds the settings, calls ingestion and engine, and serves the CLI."""
