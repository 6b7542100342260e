"""Builds the multi-column reading-order set: one-page PDFs whose column layout is known word by word.

    .venv/bin/python tests/data/columns/make.py     # rewrites tuned.jsonl and untouched.jsonl

Everything is invented: names from Faker (seeded per page), values from a seeded random generator,
prose from the templates in phrases.py. Deterministic: a rerun writes byte-identical files.
render.layout() places every word; its gold units (sentence or table row, column, baseline band)
are stored in the spec as "gold", which is all score.py reads.

  tuned      US discharge summaries, heart-failure leaflets, ward newsletters; 2 or 3 equal columns,
             Helvetica/Times (some Courier), ragged or justified by word spacing (Tw), "-" hyphens.
  untouched  UK consult reports with a narrow sidebar column, case reports with two stacked column
             regions around a full-width table, landscape tri-fold colonoscopy brochures, TIA leaflets;
             more Courier and A4, justification by placing each word separately, soft hyphens (U+00AD),
             gutter rules, footers drawn before the body.
Both parts mix "line_by_line" and "column_by_column" drawing orders and hold single-column controls
(prose only; prose with a small lab table) that a column fix must leave intact.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import phrases as P  # noqa: E402
from render import Overflow, layout  # noqa: E402

PAGES = 30
BASE_DAY = date(2024, 1, 8)  # dates count from a fixed day, never from today
CONTROLS = {6: "prose", 13: "prose_table", 20: "prose", 27: "prose_table"}
LABS = [("Sodium", "mmol/L", 135, 145, 0), ("Potassium", "mmol/L", 3.5, 5.1, 1), ("Chloride", "mmol/L", 98, 107, 0),
        ("Bicarbonate", "mmol/L", 22, 29, 0), ("Urea nitrogen", "mg/dL", 7, 20, 0), ("Creatinine", "mg/dL", 0.6, 1.2, 2),
        ("Glucose", "mg/dL", 70, 99, 0), ("Calcium", "mg/dL", 8.6, 10.2, 1), ("Magnesium", "mg/dL", 1.7, 2.2, 1),
        ("Hemoglobin", "g/dL", 12.0, 16.0, 1), ("Platelets", "x10^9/L", 150, 400, 0), ("WBC", "x10^9/L", 4.0, 11.0, 1)]
MEDS = [("Furosemide", "40 mg", "Oral", "Every morning"), ("Metoprolol succinate", "50 mg", "Oral", "Once daily"),
        ("Apixaban", "5 mg", "Oral", "Twice daily"), ("Atorvastatin", "40 mg", "Oral", "At bedtime"),
        ("Insulin glargine", "18 units", "Subcut", "Every evening"), ("Spironolactone", "25 mg", "Oral", "Once daily"),
        ("Cefuroxime", "500 mg", "Oral", "Twice daily"), ("Pantoprazole", "40 mg", "Oral", "Before breakfast")]


def _ctx(rng: random.Random, fake: Faker, uk: bool) -> dict:
    """Every template field, drawn once per page."""
    male = rng.random() < 0.5
    first = fake.first_name_male() if male else fake.first_name_female()
    last = fake.last_name()

    def day(lo, hi):
        d = BASE_DAY + timedelta(days=rng.randint(lo, hi))
        return d.strftime("%d %b %Y").lstrip("0") if uk else d.strftime("%m/%d/%Y")

    drugs = rng.sample(P.DRUGS, 4)
    abx, abxdose = rng.choice(P.ABX)
    consult, rec = rng.choice(P.CONSULTS)
    dx, tx = rng.choice(P.DX_RARE)
    pmh1, pmh2 = rng.sample(P.PMH, 2)
    sx1, sx2 = rng.sample(P.SX, 2)
    wt = rng.randint(62, 118)
    pct = lambda: rng.randint(61, 97)  # noqa: E731
    return {
        "name": f"{first} {last}", "age": rng.randint(34, 91), "sex": "man" if male else "woman",
        "He": "He" if male else "She", "he": "he" if male else "she", "His": "His" if male else "Her",
        "his": "his" if male else "her", "him": "him" if male else "her",
        "pmh1": pmh1, "pmh2": pmh2, "sx1": sx1, "sx2": sx2, "days": rng.randint(2, 9), "weeks": rng.randint(2, 6),
        "weeks2": rng.randint(1, 4), "gain": rng.randint(2, 6), "dA": drugs[0], "dB": drugs[1], "dC": drugs[2],
        "stopdrug": drugs[3].split(" ")[0], "stopwhy": rng.choice(["symptomatic hypotension", "a fall in eGFR", "hyperkalemia"]),
        "sbp": rng.randint(92, 178), "dbp": rng.randint(52, 76), "hr": rng.randint(58, 124), "spo2": rng.randint(86, 97),
        "na": rng.randint(128, 144), "nalow": rng.randint(121, 129), "k": round(rng.uniform(3.2, 5.6), 1),
        "klow": round(rng.uniform(2.8, 3.3), 1), "cr": round(rng.uniform(1.4, 3.2), 2), "crb": round(rng.uniform(0.8, 1.3), 2),
        "crpk": round(rng.uniform(2.0, 3.9), 1), "cr2": round(rng.uniform(1.0, 1.6), 1), "wbc": round(rng.uniform(4.1, 19.8), 1),
        "hb": round(rng.uniform(8.1, 14.9), 1), "plt": rng.randint(110, 420), "cxr": rng.choice(P.CXR), "ecg": rng.choice(P.ECG),
        "lives": rng.choice(["his wife" if male else "her husband", "a daughter", "a friend", "no one"]),
        "quit": rng.randint(2, 30), "packs": rng.randint(10, 60), "prev_month": rng.choice(["March", "June", "October"]),
        "prev_reason": rng.choice(["a COPD exacerbation", "cellulitis", "a hip fracture"]),
        "prev_comp": rng.choice(["delirium", "a urinary tract infection", "a fall"]),
        "fam": rng.choice(["myocardial infarction", "colon cancer", "stroke"]),
        "relative": rng.choice(["father", "mother", "brother", "sister"]), "fam_age": rng.randint(45, 78),
        "pain": rng.randint(2, 9), "temp": round(rng.uniform(36.4, 39.2), 1), "unit": rng.choice(["medical ward", "step-down unit", "cardiology ward"]),
        "iv": rng.choice(["furosemide 40 mg twice daily", "ceftriaxone 2 g daily", "normal saline at 100 mL/h"]),
        "n2": rng.randint(2, 5), "neg": round(rng.uniform(2.0, 6.5), 1), "wt": wt, "wt2": wt - rng.randint(2, 6),
        "org": rng.choice(P.ORG), "abx": abx, "abxdose": abxdose, "abx_end": day(20, 26), "abx_days": rng.choice([7, 10, 14]),
        "hd": rng.randint(2, 5), "hd2": rng.randint(2, 4), "hd3": rng.randint(3, 6), "ef": rng.choice([20, 25, 30, 35, 40, 55, 60]),
        "echo": rng.choice(["global hypokinesis", "moderate mitral regurgitation", "no significant valve disease"]),
        "glo": rng.randint(88, 130), "ghi": rng.randint(180, 310), "anticoag": rng.choice(["apixaban", "warfarin", "rivaroxaban"]),
        "dr": f"Dr. {fake.last_name()}", "dr2": f"Dr. {fake.last_name()}", "pcp": f"Dr. {fake.last_name()}",
        "consult": consult, "consult_rec": rec, "los": rng.randint(3, 12), "a1c": round(rng.uniform(7.1, 11.4), 1),
        "chads": rng.randint(2, 6), "ferr": rng.randint(4, 22), "furo": rng.choice([40, 60, 80]), "fluid": rng.choice([1.5, 2]),
        "adm": day(0, 10), "dis": day(11, 16), "lab_date": day(18, 22), "fu": day(23, 30),
        "nurse": f"{fake.first_name()} {fake.last_name()}", "phone": fake.numerify("01632 960###" if uk else "(###) 555-01##"),
        "p1": pct(), "p2": pct(), "p3": pct(), "p4": pct(), "p5": rng.randint(11, 40), "p6": pct(), "p7": pct(),
        "ward": rng.randint(2, 12), "nf": rng.randint(30, 140), "golive": day(30, 60), "ext": rng.randint(2000, 7999),
        "ext2": rng.randint(2000, 7999), "jc_date": day(31, 50), "hrs": round(rng.uniform(3.1, 9.8), 1),
        "month": rng.choice(["April", "May", "August", "November"]),
        "reason": rng.choice(["worsening renal function", "hyperkalaemia", "proteinuria"]),
        "ua": rng.choice(["bland sediment", "2+ protein and no blood", "granular casts"]), "upcr": rng.randint(150, 2400),
        "kid": round(rng.uniform(9.2, 11.8), 1), "kid2": round(rng.uniform(9.0, 11.6), 1), "egfr": rng.randint(14, 44),
        "aki_cause": rng.choice(["volume depletion", "ACE inhibitor use during an intercurrent illness", "sepsis"]),
        "holddrug": drugs[1].split(" ")[0], "dx_rare": dx, "rare_tx": tx, "ncases": rng.choice([50, 100, 200]),
        "ct": rng.choice(["mural thickening of the jejunum", "a fat-density lesion with a hyperdense rim", "misty mesentery"]),
        "lipase": rng.randint(20, 90), "crp": rng.randint(18, 190), "proc_date": day(30, 45),
        "proc_time": f"{rng.choice([8, 9, 10, 13, 14])}:{rng.choice(['00', '15', '30', '45'])}",
    }


def _para(rng, bank, ctx, lo, hi) -> dict:
    """A paragraph of lo..hi templates from one bank, in the bank's order."""
    pick = sorted(rng.sample(range(len(bank)), min(len(bank), rng.randint(lo, hi))))
    return {"kind": "para", "sentences": [bank[i].format(**ctx) for i in pick]}


def _blocks(rng, ctx, sections) -> list[dict]:
    """Per (heading, bank, min, max, paragraphs): the heading, then min..max sentences per paragraph
    drawn from the bank and kept in bank order across the paragraphs (banks read as a story)."""
    out = []
    for heading, bank, lo, hi, paras in sections:
        out.append({"kind": "heading", "text": heading})
        pick = sorted(rng.sample(range(len(bank)), min(len(bank), rng.randint(lo * paras, hi * paras))))
        size = -(-len(pick) // paras)
        for k in range(0, len(pick), size):
            out.append({"kind": "para", "sentences": [bank[i].format(**ctx) for i in pick[k:k + size]]})
    return out


def _style(rng, i, uk, cols) -> dict:
    courier = rng.random() < (0.3 if uk else 0.2)
    font = "Courier" if courier else rng.choice(["Helvetica", "Times-Roman"])
    top = rng.choice([36, 45, 54, 63, 72])
    side = rng.choice([36, 45, 54, 63, 72])
    size = rng.choice([8, 8.5, 9, 9.5] if courier or cols == 3 else [8, 8.5, 9, 9.5, 10, 10.5, 11])
    justify = rng.random() < 0.6
    return {"page_size": rng.choice(["A4", "A4", "letter"] if uk else ["letter", "letter", "A4"]), "font": font,
            "font_size": size, "leading": round(size * rng.uniform(1.15, 1.3), 1), "margins": [top, side, top, side],
            "columns": cols, "gutter": rng.randint(12, 40), "align": "justify" if justify else "ragged",
            "justify_by": rng.choice(["words", "words", "wordspace"]) if uk else "wordspace",
            "hyphen": (rng.choice(["-", "\u00ad"]) if uk else "-") if justify and rng.random() < 0.5 else None,
            # untouched: shifted every 4 pages so the brochures (every 4th page) get both orders
            "order": "line_by_line" if (i + (i // 4 if uk else 0)) % 2 == 0 else "column_by_column",
            "balance": rng.random() < 0.7, "para_gap": rng.choice([0.35, 0.6, 1.0] if uk else [0.5, 1.0])}


def _lab_table(rng, n) -> dict:
    rows = []
    for name, unit, lo, hi, dec in rng.sample(LABS, n):
        v = round(rng.uniform(lo * 0.8, hi * 1.2), dec)
        rows.append([name, f"{v:.{dec}f}", unit, f"{lo}-{hi}"])
    return {"type": "table", "header": ["Test", "Result", "Units", "Reference"], "rows": rows,
            "widths": [0.3, 0.15, 0.2, 0.2], "font_size": 9}


def _med_table(rng, n) -> dict:
    return {"type": "table", "header": ["Medication", "Dose", "Route", "Frequency"],
            "rows": [list(m) for m in rng.sample(MEDS, n)], "widths": [0.36, 0.18, 0.16, 0.3], "font_size": 8.5}


def _footer(fake, uk, ctx) -> list[str]:
    org = f"{fake.city()} {'NHS Trust' if uk else 'Medical Center'}"
    return [f"{org} | Printed {ctx['dis']} | Page 1 of 1", "Synthetic document for software testing only."]


def page(part: str, i: int) -> dict:
    uk = part == "untouched"
    seed = (7100 if uk else 3300) + i
    rng = random.Random(seed)
    fake = Faker("en_GB" if uk else "en_US")
    fake.seed_instance(seed)
    ctx = _ctx(rng, fake, uk)
    kind = CONTROLS.get(i)
    if kind:  # single column: prose only, or prose around a small lab table
        style = _style(rng, i, uk, 1)
        style["order"] = "column_by_column"
        body = _blocks(rng, ctx, [("Presenting history", P.CONSULT if uk else P.HPI, 3, 5, 2),
                                  ("Plan", P.PLAN, 3, 5, 1)])
        title = {"type": "full", "blocks": [{"kind": "title", "text": "Clinic Letter" if uk else "Discharge Letter"},
                                            {"kind": "line", "text": f"Re: {ctx['name']}, seen {ctx['adm']}"}]}
        sections = [title, {"type": "full", "blocks": body[:3]}]
        if kind == "prose_table":
            sections.append(_lab_table(rng, rng.randint(5, 8)))
        sections.append({"type": "full", "blocks": body[3:]})
        return _fit({"id": f"{part[0]}-{i + 1:03d}", "template": f"control_{kind}", "style": style,
                     "sections": sections, "footer": _footer(fake, uk, ctx)})
    template = (["consult", "case_report", "brochure", "tia_leaflet"] if uk else ["discharge", "hf_leaflet", "newsletter"])[i % (4 if uk else 3)]
    cols = 3 if i % 5 == 4 or template == "brochure" else 2
    style = _style(rng, i, uk, cols)
    above = [{"kind": "title", "text": {"discharge": "Discharge Summary", "hf_leaflet": "Living with Heart Failure",
                                        "newsletter": f"Ward {ctx['ward']} Quality Newsletter", "consult": "Renal Consultation",
                                        "case_report": f"Case report: {ctx['dx_rare']}", "brochure": "Your Colonoscopy",
                                        "tia_leaflet": "After a TIA: what happens next"}[template]}]
    if template in ("discharge", "consult"):
        above.append({"kind": "line", "text": f"Patient: {ctx['name']}   Admitted: {ctx['adm']}   Attending: {ctx['dr']}"})
    plan = {  # (heading, bank or a slice of it, min, max sentences per paragraph, paragraphs)
        "discharge": [("History of Present Illness", P.HPI, 3, 5, 2), ("Hospital Course", P.COURSE, 3, 5, 2),
                      ("Assessment", P.ASSESS, 3, 5, 1), ("Plan", P.PLAN, 4, 7, 1)],
        "hf_leaflet": [("What is heart failure?", P.HF[:4], 3, 4, 1), ("Your medicines", P.HF[4:6], 2, 2, 1),
                       ("Daily checks", P.EDU, 3, 5, 2), ("When to get help", P.HF[6:], 3, 6, 1)],
        "newsletter": [("Quality and safety", P.NEWS[:9], 3, 4, 2), ("Team news", P.NEWS[9:], 3, 6, 1),
                       ("Patient education corner", P.EDU, 3, 4, 2)],
        "consult": [("Background", P.CONSULT[:3], 2, 3, 1), ("History", P.HPI, 3, 5, 2), ("Findings", P.CONSULT[3:7], 3, 4, 1),
                    ("Impression", P.ASSESS, 2, 4, 1), ("Recommendations", P.CONSULT[7:], 3, 7, 1)],
        "case_report": [("Introduction", P.CASE[2:3], 1, 1, 1), ("Case presentation", P.HPI, 3, 5, 2),
                        ("Investigations and treatment", P.CASE[3:8], 3, 5, 1), ("Hospital course", P.COURSE, 3, 5, 1),
                        ("Discussion", P.CASE[8:], 3, 4, 1)],
        "brochure": [("About the test", P.COLONO[:2], 2, 2, 1), ("Getting ready", P.COLONO[2:9], 3, 4, 2),
                     ("Afterwards", P.COLONO[9:], 2, 4, 1), ("Looking after yourself", P.EDU, 3, 5, 2)],
        "tia_leaflet": [("What is a TIA?", P.STROKE[:3], 2, 3, 1), ("Your treatment", P.STROKE[3:7], 2, 4, 1),
                        ("At home", P.EDU, 3, 5, 2), ("Follow-up", P.STROKE[7:], 2, 4, 1)],
    }[template]
    blocks = _blocks(rng, ctx, plan)
    sections = []
    if rng.random() < 0.75 or template in ("case_report", "brochure"):
        sections.append({"type": "full", "blocks": above})
    if template == "newsletter" and rng.random() < 0.5:  # a full-width lead paragraph under the masthead
        sections[-1:] = [{"type": "full", "blocks": above + [_para(rng, P.EDU, ctx, 2, 2)]}]
    if template == "case_report":  # abstract, then two column regions around a full-width lab table
        sections[0]["blocks"].append({"kind": "para", "sentences": [s.format(**ctx) for s in P.CASE[:2]]})
        cut = next(k for k, b in enumerate(blocks) if b["kind"] == "heading" and b["text"] == "Hospital course")
        sections += [{"type": "columns", "blocks": blocks[:cut]}, _lab_table(rng, 4), {"type": "columns", "blocks": blocks[cut:]}]
    else:
        sections.append({"type": "columns", "blocks": blocks})
        if rng.random() < 0.3 and template != "brochure":
            sections.append(_med_table(rng, rng.randint(3, 5)))
    if template == "brochure":
        style.update(landscape=True, balance=True)
    if template == "consult" and cols == 2 and rng.random() < 0.6:
        style["col_fractions"] = [0.38, 0.62]  # narrow sidebar column beside a wide one
    if uk:
        style["gutter_rule"] = rng.random() < 0.4
        style["footer_first"] = rng.random() < 0.3
    footer = _footer(fake, uk, ctx) if rng.random() < 0.5 else []
    return _fit({"id": f"{part[0]}-{i + 1:03d}", "template": template, "style": style, "sections": sections, "footer": footer})


def _fit(spec: dict) -> dict:
    """Drops sentences from the longest paragraph until the page fits, then stores the gold units.
    An unbalanced layout that leaves a column empty is balanced instead (it must stay multi-column).
    A sentence already used higher on the page (abstract, lead paragraph) is dropped: gold is unique."""
    seen = set()
    for b in (b for s in spec["sections"] for b in s.get("blocks", []) if b["kind"] == "para"):
        b["sentences"] = [t for t in b["sentences"] if not (t in seen or seen.add(t))]
    while True:
        try:
            out = layout(spec)
        except Overflow:
            paras = [b for s in spec["sections"] for b in s.get("blocks", []) if b["kind"] == "para"]
            max(paras, key=lambda b: len(b["sentences"]))["sentences"].pop()
            continue
        used = {p["col"] for g in out["gold"] for p in g.get("pieces", [])}
        if spec["style"]["columns"] > 1 and not set(range(1, spec["style"]["columns"] + 1)) <= used:
            if spec["style"]["balance"]:
                raise RuntimeError(f"{spec['id']}: a column stays empty")
            spec["style"]["balance"] = True
            continue
        break
    for s in spec["sections"]:  # headings left with no paragraph under them read oddly: drop empty paras
        s.get("blocks", [])[:] = [b for b in s.get("blocks", []) if b["kind"] != "para" or b["sentences"]]
    spec["gold"] = layout(spec)["gold"]
    _check(spec)
    return spec


def _check(spec: dict) -> None:
    from score import norm
    texts = [norm(g["text"]) for g in spec["gold"]]
    for a, ta in enumerate(texts):
        for b, tb in enumerate(texts):
            assert a == b or ta not in tb, f"{spec['id']}: gold unit {a} is inside unit {b}"


def main() -> None:
    for part in ("tuned", "untouched"):
        specs = [page(part, i) for i in range(PAGES)]
        with open(HERE / f"{part}.jsonl", "w", encoding="utf-8") as f:
            for spec in specs:
                f.write(json.dumps(spec, ensure_ascii=False, sort_keys=False) + "\n")
        gold = [g for s in specs for g in s["gold"]]
        scored = sum(g["col"] is not None for g in gold)
        print(f"{part}: {len(specs)} pages, {len(gold)} gold units, {scored} scored "
              f"({sum(g['kind'] == 'row' for g in gold)} table rows)")


if __name__ == "__main__":
    main()
