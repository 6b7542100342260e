"""`python -m ui [--port N] [--host H]`: the browser app, served headless with clinsum's Streamlit options.

One place owns the options, so `make run`, the browser tests and the benchmarks serve the same app.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def streamlit_args(host: str, port: int, max_upload_mb: int) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless=true", f"--server.address={host}", f"--server.port={port}",
        f"--server.maxUploadSize={max_upload_mb}",
        "--browser.gatherUsageStats=false",
        # No exception text or traceback in the page: messages may name a file, and PHI never shows by accident.
        "--client.showErrorDetails=none",
        "--client.toolbarMode=minimal",
        "--server.fileWatcherType=none",
        "--global.developmentMode=false",
        # Streamlit's captions are 60 % of the text colour: from black they pass WCAG AA contrast (4.5:1).
        "--theme.base=light", "--theme.textColor=#111111",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m ui", description="Serve the clinsum browser app.")
    parser.add_argument("--host", default=os.environ.get("CLINSUM_UI_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLINSUM_UI_PORT", "8501")))
    args = parser.parse_args()
    from app.settings import Settings

    limit = Settings().ingestion.max_file_bytes
    print(f"clinsum: open http://{args.host}:{args.port} in your browser (Ctrl-C stops it)", flush=True)
    command = streamlit_args(args.host, args.port, max(1, -(-limit // (1024 * 1024))))
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
