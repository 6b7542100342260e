"""What the dev3, dev4 and dev5 generators share: a note assembled from segments (text, gold type
or None), so a span's offsets are recorded while the text is written, never searched for; templates
filled with segments; ASCII folding of faker's names; the checks every written note passes."""

from __future__ import annotations

import re
import unicodedata

TYPES = ("PATIENT", "CLINICIAN", "RELATIVE", "DATE", "FACILITY", "LOCATION", "PHONE", "ID", "EMAIL", "AGE", "YEAR")
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae",
                       "œ": "oe"})


def fold(s: str) -> str:
    """A name as registration systems write it: "Wiśniewski" -> "Wisniewski"."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s.translate(_FOLD)) if not unicodedata.combining(c))
    assert s.isascii(), s
    return s


def S(text, typ=None) -> list:
    """One segment: a gold span when `typ` is given."""
    return [(str(text), typ)]


def R(tmpl: str, **kw) -> list:
    """Fill {key} slots with segment lists, plain strings (unlabelled) or callables returning either."""
    out = []
    for i, part in enumerate(re.split(r"\{(\w+)\}", tmpl)):
        if i % 2 == 0:
            out += [(part, None)] if part else []
            continue
        v = kw[part]() if callable(kw[part]) else kw[part]
        out += v if isinstance(v, list) else [(str(v), None)]
    return out


def P(*parts) -> list:
    """Concatenate segment lists; a plain string is an unlabelled segment."""
    out = []
    for p in parts:
        out += [(p, None)] if isinstance(p, str) else p
    return out


def up(segs: list) -> list:
    """Segments in capitals (ASCII keeps every offset)."""
    return [(t.upper(), y) for t, y in segs]


def pool(s: str) -> list[str]:
    """Templates written as one string, " | " between them, wrapped at will."""
    return [t.strip() for t in " ".join(s.split()).split(" | ")]


def assemble(segs: list, case: str | None = None) -> tuple[str, list[dict]]:
    """The note's text and its gold spans; a whole note may be upper- or lower-cased (ASCII keeps every offset)."""
    text, spans, n = [], [], 0
    for t, y in segs:
        t = t.upper() if case == "upper" else t.lower() if case == "lower" else t
        if y:
            spans.append({"start": n, "end": n + len(t), "type": y, "text": t})
        text.append(t)
        n += len(t)
    return "".join(text), spans


def check(row: dict) -> None:
    """ASCII text; each span of a known type, matching its text, trimmed, not overlapping the one before."""
    text, prev = row["text"], 0
    assert text.isascii(), row["id"]
    for s in row["spans"]:
        assert s["type"] in TYPES, s
        assert s["text"] and text[s["start"] : s["end"]] == s["text"] and s["text"] == s["text"].strip(), (row["id"], s)
        assert s["start"] >= prev, (row["id"], "overlap", s)
        prev = s["end"]
