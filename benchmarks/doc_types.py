"""Benchmark: documents typed, dated and split out of bundles as labelled (tests/data/doctypes).

    python -m benchmarks.doc_types [--split tuned|dev|untouched|all] [--misses]

Each labelled file is written as a PDF (one page per labelled page, ReportLab) and ingested as a
user's upload is; its documents (a bundle's parts) are compared with the labelled parts:
- parts: share of labelled parts whose page range is one ingested document exactly;
- type, date: share of labelled parts typed / dated right (a part not found counts as wrong);
- bundles: share of files holding several documents that were split exactly.
`tuned` (US and NZ hospital styles) and `dev` (British, Irish, Australian, Indian, South African,
Canadian; written later, blind too) are tuned on; `--misses` lists their wrong parts. The
untouched split is scored, never listed.
"""

from __future__ import annotations

import argparse
import tempfile
import textwrap
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from tests.data.doctypes.load import load


def write_pdf(path: Path, pages: list[str]) -> Path:
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    for text in pages:
        canvas.setFont("Courier", 8)  # fixed width keeps the aligned columns aligned
        y = 760
        for line in (piece for row in text.splitlines() for piece in textwrap.wrap(row.replace("\t", "    "), 125) or [""]):
            canvas.drawString(36, y, line)  # long lines wrap as a PDF's prose does
            y -= 10
            if y < 30:
                break
        canvas.showPage()
    canvas.save()
    return path


def score(split: str, misses: bool) -> dict[str, float]:
    from engine import estimate_tokens
    from ingestion import IngestionSettings, ingest

    settings = IngestionSettings(workers=1)
    parts = typed = dated = split_right = bundles = 0
    wrong: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in load(split):
            path = write_pdf(Path(tmp) / f"{row['id']}.pdf", row["pages"])
            record = ingest([path], settings, estimate_tokens)
            found = {(d.pages[0].number, d.pages[-1].number): d for d in record.documents if d.pages}
            exact = True
            for part in row["parts"]:
                parts += 1
                doc = found.get((part["first_page"], part["last_page"]))
                exact &= doc is not None
                ok_type = doc is not None and doc.doc_type.value == part["type"]
                want = date.fromisoformat(part["date"]) if part["date"] else None
                ok_date = doc is not None and doc.date == want
                typed += ok_type
                dated += ok_date
                if not (ok_type and ok_date) and misses:
                    got = "not split out" if doc is None else f"{doc.doc_type.value} {doc.date}"
                    wrong.append(f"{row['id']} pages {part['first_page']}-{part['last_page']}: want {part['type']} {want}, got {got}")
            if len(row["parts"]) > 1:
                bundles += 1
                split_right += exact and len(found) == len(row["parts"])
    for line in wrong:
        print("-", line)
    return {"files": len(load(split)), "parts": parts, "type": typed / parts, "date": dated / parts,
            "bundles": bundles, "bundles split": split_right / bundles if bundles else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["tuned", "dev", "untouched", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the tuned splits' wrong parts")
    args = parser.parse_args()
    print("| split | files | documents | right type | right date | bundles | bundles split exactly |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for split in (["tuned", "dev", "untouched"] if args.split == "all" else [args.split]):
        s = score(split, args.misses and split != "untouched")
        print(f"| {split} | {s['files']} | {s['parts']} | {100 * s['type']:.1f} % | {100 * s['date']:.1f} % "
              f"| {s['bundles']} | {100 * s['bundles split']:.1f} % |")


if __name__ == "__main__":
    main()
