"""Renders one table-evaluation page spec to a one-page PDF, and gives its rows for scoring.

    render(spec, path)   # writes the PDF (ReportLab)
    rows(spec)           # [[cell text, ...], ...]: every body row of every table, in page order
    other_text(spec)     # the page's text outside body rows: headings, prose, header rows, footer

Cell, heading and paragraph texts are ReportLab paragraph markup: `<br/>` for a line break,
`<b>`/`<i>` and the entities &amp; &lt; &gt;. `plain()` turns them into plain text, line breaks
as spaces and whitespace collapsed.

Two renderers, named by spec["style"]["renderer"]:
  platypus  ReportLab platypus Paragraphs and Tables (the tuned part);
  canvas    text drawn with canvas.drawString at fixed x positions (the untouched part): columns
            aligned left, right or centred, cells wrapped by hand, optional rules, tables with no
            header row, and a table placed beside the one before it ("beside": true, "x": offset).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PAGE_SIZES = {"letter": letter, "A4": A4}
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
ALIGN = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


class Overflow(ValueError):
    """The spec does not fit on one page."""


def plain(markup: str) -> str:
    """Plain text of a markup string: line breaks as spaces, tags dropped, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub("", _BR.sub(" ", markup))).split())


def _lines(markup: str) -> list[str]:
    """The hard lines of a markup string (split at <br/>), each as plain text."""
    return [" ".join(html.unescape(_TAG.sub("", part)).split()) for part in _BR.split(markup)]


def rows(spec: dict) -> list[list[str]]:
    return [[plain(cell) for cell in row] for block in spec["blocks"] if block["kind"] == "table" for row in block["rows"]]


def other_text(spec: dict) -> list[str]:
    out = [plain(line) for line in spec["style"].get("footer", [])]
    for block in spec["blocks"]:
        if block["kind"] == "table":
            out.extend(plain(cell) for cell in block.get("header") or [])
        else:
            out.append(plain(block["text"]))
    return out


def render(spec: dict, path: str | Path) -> Path:
    path = Path(path)
    if spec["style"]["renderer"] == "platypus":
        _platypus(spec, path)
    else:
        _canvas(spec, path)
    return path


# --- platypus -------------------------------------------------------------------------------------

def _platypus(spec: dict, path: Path) -> None:
    style = spec["style"]
    font, margin = style["font"], style["margin"]
    size = PAGE_SIZES[style["page_size"]]
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12, spaceAfter=4)
    head = ParagraphStyle("head", fontName=BOLD[font], fontSize=12, leading=15, spaceBefore=4, spaceAfter=4)
    story = []
    for block in spec["blocks"]:
        if block["kind"] == "heading":
            story.append(Paragraph(block["text"], head))
        elif block["kind"] == "paragraph":
            story.append(Paragraph(block["text"], body))
        else:
            story.append(_table(block, font, style["table_style"]))
            story.append(Spacer(1, 8))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 7.5)
        for i, line in enumerate(style.get("footer", [])):
            canvas.drawString(margin, margin / 2 - i * 9, plain(line))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, invariant=1, title=spec["id"])
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _table(block: dict, font: str, table_style: str) -> Table:
    fs = block["font_size"]
    align = block.get("align") or ["LEFT"] * len(block["col_widths"])
    cell_styles = [ParagraphStyle(f"c{i}", fontName=font, fontSize=fs, leading=fs * 1.2, alignment=ALIGN[a])
                   for i, a in enumerate(align)]
    head_color = colors.white if table_style == "boxed" else colors.black
    head_styles = [ParagraphStyle(f"h{i}", parent=s, fontName=BOLD[font], textColor=head_color)
                   for i, s in enumerate(cell_styles)]
    data = []
    if block.get("header"):
        data.append([Paragraph(c, head_styles[i]) for i, c in enumerate(block["header"])])
    data += [[Paragraph(c, cell_styles[i]) for i, c in enumerate(row)] for row in block["rows"]]
    header = 1 if block.get("header") else 0
    cmds = [("VALIGN", (0, 0), (-1, -1), block["valign"]),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if block["grid"]:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
    if table_style == "grid" and header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")))
    elif table_style == "zebra":
        cmds.append(("ROWBACKGROUNDS", (0, header), (-1, -1), [colors.white, colors.HexColor("#EEF2F7")]))
        if header:
            cmds.append(("LINEBELOW", (0, 0), (-1, 0), 1, colors.black))
        cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.75, colors.black))
    elif table_style == "boxed":
        cmds.append(("BOX", (0, 0), (-1, -1), 1, colors.black))
        cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")))
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3B5A")))
    table = Table(data, colWidths=block["col_widths"], hAlign="LEFT", repeatRows=header)
    table.setStyle(TableStyle(cmds))
    return table


# --- canvas ---------------------------------------------------------------------------------------

def _canvas(spec: dict, path: Path) -> None:
    style = spec["style"]
    font, margin = style["font"], style["margin"]
    width, height = PAGE_SIZES[style["page_size"]]
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    canvas.setTitle(spec["id"])
    y = height - margin
    last_top = last_bottom = y
    for block in spec["blocks"]:
        if block["kind"] == "heading":
            canvas.setFont(BOLD[font], 11.5)
            y -= 14
            canvas.drawString(margin, y, plain(block["text"]))
            y -= 5
        elif block["kind"] == "paragraph":
            canvas.setFont(font, 9.5)
            for line in simpleSplit(plain(block["text"]), font, 9.5, width - 2 * margin):
                y -= 12
                canvas.drawString(margin, y, line)
            y -= 5
        else:
            top = last_top if block.get("beside") else y
            bottom = _drawn_table(canvas, block, font, margin + block.get("x", 0), top)
            if block.get("beside"):
                bottom = min(bottom, last_bottom)
            last_top, last_bottom = top, bottom
            y = bottom - 10
        if y < margin:
            raise Overflow(spec["id"])
    canvas.setFont(font, 7.5)
    for i, line in enumerate(style.get("footer", [])):
        canvas.drawString(margin, margin / 2 - i * 9, plain(line))
    canvas.showPage()
    canvas.save()


def _drawn_table(canvas: Canvas, block: dict, font: str, x0: float, y: float) -> float:
    """Draws a table from its top edge y; returns its bottom edge."""
    fs = block["font_size"]
    leading, pad = fs * 1.22, 3.0
    widths = block["col_widths"]
    align = block.get("align") or ["LEFT"] * len(widths)
    xs = [x0 + sum(widths[:i]) for i in range(len(widths))]
    grid = block["grid"]
    table_top = y
    todo = ([(block["header"], True)] if block.get("header") else []) + [(r, False) for r in block["rows"]]
    for n, (row, is_header) in enumerate(todo):
        face = BOLD[font] if is_header else font
        cells = [[piece for line in _lines(c) for piece in (simpleSplit(line, face, fs, widths[i] - 2 * pad) or [""])]
                 for i, c in enumerate(row)]
        tall = max(len(c) for c in cells)
        row_h = tall * leading + 2 * pad
        canvas.setFont(face, fs)
        for i, lines in enumerate(cells):
            shift = {"TOP": 0, "MIDDLE": (tall - len(lines)) / 2, "BOTTOM": tall - len(lines)}[block["valign"]]
            for k, line in enumerate(lines):
                base = y - pad - (k + shift) * leading - fs * 0.9
                if align[i] == "RIGHT":
                    canvas.drawRightString(xs[i] + widths[i] - pad, base, line)
                elif align[i] == "CENTER":
                    canvas.drawCentredString(xs[i] + widths[i] / 2, base, line)
                else:
                    canvas.drawString(xs[i] + pad, base, line)
        y -= row_h
        if grid or (is_header and block.get("rule_header", True)):
            canvas.setLineWidth(0.6 if is_header else 0.4)
            canvas.line(x0, y, x0 + sum(widths), y)
    if grid:
        canvas.setLineWidth(0.4)
        canvas.line(x0, table_top, x0 + sum(widths), table_top)
        for x in xs + [x0 + sum(widths)]:
            canvas.line(x, table_top, x, y)
    return y
