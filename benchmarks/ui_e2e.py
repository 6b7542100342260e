"""Benchmark: upload a record in the browser until its summary is shown, extractive engine.

    python -m benchmarks.ui_e2e [--record sample|synthetic] [--pages 1000] [--runs 3]

Each run serves the app (`python -m ui`, fresh data folder) and drives Debian's chromium as a
clinician would: on Upload, name a new patient, choose every file of the record, press "Add to
record" and wait for each file's line; on Summary, press "Generate summary" and wait for the
first citation chip. It reports the upload (ingestion) time, the generate time and their sum.
While the upload runs, a second tab opens the app and the time until its Patients page is
drawn is reported: the app must stay responsive to other users during a long ingestion.
`sample` is the bundled sample record; `synthetic` the 1,000-page record of
`benchmarks.synthetic_record` (text-layer PDFs, 25 pages each).
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path

from benchmarks.ui_start import ROOT, chromium, first_page, serving

TIMEOUT_MS = 900_000


def _files(record: str, pages: int) -> list[Path]:
    if record == "sample":
        return sorted((ROOT / "samples").iterdir())
    from benchmarks.synthetic_record import write_record

    return write_record(pages)


def _second_tab(url: str, out: dict) -> None:
    """Another user opening the app mid-upload (its own browser: Playwright's sync API is per thread)."""
    time.sleep(2)  # the upload is under way
    with chromium() as browser:
        started = time.perf_counter()
        first_page(browser, url, TIMEOUT_MS)
        out["second tab"] = time.perf_counter() - started
        out["upload still running"] = not out.get("uploaded")


def once(browser, url: str, files: list[Path]) -> dict:
    from playwright.sync_api import expect

    page = first_page(browser, url)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Upload").click()
    page.get_by_label("New patient label").fill("bench bed 1")
    page.locator("input[type=file]").set_input_files([str(p) for p in files])
    add = page.get_by_role("button", name="Add to record")
    expect(add).to_be_enabled(timeout=TIMEOUT_MS)  # the browser has sent the files
    figures: dict = {}
    other = threading.Thread(target=_second_tab, args=(url, figures))
    started = time.perf_counter()
    add.click()
    other.start()
    expect(page.get_by_role("link", name="Go to the summary")).to_be_visible(timeout=TIMEOUT_MS)
    figures["upload"] = time.perf_counter() - started
    figures["uploaded"] = True
    expect(page.get_by_text("identifiers replaced")).to_have_count(len(files))
    page.get_by_role("link", name="Go to the summary").click()
    generate = page.get_by_role("button", name="Generate summary")
    expect(generate).to_be_enabled(timeout=TIMEOUT_MS)
    started = time.perf_counter()
    generate.click()
    expect(page.get_by_role("button", name="[1]", exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    figures["generate"] = time.perf_counter() - started
    figures["total"] = figures["upload"] + figures["generate"]
    other.join()
    page.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", choices=["sample", "synthetic"], default="sample")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = _files(args.record, args.pages)
    runs = []
    with chromium() as browser:
        for n in range(args.runs):
            with serving() as (url, _, _):
                runs.append(once(browser, url, files))
            r = runs[-1]
            print(f"run {n + 1}: upload {r['upload']:.2f} s, generate {r['generate']:.2f} s, total {r['total']:.2f} s; "
                  f"second tab drawn in {r['second tab']:.2f} s (upload still running: {r['upload still running']})",
                  flush=True)
    med = {k: statistics.median(r[k] for r in runs) for k in ("upload", "generate", "total", "second tab")}
    print(f"median of {args.runs}, {args.record} record ({len(files)} files): upload {med['upload']:.2f} s, "
          f"generate {med['generate']:.2f} s, upload to summary {med['total']:.2f} s; "
          f"second tab's Patients page {med['second tab']:.2f} s")


if __name__ == "__main__":
    main()
