"""The clinician's path in a real browser: upload → summary → cited source on its page → question → export.

The app is served as `make run` serves it (`python -m ui`), headless on a free port, and driven
through Debian's chromium by Playwright (never `playwright install`: no download). axe-core checks
every page; serious and critical violations fail. Screenshots go to the test's folder, and to
$CLINSUM_SCREENSHOTS when set (the README's picture comes from there).
"""

from __future__ import annotations

import base64
import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from tests.conftest import ROOT, SAMPLES
from ui.health import wait_healthy

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (apt-get install chromium); CI installs it")
from playwright import sync_api as playwright_api  # noqa: E402  (a test extra, always installed)

expect = playwright_api.expect


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on 127.0.0.1:<free port>, with a data folder of its own."""
    data = tmp_path_factory.mktemp("browser-data")
    port = _free_port()
    env = {**os.environ, "CLINSUM_STORE__DATA_DIR": str(data), "CLINSUM_UI_PORT": str(port)}
    log = (data / "server.log").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "ui"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_healthy(url, server)
        except RuntimeError as problem:
            pytest.fail(f"{problem}\n{(data / 'server.log').read_text()}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    config = tempfile.mkdtemp(prefix="chromium-config-")
    # An AppTest earlier in this process may have pointed TMPDIR deep into pytest's folders
    # (app.private.private_tmp): Chromium's profile, made there by Playwright's driver, would then have
    # a singleton socket path longer than a Unix socket allows, and Chromium aborts at launch.
    short = tempfile.mkdtemp(prefix="pw-", dir="/tmp")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TMPDIR", short)  # before the driver starts: it reads TMPDIR once
        with playwright_api.sync_playwright() as p:
            launched = p.chromium.launch(executable_path=str(CHROMIUM),
                                         args=["--no-sandbox"] if os.geteuid() == 0 else [],
                                         env={**os.environ, "XDG_CONFIG_HOME": config})
            yield launched
            launched.close()
    shutil.rmtree(config, ignore_errors=True)
    shutil.rmtree(short, ignore_errors=True)


class Shots:
    def __init__(self, folder: Path):
        self.folder = folder
        self.extra = Path(os.environ["CLINSUM_SCREENSHOTS"]) if os.environ.get("CLINSUM_SCREENSHOTS") else None

    def take(self, page, name: str) -> None:
        page.mouse.move(0, 0)  # no tooltip over the picture
        expect(page.get_by_role("tooltip")).to_have_count(0)
        page.screenshot(path=self.folder / f"{name}.png", full_page=True)
        if self.extra:
            self.extra.mkdir(parents=True, exist_ok=True)
            shutil.copy(self.folder / f"{name}.png", self.extra / f"{name}.png")


def _settled(page) -> None:
    """No run in progress, no error shown."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _accessible(page, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    # Streamlit greys what a rerun has not redrawn yet (data-stale): check the page once it is drawn.
    expect(page.locator("[data-stale=true]")).to_have_count(0, timeout=60_000)

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(f"{v['id']} ({v['impact']}): " + ", ".join(
        f"{n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"][:3]) for v in bad)


def _go(page, title: str) -> None:
    """Follow the app's own navigation (a fresh page.goto would start a new session)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible(timeout=60_000)
    _settled(page)


def _word_boxes(textpage, word: str, scale: float, height_pt: float) -> list[tuple[float, float, float, float]]:
    """Every place `word` is on the page, as pixel boxes (left, top, right, bottom) of the shown image."""
    found, searcher = [], textpage.search(word, match_case=True)
    while (hit := searcher.get_next()) is not None:
        for i in range(textpage.count_rects(*hit)):
            left, bottom, right, top = textpage.get_rect(i)
            found.append((left * scale, (height_pt - top) * scale, right * scale, (height_pt - bottom) * scale))
    return found


def _yellow(picture: Image.Image) -> Image.Image:
    """A mask of the page's yellowish pixels: red and green well above blue (highlighter over paper or ink)."""
    red, green, blue = (band.point(lambda v: v) for band in picture.split())
    warm = ImageChops.subtract(ImageChops.darker(red, green), blue)
    return warm.point(lambda v: 255 if v > 60 else 0)


def _highlight_inside(shown: bytes, pdf_path: Path, page_number: int, passage: str) -> None:
    """The pixels the app changed on the page image lie on the passage, located here with pdfium, independently:
    its first and its last word are highlighted, and nothing above the first or below the last is."""
    image = Image.open(io.BytesIO(shown)).convert("RGB")
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        pdf_page = pdf[page_number - 1]
        width_pt, height_pt = pdf_page.get_size()
        scale = image.width / width_pt
        plain = pdf_page.render(scale=scale).to_pil().convert("RGB").resize(image.size)
        textpage = pdf_page.get_textpage()
        assert " ".join(passage.split()[:4]) in " ".join(textpage.get_text_range().split()), \
            "the passage shown is not on the cited page"
        words = re.findall(r"\w[\w/.%-]*\w|\w", passage)
        firsts = _word_boxes(textpage, words[0], scale, height_pt)
        lasts = _word_boxes(textpage, words[-1], scale, height_pt)
    finally:
        pdf.close()
    changed = ImageChops.subtract(_yellow(image), _yellow(plain))  # highlighter ink the page itself does not have
    assert changed.getbbox() is not None, "nothing is highlighted on the page image"

    def covered(box) -> float:
        crop = changed.crop(tuple(round(v) for v in box))
        return ImageStat.Stat(crop).mean[0] / 255 if crop.width and crop.height else 0.0

    first = [b for b in firsts if covered(b) > 0.5]
    last = [b for b in lasts if covered(b) > 0.5]
    where = f"passage {passage[:60]!r}, changed {changed.getbbox()}, first word at {firsts[:4]}, last at {lasts[:4]}"
    assert first and last, f"the passage's first or last word is not highlighted: {where}"
    top, bottom = min(b[1] for b in first) - 8, max(b[3] for b in last) + 8
    _, y0, _, y1 = changed.getbbox()
    assert top <= y0 and y1 <= bottom, f"the highlight spills off the passage's lines: {where}"


def test_upload_summary_source_question_export(served: str, browser, tmp_path: Path) -> None:
    shots = Shots(tmp_path)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(served)
    expect(page.get_by_role("heading", name="Patients", level=1)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("No language model is configured")).to_be_visible()
    _settled(page)
    _accessible(page, "Patients")

    _go(page, "Upload")
    page.get_by_label("New patient label").fill("ward 4 bed 12")
    page.locator("input[type=file]").set_input_files([str(p) for p in SAMPLES])
    add = page.get_by_role("button", name="Add to record")
    expect(add).to_be_enabled(timeout=60_000)
    _settled(page)
    add.click()
    expect(page.get_by_role("link", name="Go to the summary")).to_be_visible(timeout=240_000)
    _settled(page)
    expect(page.get_by_text("identifiers replaced")).to_have_count(len(SAMPLES))  # each file added, with its PHI counts
    _accessible(page, "Upload")
    shots.take(page, "upload")

    _go(page, "Record")
    expect(page.get_by_text("What the model sees")).to_be_visible()
    _accessible(page, "Record")

    _go(page, "Summary")
    page.get_by_role("button", name="Generate summary").click()
    chips = page.get_by_role("button", name="[1]", exact=True)
    expect(chips).to_be_visible(timeout=240_000)
    _settled(page)
    _accessible(page, "Summary")
    # A chip whose source is a PDF: the panel shows the passage and the page image.
    panel = page.locator(".st-key-source-panel")
    pdf_names = {p.name for p in SAMPLES if p.suffix == ".pdf"}
    n = 1
    while True:
        page.get_by_role("button", name=f"[{n}]", exact=True).first.click()
        expect(panel).to_contain_text(f"Source [{n}]", timeout=60_000)  # the rerun has drawn this chip's source
        _settled(page)
        heading = panel.locator("p").filter(has_text=re.compile(rf"^Source \[{n}\] · ")).inner_text()  # "Source [n] · <file>"
        if any(heading.endswith(name) for name in pdf_names):  # a PDF's source has its page image
            break
        n += 1
        assert page.get_by_role("button", name=f"[{n}]", exact=True).count(), "no citation opens a PDF page"
    expect(panel).to_be_in_viewport()  # beside the chip clicked, however far down the summary it is
    # The image with this chip's caption (Streamlit shows the previous chip's elements until the
    # run replaces them), once the browser has decoded it.
    expect(panel.get_by_test_id("stImage")).to_contain_text(f"source [{n}] highlighted", timeout=60_000)
    image = panel.locator("img").first
    expect(image).to_be_visible()
    page.wait_for_function("e => e.complete && e.naturalWidth > 0", arg=image.element_handle())
    passage = panel.locator("mark").inner_text()  # drawn before the image: this chip's too
    assert passage.strip()
    # The pixels the browser decoded, at the image's own size (a canvas copy: no second request, no rescaling).
    shown = base64.b64decode(image.evaluate("""e => { const c = document.createElement('canvas');
        c.width = e.naturalWidth; c.height = e.naturalHeight; c.getContext('2d').drawImage(e, 0, 0);
        return c.toDataURL('image/png').split(',')[1]; }"""))
    cited = next(p for p in SAMPLES if heading.endswith(p.name))
    where = panel.get_by_text(re.compile(r" · page \d+ of \d+")).inner_text()  # "<type> · <date> · page 1 of 3 · P151"
    page_number = int(where.split(" · page ")[1].split(" ")[0])
    _highlight_inside(shown, cited, page_number, passage)
    shots.take(page, "summary-source")

    _go(page, "Ask")
    page.get_by_test_id("stChatInputTextArea").fill("What is the ejection fraction?")
    page.get_by_test_id("stChatInputTextArea").press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(1)
    expect(answer.get_by_role("button", name="[1]", exact=True)).to_be_visible(timeout=240_000)
    _settled(page)
    _accessible(page, "Ask")

    _go(page, "History")
    expect(page.get_by_text("Answer:").first).to_be_visible()
    _accessible(page, "History")

    _go(page, "Export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Markdown").click()
    # The click's rerun writes the audit row, then says so: wait for it before the next click or page.
    expect(page.get_by_text("Markdown file exported")).to_be_visible(timeout=60_000)
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## Sources" in text and "[1]" in text
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF").click()
    expect(page.get_by_text("PDF file exported")).to_be_visible(timeout=60_000)
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    _accessible(page, "Export")

    _go(page, "Audit log")  # this session's own steps are in the trail, and leave as CSV
    expect(page.get_by_text("rows, newest first")).to_be_visible()  # the grid draws on a canvas: read the CSV
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    actions = [r["action"] for r in rows]
    assert {"record ingested", "source shown", "summary shown", "summary exported"} <= set(actions)
    assert actions.count("summary exported") == 2  # one row per file taken away (Markdown, PDF)
    # Each click redraws the page: a summary shown again while its sources open is no new view.
    views = [(r["session"], r["detail"]) for r in reversed(rows) if r["action"] == "summary shown"]
    assert all(a != b for a, b in zip(views, views[1:])) and all(session for session, _ in views)
    _accessible(page, "Audit log")
    context.close()
