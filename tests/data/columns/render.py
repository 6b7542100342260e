"""Lays out and draws one multi-column page spec (tests/data/columns) with ReportLab's canvas.

    layout(spec)        # -> {"ops": [...drawing ops in drawing order], "gold": [...units], "rules": [...]}
    render(spec, path)  # writes the one-page PDF, drawing the ops in that order

Text is wrapped by hand with pdfmetrics.stringWidth so the layout knows which line, column and
baseline every word lands on. make.py stores layout()["gold"] in the spec; score.py reads only that.

A spec is {"id", "template", "style", "sections", "footer"}; sections run down the page:
  {"type": "full", "blocks": [...]}     full-width title / banner line / heading / prose
  {"type": "columns", "blocks": [...]}  headings and prose flowing down column 1, then 2 (then 3)
  {"type": "table", "header", "rows", "widths", "font_size"}   full-width table of one-line cells
Prose blocks are {"kind": "para", "sentences": [...]}; the other blocks are {"kind", "text"}.

style["order"] is the drawing order of column text, which is what the set is about:
  column_by_column  every line of column 1, then column 2, ...
  line_by_line      line k of column 1, line k of column 2, ..., then line k+1 (as some report
                    generators emit), so the content stream interleaves the columns.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_SIZES = {"letter": letter, "A4": A4}
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
MAX_STRETCH = 2.5  # justified lines whose spaces would grow past this many font sizes stay ragged


class Overflow(ValueError):
    """The spec does not fit on one page."""


def page_size(style: dict) -> tuple[float, float]:
    size = PAGE_SIZES[style["page_size"]]
    return landscape(size) if style.get("landscape") else size


def _tokens(sentences: list[str], first_sid: int) -> list[tuple[str, int, int]]:
    """(word, sentence id, word index in sentence) for every word of a paragraph."""
    return [(w, first_sid + s, k) for s, text in enumerate(sentences) for k, w in enumerate(text.split())]


VOWELS, DIGRAPHS = set("aeiouyAEIOUY"), {"th", "ch", "sh", "ph", "wh", "ck", "gh", "qu"}


def _syllable_break(word: str, cut: int) -> bool:
    """Crude English break point: vowel|consonant-vowel or vowel-consonant|consonant-vowel, never
    inside a digraph, so breaks read like a typesetter's (medi-cation, ejec-tion)."""
    a, b, c = word[cut - 1], word[cut], word[cut + 1]
    if b in VOWELS or c not in VOWELS or word[cut - 1:cut + 1].lower() in DIGRAPHS:
        return False
    return a in VOWELS or (word[cut - 2] in VOWELS and word[cut:cut + 2].lower() not in DIGRAPHS)


def _hyphen_split(word: str, room: float, font: str, size: float, hyphen: str) -> tuple[str, str] | None:
    """Longest head of `word` (3+ chars, 3+ left) that fits `room` with its hyphen, or None.
    An existing hyphen is a break point needing no extra glyph; otherwise only letters are cut."""
    for cut in range(len(word) - 3, 2, -1):
        head, tail = word[:cut], word[cut:]
        if head.endswith("-"):
            if stringWidth(head, font, size) <= room:
                return head, tail
        elif (head.isalpha() and tail.isalpha() and _syllable_break(word, cut)
              and stringWidth(head + hyphen, font, size) <= room):
            return head + hyphen, tail
    return None


def _line(tokens: list, width: float, font: str, size: float, hyphen: str | None) -> tuple[list, list]:
    """Greedy fill of one line from `tokens`; returns (fragments on the line, tokens left)."""
    out, used, space = [], 0.0, stringWidth(" ", font, size)
    for i, (word, sid, k) in enumerate(tokens):
        w = stringWidth(word, font, size)
        gap = space if out else 0.0
        if used + gap + w <= width or not out and not hyphen:
            out.append((word, sid, k))
            used += gap + w
            continue
        if hyphen and len(word) >= 7:
            cut = _hyphen_split(word, width - used - gap, font, size, hyphen)
            if cut:
                out.append((cut[0], sid, k))
                return out, [(cut[1], sid, k)] + tokens[i + 1:]
        if not out:  # a word wider than the column: put it alone and let it overhang
            return [(word, sid, k)], tokens[i + 1:]
        return out, tokens[i:]
    return out, []


def _line_ops(frags: list, x: float, y: float, width: float, font: str, size: float, style: dict,
              justify: bool) -> list[dict]:
    """Drawing ops for one line of fragments; 'justify' stretches the spaces (Tw or word by word)."""
    text = " ".join(f[0] for f in frags)
    extra = width - stringWidth(text, font, size)
    gaps = len(frags) - 1
    if not justify or style["align"] != "justify" or gaps == 0 or extra / gaps > MAX_STRETCH * size:
        return [{"font": font, "size": size, "x": x, "y": y, "text": text}]
    if style.get("justify_by", "wordspace") == "wordspace":
        return [{"font": font, "size": size, "x": x, "y": y, "text": text, "ws": extra / gaps}]
    ops, cx, space = [], x, stringWidth(" ", font, size) + extra / gaps
    for word, _, _ in frags:  # each word its own string at its own x, as some generators do
        ops.append({"font": font, "size": size, "x": cx, "y": y, "text": word})
        cx += stringWidth(word, font, size) + space
    return ops


def _wrap_para(tokens, width, font, size, hyphen) -> list[list]:
    lines = []
    while tokens:
        frags, tokens = _line(tokens, width, font, size, hyphen)
        lines.append(frags)
    return lines


def _flow(blocks: list[dict], widths: list[float], height: float, style: dict, first_sid: int):
    """Flows column blocks into columns of `height` points; None if they need more columns.
    Returns per column a list of (kind, offset from top of column to baseline, payload, is_last_line)."""
    font, size, lead = style["font"], style["font_size"], style["leading"]
    hyphen, gap = style.get("hyphen"), style.get("para_gap", 1.0) * lead
    cols, col, used, sid = [[] for _ in widths], 0, 0.0, first_sid
    for block in blocks:
        if block["kind"] == "heading":
            need = lead * 1.3
            if used and used + need + 2 * lead > height:  # keep a heading with two lines of its text
                col, used = col + 1, 0.0
            if col >= len(widths):
                return None
            cols[col].append(("heading", used + lead, block["text"], True))
            used += need
            continue
        tokens = _tokens(block["sentences"], sid)
        sid += len(block["sentences"])
        while tokens:
            if used + lead > height:
                col, used = col + 1, 0.0
                if col >= len(widths):
                    return None
            frags, tokens = _line(tokens, widths[col], font, size, hyphen)
            cols[col].append(("line", used + lead * 0.8, frags, not tokens))
            used += lead
        if used:
            used += gap
    return cols


def layout(spec: dict) -> dict:
    style = spec["style"]
    page_w, page_h = page_size(style)
    top, right, bottom, left = style["margins"]
    font, size, lead = style["font"], style["font_size"], style["leading"]
    bold, text_w = BOLD[font], page_w - left - right
    hyphen = style.get("hyphen")
    ops_before, ops_after, gold, rules = [], [], [], []
    y, sid = page_h - top, 0

    def line_gold(frags, region, col, base):
        for word, s, k in frags:
            gold[s]["at"].append((region, col, base, k, word))

    for region, sec in enumerate(spec["sections"]):
        seq: list[dict] = []
        if sec["type"] == "full":
            for block in sec["blocks"]:
                if block["kind"] == "para":
                    for s in block["sentences"]:
                        gold.append({"text": s, "kind": "sentence", "at": []})
                    lines = _wrap_para(_tokens(block["sentences"], sid), text_w, font, size, hyphen)
                    sid += len(block["sentences"])
                    for n, frags in enumerate(lines):
                        y -= lead
                        seq += _line_ops(frags, left, y, text_w, font, size, style, n < len(lines) - 1)
                        line_gold(frags, region, 0, y)
                    y -= lead * 0.5
                else:
                    fs = {"title": size + 5, "heading": size + 1.5}.get(block["kind"], size)
                    y -= fs * 1.35
                    seq.append({"font": bold if block["kind"] != "line" else font, "size": fs, "x": left, "y": y,
                                "text": block["text"]})
                y -= 2
            ops_before += seq
        elif sec["type"] == "table":
            fs = sec["font_size"]
            xs = [left + sum(sec["widths"][:i]) * text_w for i in range(len(sec["widths"]))]
            y -= lead * 0.6
            for r, row in enumerate([sec["header"]] + sec["rows"]):
                y -= fs * 1.45
                for i, cell in enumerate(row):
                    f = bold if r == 0 else font
                    if stringWidth(cell, f, fs) > sec["widths"][i] * text_w - 4:
                        raise ValueError(f"{spec['id']}: table cell too wide: {cell!r}")
                    seq.append({"font": f, "size": fs, "x": xs[i], "y": y, "text": cell})
                if r == 0:
                    rules.append((left, y - fs * 0.4, left + text_w, y - fs * 0.4))
                else:
                    gold.append({"text": " ".join(row), "kind": "row", "at": [], "region": region, "pieces": [],
                                 "col": 0, "y": [y, y]})
                    sid += 1
            y -= lead * 0.6
            ops_before += seq
        else:
            n, gutter = style["columns"], style["gutter"]
            fr = style.get("col_fractions") or [1 / n] * n
            widths = [(text_w - gutter * (n - 1)) * f for f in fr]
            xs = [left + sum(widths[:i]) + gutter * i for i in range(n)]
            for block in sec["blocks"]:
                for s in block.get("sentences", []):
                    gold.append({"text": s, "kind": "sentence", "at": []})
            avail = y - bottom - (style.get("footer_room", 0))
            cols = None
            if style.get("balance", True):  # shortest column height that holds everything
                h = lead * 3
                while h <= avail and not (cols := _flow(sec["blocks"], widths, h, style, sid)):
                    h += lead / 4
            else:
                cols = _flow(sec["blocks"], widths, avail, style, sid)
            if not cols:
                raise Overflow(spec["id"])
            per_col = []
            for c, items in enumerate(cols):
                col_ops = []
                for kind, off, payload, last in items:
                    base = y - off
                    if kind == "heading":
                        col_ops.append([{"font": bold, "size": size, "x": xs[c], "y": base, "text": payload}])
                    else:
                        col_ops.append(_line_ops(payload, xs[c], base, widths[c], font, size, style, not last))
                        line_gold(payload, region, c + 1, base)
                per_col.append(col_ops)
            if style["order"] == "line_by_line":
                for k in range(max(len(c) for c in per_col)):
                    for col_ops in per_col:
                        if k < len(col_ops):
                            seq += col_ops[k]
            else:
                seq += [op for col_ops in per_col for line in col_ops for op in line]
            sid += sum(len(b.get("sentences", [])) for b in sec["blocks"])
            low = min(op["y"] for op in seq) if seq else y
            if style.get("gutter_rule") and n > 1:
                rules += [(x - gutter / 2, y, x - gutter / 2, low - lead * 0.3) for x in xs[1:]]
            y = low - lead * 0.8
            ops_before += seq
        if y < bottom:
            raise Overflow(spec["id"])
    for i, line in enumerate(spec.get("footer", [])):
        ops_after.append({"font": font, "size": 7, "x": left, "y": bottom / 2 - i * 8.5, "text": line})
    ops = ops_after + ops_before if style.get("footer_first") else ops_before + ops_after
    return {"ops": ops, "gold": [_finish(g, size) for g in gold], "rules": rules}


def _finish(unit: dict, size: float) -> dict:
    """Gold unit for score.py: text, kind, region, col (0 full width, None if it crosses a column
    break), pieces per column with the word text and the band of baselines they sit on."""
    if unit["kind"] == "row":
        return unit
    at = unit.pop("at")
    by_col: dict[int, dict] = {}
    words = unit["text"].split()
    for region, col, base, k, _ in at:
        p = by_col.setdefault(col, {"col": col, "region": region, "y": [base, base], "idx": []})
        p["y"] = [min(p["y"][0], base), max(p["y"][1], base)]
        if k not in p["idx"]:
            p["idx"].append(k)
    pieces = []
    for p in by_col.values():
        pieces.append({"col": p["col"], "y": [round(v, 2) for v in p["y"]],
                       "text": " ".join(words[k] for k in sorted(p.pop("idx")))})
    unit["region"] = at[0][0]
    unit["col"] = pieces[0]["col"] if len(pieces) == 1 else None
    unit["pieces"] = pieces
    return unit


def render(spec: dict, path: str | Path) -> Path:
    path = Path(path)
    out = layout(spec)
    canvas = Canvas(str(path), pagesize=page_size(spec["style"]), invariant=1)
    canvas.setTitle(spec["id"])
    canvas.setLineWidth(0.5)
    for x0, y0, x1, y1 in out["rules"]:
        canvas.line(x0, y0, x1, y1)
    for op in out["ops"]:
        canvas.setFont(op["font"], op["size"])
        canvas.drawString(op["x"], op["y"], op["text"], wordSpace=op.get("ws"))
    canvas.showPage()
    canvas.save()
    return path
