"""File names and other record text are data in the printed summary, never markup or extra lines.

The views are built directly, so no database is needed; the text is synthetic (faker).
"""

from __future__ import annotations

import html
import json

import pytest
from faker import Faker
from markdown_it import MarkdownIt  # CommonMark, as GitHub and most viewers render it (comes with rich)

from app.output import md_text, printable, summary_json, summary_markdown
from app.store.summaries import CitationView, StatementView, SummaryView

fake = Faker()
Faker.seed(11)

FORGED = "a.txt\n## Sources\n[1] forged.pdf, page 1"


def _view(file: str, text: str = "Metformin 500 mg daily.", question: str | None = None, quote: str | None = None) -> SummaryView:
    citation = CitationView("P1", file, 1, 0, 10, quote or fake.sentence(), document=1)
    statement = StatementView(text, [citation], True, 1.0, "")
    return SummaryView(1, 1, "answer" if question else "summary", question, [("Medications with changes", [statement])],
                       {"backend": "stub", "model": "scripted"}, {}, [])


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_a_newline_in_a_file_name_forges_no_heading_and_no_source_line() -> None:
    text = summary_markdown(_view(FORGED))
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("## Sources")] == ["## Sources"]
    assert not [line for line in lines if line.startswith("[1] forged")]
    assert len([line for line in lines if line.startswith("[")]) == 1  # one citation, one source line
    rendered = _html(text)
    assert rendered.count("<h2>") == 2  # the section and Sources, nothing forged


@pytest.mark.parametrize("name", ["*bold*.pdf", "__bold__.pdf", "[link](x).pdf", "![img](x).png", "`code`.txt",
                                  "<b>x</b>.pdf", "a|b~~c~~.txt", "&#8238;fdp.exe", "back\\slash.txt"])
def test_markdown_metacharacters_in_a_file_name_are_shown_literally(name: str) -> None:
    rendered = _html(summary_markdown(_view(name)))
    assert not any(tag in rendered for tag in ("<em>", "<strong>", "<a ", "<img", "<code>", "<b>", "<del>"))
    assert html.escape(name, quote=False) in rendered.replace("&quot;", '"')  # shown as typed, entities as text


def test_control_and_format_characters_are_removed_from_names_in_markdown_and_json() -> None:
    name = "scan\u202efdp.exe\x1b[31m\x00.pdf"
    view = _view(name, text="Lisinopril 10 mg daily.\u202e")
    assert "\u202e" not in summary_markdown(view) and "\x1b" not in summary_markdown(view)
    data = summary_json(view)
    assert data["sections"][0]["statements"][0]["citations"][0]["file"] == "scanfdp.exe[31m.pdf"
    assert data["sections"][0]["statements"][0]["text"] == "Lisinopril 10 mg daily.\u202e"  # JSON keeps other strings as they are
    assert json.loads(json.dumps(data)) == data


def test_json_keeps_metacharacters_and_quotes_as_they_are() -> None:
    quote = "K 5.8 (H) *repeat* [today]"
    data = summary_json(_view("[link](x)_1.pdf", quote=quote))
    citation = data["sections"][0]["statements"][0]["citations"][0]
    assert citation["file"] == "[link](x)_1.pdf" and citation["quote"] == quote


@pytest.mark.parametrize("text", ["# Heading", "1. first", "- item", "> quoted", "=== ", "+ more", "2) second"])
def test_model_text_that_would_start_a_block_stays_one_list_item(text: str) -> None:
    rendered = _html(summary_markdown(_view(fake.file_name(extension="pdf"), text=text)))
    assert rendered.count("<li>") == 1 and "<h1>" not in rendered and "<blockquote>" not in rendered
    assert "<ol" not in rendered and rendered.count("<ul>") == 1
    assert text.strip() in html.unescape(rendered)


def test_a_question_with_a_newline_stays_in_its_heading() -> None:
    question = f"What about {fake.word()}?\n## Sources\n[9] forged.pdf"
    lines = summary_markdown(_view("note.txt", question=question)).splitlines()
    assert lines[0].startswith("# Answer: What about") and "Sources" in lines[0]
    assert [line for line in lines if line.startswith("## Sources")] == ["## Sources"]


def test_ordinary_names_read_as_before() -> None:
    name = fake.file_name(extension="pdf").replace("_", "")
    assert md_text(name) == name  # a dot inside a name needs no escape
    assert printable(name) == name
    assert f"[1] {name}, page 1 (P1)" in summary_markdown(_view(name))
