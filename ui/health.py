"""Waiting for a served app to answer Streamlit's health check: for the browser tests and benchmarks."""

from __future__ import annotations

import subprocess
import time

import httpx


def wait_healthy(url: str, server: subprocess.Popen, timeout_s: float = 60) -> None:
    """Return once `url`/_stcore/health answers "ok"; RuntimeError if the server exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with status {server.returncode} before it answered its health check")
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=1).text == "ok":
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the app did not answer its health check within {timeout_s:g} s")
