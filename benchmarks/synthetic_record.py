"""A large synthetic record for benchmarks: N text-layer PDF pages of clinical prose and tables.

Deterministic (seeded faker, reportlab invariant mode) and cached: the files are written once
per (pages, seed) under benchmarks/out/.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from faker import Faker
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

OUT = Path(__file__).resolve().parent / "out"

TITLES = ["Progress Note", "Discharge Summary", "Radiology Report", "Laboratory Report", "Consultation", "Operative Report"]
FINDINGS = [
    "Blood pressure {a}/{b} mmHg, heart rate {c} bpm, SpO2 {d}% on room air.",
    "Creatinine {e} mg/dL, potassium {f} mmol/L, sodium {g} mmol/L.",
    "Furosemide was increased to {h} mg p.o. b.i.d. and Dr. {name} was consulted.",
    "Chest X-ray showed small bilateral pleural effusions, left greater than right.",
    "The patient denies chest pain, palpitations or syncope; dyspnea is improving.",
    "Plan: 1. Continue metoprolol succinate {h} mg daily. 2. Recheck BMP in {c} days.",
    "Echocardiogram: LVEF {d}%, grade II diastolic dysfunction, moderate mitral regurgitation.",
    "Hemoglobin {e} g/dL, stable; no signs of bleeding.",
]


def _sentence(rng: random.Random, fake: Faker) -> str:
    return rng.choice(FINDINGS).format(
        a=rng.randint(100, 170), b=rng.randint(55, 100), c=rng.randint(55, 110), d=rng.randint(20, 99),
        e=round(rng.uniform(0.6, 12.5), 1), f=round(rng.uniform(3.0, 5.5), 1), g=rng.randint(128, 146),
        h=rng.choice([10, 20, 25, 40, 50, 80]), name=fake.last_name(),
    ) + " " + fake.sentence(nb_words=12)


def write_record(pages: int = 1000, pages_per_doc: int = 25, seed: int = 7) -> list[Path]:
    folder = OUT / f"record-{pages}p-{seed}"
    docs = -(-pages // pages_per_doc)
    paths = [folder / f"doc{i:03d}.pdf" for i in range(docs)]
    if all(p.exists() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    styles = getSampleStyleSheet()
    start = date(2021, 1, 4)
    for i, path in enumerate(paths):
        when = start + timedelta(days=rng.randint(0, 900))
        story = [
            Paragraph(f"{rng.choice(TITLES)}", styles["Title"]),
            Paragraph(f"Patient: {fake.name()}  MRN: {fake.random_number(8, fix_len=True)}  Date of Service: {when:%m/%d/%Y}", styles["Normal"]),
        ]
        for page in range(min(pages_per_doc, pages - i * pages_per_doc)):
            if page:
                story.append(PageBreak())
            story += [Paragraph(" ".join(_sentence(rng, fake) for _ in range(5)), styles["BodyText"]) for _ in range(4)]
            rows = [["Test", "Result", "Units", "Range"]] + [
                [name, f"{rng.uniform(1, 150):.1f}", unit, "—"] for name, unit in
                [("Sodium", "mmol/L"), ("Potassium", "mmol/L"), ("Creatinine", "mg/dL"), ("BNP", "pg/mL")]
            ]
            story.append(Table(rows))
        SimpleDocTemplate(str(path), pagesize=letter, invariant=1).build(story)
    return paths
