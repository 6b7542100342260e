"""Benchmark: from `make run` (already installed) to the app's first page, in seconds.

    python -m benchmarks.ui_start [--runs 3] [--via make|python]

Each run starts the app as a user does (`make run PORT=…`, or `python -m ui --port …`) on a free
port with a fresh data folder, and reports two times from the command's start: Streamlit's
health check answering, and the Patients page drawn in Debian's chromium (the app's script run,
the store opened, the engine chosen). The median of --runs is printed with every run's figures.
The serving and browser helpers here are shared with `benchmarks.ui_e2e`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(via: str = "python", **env: str) -> Iterator[tuple[str, float, float]]:
    """The app on a free port with a data folder of its own: (url, start time, health-check time)."""
    data = tempfile.mkdtemp(prefix="clinsum-ui-bench-")
    port = free_port()
    command = (["make", "--no-print-directory", "run", f"PORT={port}"] if via == "make"
               else [sys.executable, "-m", "ui", "--port", str(port)])
    environment = {**os.environ, "CLINSUM_STORE__DATA_DIR": data, **env}
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # its own group: make's child is stopped with it
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if server.poll() is not None:
                raise SystemExit(f"the app exited ({server.returncode}) before it answered")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/_stcore/health", timeout=1).text == "ok":
                    break
            time.sleep(0.02)
        yield url, started, time.perf_counter()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    config = tempfile.mkdtemp(prefix="chromium-config-")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"] if os.geteuid() == 0 else [],
                                    env={**os.environ, "XDG_CONFIG_HOME": config})
        try:
            yield browser
        finally:
            browser.close()
    shutil.rmtree(config, ignore_errors=True)


def first_page(browser, url: str, timeout_ms: int = 120_000) -> object:
    """A new tab on the app, returned once its Patients page is drawn and no run is in progress."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    expect(page.get_by_role("heading", name="Patients", level=1)).to_be_visible(timeout=timeout_ms)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout_ms)
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--via", choices=["make", "python"], default="make")
    args = parser.parse_args()
    health, drawn = [], []
    with chromium() as browser:
        for run in range(args.runs):
            with serving(args.via) as (url, started, answered):
                page = first_page(browser, url)
                health.append(answered - started)
                drawn.append(time.perf_counter() - started)
                page.close()
            print(f"run {run + 1}: health {health[-1]:.2f} s, Patients page drawn {drawn[-1]:.2f} s", flush=True)
    print(f"median of {args.runs} ({'make run' if args.via == 'make' else 'python -m ui'}): "
          f"health {statistics.median(health):.2f} s, Patients page drawn {statistics.median(drawn):.2f} s")


if __name__ == "__main__":
    main()
