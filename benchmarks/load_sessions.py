"""Benchmark: concurrent signed-in sessions on one app and two workers, in deployment mode, on loopback.

    python -m benchmarks.load_sessions [--sessions 8] [--minutes 2]

A database of its own on the test PostgreSQL (CLINSUM_TEST_POSTGRES), one care team of N clinicians
made with the CLI, `python -m ui` and two `clinsum worker` processes. One Chromium (Debian's, driven
by Playwright) opens N browser contexts; each signs in and, until the time is up, makes a new
patient, uploads the sample record's two notes, follows the app's link to the summary, generates it and opens its
first source. The workers run the extractive engine: the stub engine cites nothing, so there would
be no source to open. Reported: pages without error, p50/p95 time of each step (click to the page
settled), and the jobs: submitted, done, and none run twice (one attempt, one summary each).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ui.health import wait_healthy

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CLINSUM = str(Path(sys.executable).parent / "clinsum")  # the console script (app.cli has no __main__)
PASSWORD = "synthetic load passphrase"
NOTES = sorted((ROOT / "samples").glob("*_progress_note.*"))  # the bundled synthetic record's two notes (faker)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    done = subprocess.run([CLINSUM, *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise SystemExit(f"clinsum {' '.join(args[:2])} failed: {done.stderr.strip()}")


async def _settled(page, expect) -> None:
    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=240_000)


async def _session(browser, expect, url: str, name: str, note: list[Path], deadline: float,
                   times: dict[str, list[float]], errors: list[str]) -> int:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        return await _rounds(page, expect, url, name, note, deadline, times, errors)
    except BaseException:
        if os.environ.get("CLINSUM_LOAD_SHOTS"):  # where a failing session's last screen goes, to see why
            await page.screenshot(path=f"{os.environ['CLINSUM_LOAD_SHOTS']}/{name}.png", full_page=True)
        raise
    finally:
        await context.close()


async def _rounds(page, expect, url: str, name: str, note: list[Path], deadline: float, times: dict[str, list[float]], errors: list[str]) -> int:
    rounds = 0

    async def step(label: str, action, done) -> None:
        start = time.perf_counter()
        await action()
        await done()
        await _settled(page, expect)
        times[label].append(time.perf_counter() - start)
        if await page.get_by_test_id("stException").count():
            errors.append(f"{name}: an error on the page after {label}")

    await page.goto(url)
    await page.get_by_role("textbox", name="User name").fill(name)
    await page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    await step("sign in", page.get_by_role("button", name="Sign in", exact=True).click,
               lambda: expect(page.get_by_role("heading", name="Patients", level=1)).to_be_visible(timeout=240_000))
    nav = page.get_by_test_id("stSidebarNav")
    while time.monotonic() < deadline:
        rounds += 1
        label = f"load {name} round {rounds}"
        await step("open patients", nav.get_by_role("link", name="Patients").click,
                   lambda: expect(page.get_by_role("heading", name="Patients", level=1)).to_be_visible(timeout=240_000))
        await page.get_by_label("New patient label").fill(label)
        await step("new patient", page.get_by_role("button", name="Create patient").click,
                   lambda: expect(page.get_by_text(f"Patient: {label}")).to_be_visible(timeout=240_000))
        await step("open upload", nav.get_by_role("link", name="Upload").click,
                   lambda: expect(page.get_by_role("heading", name="Upload", level=1)).to_be_visible(timeout=240_000))
        await page.locator("input[type=file]").set_input_files([str(p) for p in note])
        add = page.get_by_role("button", name="Add to record")
        await expect(add).to_be_enabled(timeout=240_000)
        await step("upload", add.click,
                   lambda: expect(page.get_by_role("link", name="Go to the summary")).to_be_visible(timeout=240_000))
        await step("open summary", page.get_by_role("link", name="Go to the summary").click,
                   lambda: expect(page.get_by_role("button", name="Generate summary")).to_be_visible(timeout=240_000))
        chip = page.get_by_role("button", name="[1]", exact=True).first
        await step("generate", page.get_by_role("button", name="Generate summary").click,
                   lambda: expect(chip).to_be_visible(timeout=240_000))
        await step("open source", chip.click,
                   lambda: expect(page.locator(".st-key-source-panel")).to_contain_text("Source [1]", timeout=240_000))
    return rounds


async def _drive(url: str, names: list[str], note: list[Path], minutes: float) -> tuple[dict[str, list[float]], list[str], int]:
    from playwright.async_api import async_playwright, expect

    config = tempfile.mkdtemp(prefix="chromium-config-")
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"] if os.geteuid() == 0 else [],
                                              env={**os.environ, "XDG_CONFIG_HOME": config})
            deadline = time.monotonic() + minutes * 60
            rounds = await asyncio.gather(*(_session(browser, expect, url, n, note, deadline, times, errors) for n in names),
                                          return_exceptions=True)
            await browser.close()
    finally:
        shutil.rmtree(config, ignore_errors=True)
    done = 0
    for name, result in zip(names, rounds):
        if isinstance(result, BaseException):
            errors.append(f"{name}: {type(result).__name__}: {str(result).splitlines()[0][:200]}")
        else:
            done += result
    return times, errors, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    server = os.environ.get("CLINSUM_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    database = f"load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {database}"))
    folder = Path(tempfile.mkdtemp(prefix="clinsum-load-"))
    processes: list[subprocess.Popen] = []
    try:
        from app.store.crypto import new_key

        (folder / "key").write_text(new_key())
        note = NOTES
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLINSUM_") and k != "DATABASE_URL"}
        env.update(CLINSUM_MODE="deployment", CLINSUM_STORE__KEY_FILE=str(folder / "key"), CLINSUM_STORE__DATA_DIR=str(folder / "data"),
                   CLINSUM_STORE__URL=make_url(server).set(database=database).render_as_string(hide_password=False),
                   CLINSUM_ENGINE__BACKEND="extractive", CLINSUM_INGESTION__WORKERS="1", CLINSUM_JOBS__POLL_S="0.2",
                   CLINSUM_UI_PORT=str(port), PYTHONPATH=str(ROOT))
        names = [f"clinician{i}" for i in range(1, args.sessions + 1)]
        _run(env, "teams", "add", "load")
        for name in names:
            _run(env, "users", "add", name, stdin=PASSWORD + "\n")
            _run(env, "teams", "member", "load", name)
        log = (folder / "server.log").open("wb")
        processes.append(subprocess.Popen([sys.executable, "-m", "ui"], cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT))
        for _ in range(args.workers):
            processes.append(subprocess.Popen([CLINSUM, "worker"], cwd=ROOT, env=env,
                                              stdout=log, stderr=subprocess.STDOUT))
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, processes[0])
        times, errors, rounds = asyncio.run(_drive(url, names, note, args.minutes))
        time.sleep(5)  # the last jobs a session left behind finish
        with create_engine(env["CLINSUM_STORE__URL"]).connect() as connection:
            jobs = connection.execute(text("SELECT status, attempts FROM jobs")).all()
            summaries = connection.execute(text("SELECT job_id, count(*) FROM summaries GROUP BY job_id")).all()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\n{args.sessions} signed-in sessions, 1 app, {args.workers} workers, {args.minutes:g} min: {rounds} rounds "
          f"(upload, summary, source), {sum(map(len, times.values()))} page steps, {len(errors)} with an error\n")
    print("| step | n | p50 s | p95 s |\n|---|--:|--:|--:|")
    for label, values in times.items():
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"| {label} | {len(values)} | {statistics.median(values):.2f} | {p95:.2f} |")
    done = sum(1 for status, _ in jobs if status == "done")
    twice = sum(1 for _, attempts in jobs if attempts > 1) + sum(1 for _, count in summaries if count > 1)
    print(f"\njobs submitted {len(jobs)}, done {done}, run twice {twice}")
    for error in errors[:10]:
        print("-", error)


if __name__ == "__main__":
    main()
