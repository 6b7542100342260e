"""Benchmark: OCR word accuracy of turned and degraded scans, before and after orientation correction.

A few synthetic typed pages (Faker, seeded; 200 dpi, 13 pt) are turned by 90, 180 and 270
degrees and degraded (noise, blur, a slight skew, a fax's low resolution). Each is read
"before" (one Tesseract pass, as clinsum read scans until the orientation check) and "after"
(ingestion.ocr.ocr_image with the default ocr_low_confidence: OSD and a re-read when the first
reading looks wrong). Accuracy is the share of the page's true words found in the reading.

    python -m benchmarks.ocr_rotation [--pages 3] [--runs 3]

Prints a Markdown table: accuracy and mean confidence (means over the pages), the turn found,
and seconds per page (median of the runs; the readings themselves are deterministic).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 200
SIZE = (1700, 2200)


def page(seed: int) -> tuple[Image.Image, str]:
    import reportlab
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    lines = ["DISCHARGE SUMMARY", f"Patient: {fake.name()}   MRN: {fake.numerify('########')}", *fake.sentences(nb=12)]
    image = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"), 36)
    for index, line in enumerate(lines):
        draw.text((150, 150 + 70 * index), line, font=font, fill=0)
    return image, "\n".join(lines)


def _noise(image: Image.Image, sigma: float = 25, specks: float = 0.01, seed: int = 1) -> Image.Image:
    """Grey noise and salt-and-pepper specks, as a poor scanner or a fax line adds."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float64) + rng.normal(0, sigma, image.size[::-1])
    flip = rng.random(pixels.shape)
    pixels[flip < specks / 2] = 0
    pixels[flip > 1 - specks / 2] = 255
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _fax(image: Image.Image) -> Image.Image:
    """100 dpi, bilevel, back up to 200 dpi: a fax's resolution."""
    low = image.resize((SIZE[0] // 2, SIZE[1] // 2), Image.Resampling.BOX).point(lambda v: 255 if v > 160 else 0)
    return low.resize(SIZE, Image.Resampling.NEAREST)


VARIANTS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "upright": lambda im: im,
    "turned 90": lambda im: im.rotate(90, expand=True),
    "turned 180": lambda im: im.rotate(180, expand=True),
    "turned 270": lambda im: im.rotate(270, expand=True),
    "noise": _noise,
    "blur (2 px)": lambda im: im.filter(ImageFilter.GaussianBlur(2)),
    "skew 3°": lambda im: im.rotate(3, resample=Image.Resampling.BICUBIC, fillcolor=255),
    "fax 100 dpi": _fax,
    "turned 90 + noise": lambda im: _noise(im.rotate(90, expand=True)),
    "turned 180 + skew 2°": lambda im: im.rotate(182, expand=True, resample=Image.Resampling.BICUBIC, fillcolor=255),
    "turned 270 + blur": lambda im: im.rotate(270, expand=True).filter(ImageFilter.GaussianBlur(2)),
}


def accuracy(read: str, truth: str) -> float:
    def words(text: str) -> Counter:
        return Counter(w for w in (re.sub(r"[^\w]", "", t).lower() for t in text.split()) if w)

    truth_words = words(truth)
    return sum((words(read) & truth_words).values()) / sum(truth_words.values())


def before(image: Image.Image):
    """One Tesseract pass, no orientation check: what ocr_image did before it had one."""
    from ingestion.ocr import _read, _tesseract

    with _tesseract(None):
        return _read(image, DPI, "eng", time.monotonic() + 300)


def after(image: Image.Image):
    from ingestion.config import IngestionSettings
    from ingestion.ocr import ocr_image

    return ocr_image(image, DPI, "eng", 300, check_below=IngestionSettings().ocr_low_confidence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = [page(seed) for seed in range(101, 101 + args.pages)]
    rows = []
    for name, make in VARIANTS.items():
        images = [(make(image), truth) for image, truth in pages]
        cells = {}
        for label, read in (("before", before), ("after", after)):
            times, results = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                results = [read(image) for image, _ in images]
                times.append((time.perf_counter() - start) / len(images))
            cells[label] = (
                statistics.mean(accuracy(r.text, truth) for r, (_, truth) in zip(results, images)),
                statistics.mean(r.confidence or 0.0 for r in results),
                statistics.median(times),
                sorted({r.rotation for r in results}),
            )
        rows.append((name, cells))
        print(f"done: {name}", flush=True)
    print(f"\n{args.pages} pages, median of {args.runs} runs, Tesseract eng at {DPI} dpi\n")
    print("| page | accuracy before | accuracy after | confidence before | confidence after | turn found | s/page before | s/page after |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    for name, cells in rows:
        (a0, c0, t0, _), (a1, c1, t1, turns) = cells["before"], cells["after"]
        print(f"| {name} | {a0:.1%} | {a1:.1%} | {c0:.0f} | {c1:.0f} | {', '.join(map(str, turns))} | {t0:.2f} | {t1:.2f} |")


if __name__ == "__main__":
    main()
