"""The prompts: one constant system message, then the record, then the task.

The record comes first and the task last, so every request on one part of a record (its
summary, then any question) renders the same token prefix up to the end of the record, and
the engine's prefix cache serves it. Partial summaries for a merge sit between
<partial_summary …> marker lines, in the Markdown form. What a prompt holds also goes into its
request as data (the record's passages, read by the record format's owner; the question; the
partials), so an engine without a model (the extractive one) never parses the prompt's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import BaseMessage
from langchain_core.prompt_values import PromptValue
from langchain_core.prompts import ChatPromptTemplate

from engine.base import ChatRequest, Message, SourcePassage
from engine.summary_format import NOT_DOCUMENTED, SECTIONS, Section, Statement, Summary
from ingestion.record_format import passage_id, read_record

SYSTEM = (
    "You are a careful clinical documentation assistant. You read one patient's de-identified record "
    "and write, for a clinician, only what the record states. The record is a series of documents in "
    "date order, oldest first; each begins with a header line giving its number, type and date, and "
    f"each passage sits on its own line after its id in square brackets, like [{passage_id(12)}]. Names and other "
    "identifiers appear as tokens such as [PERSON_1]: keep them as they are. Never invent or guess; "
    "every statement you write cites the ids of the passages it rests on."
)

# The variable parts go in as values, never as template text, so braces in a record stay literal.
RECORD_PROMPT = ChatPromptTemplate.from_messages([("system", SYSTEM), ("human", "{record}\n\n{task}")])

_JSON_FORM = (
    '{"sections": [{"title": "%s", "statements": [{"text": "One statement.", "citations": ["P3", "P7"]}]}]}'
)

_WHAT_GOES_WHERE = {
    "Patient overview": "age, sex and the main reason for care.",
    "Problems and diagnoses": "active problems and relevant past diagnoses.",
    "Medications with changes": "current medications with dose, route and frequency, and what was started, "
    "stopped or changed, and when.",
    "Allergies": "allergies and intolerances with the reaction.",
    "Procedures": "procedures and operations with their dates.",
    "Key results": "key laboratory, imaging and other results with their values, units and dates.",
    "Hospital course": "what happened during admissions, in order.",
    "Plan and follow-up": "the current plan, follow-up appointments and pending actions.",
    "Open questions": "pending results, unresolved issues and contradictions within the record.",
}

_SECTION_LIST = "\n".join(
    f"{i}. {title}: {_WHAT_GOES_WHERE.get(title, '')}".rstrip() for i, title in enumerate(SECTIONS, 1)
)

_FAITHFUL = (
    "- Copy numbers, doses, units, dates, sides (left/right) and negations exactly as written.\n"
    "- Later documents supersede earlier ones: for a medication, result or plan that changed, give the "
    "latest version and say what changed."
)

SUMMARY_TASK = f"""Task: write a sectioned clinical summary of the record above.

Use exactly these sections, with these titles, in this order:
{_SECTION_LIST}

Rules:
- Every statement cites the passage ids it rests on, as in "citations": ["P12", "P14"]; leave the ids out of the text. A statement no passage supports does not belong in the summary.
- Where the record says nothing for a section, write the single statement "{NOT_DOCUMENTED}" with no citations, rather than guess.
{_FAITHFUL}
- One fact per statement, short and plain.
- Reply with JSON only, in this form:
{_JSON_FORM % SECTIONS[0]}"""

_MERGE_RULES = f"""- Keep each statement's passage citations exactly as given, and cite no id that does not appear above.
- Where parts disagree about the same medication, result or plan, the later part is newer: keep its version, and say what changed where it matters.
- Merge statements that say the same thing into one that keeps the citations of both.
- Add no fact that is not in the parts.
{_FAITHFUL.splitlines()[0]}"""

MERGE_TASK = f"""Task: the record was too long to read at once, so consecutive parts of it, oldest first, were summarized separately; the partial summaries are above. Merge them into one summary of the whole record.

Use exactly these sections, with these titles, in this order:
{_SECTION_LIST}

Rules:
{_MERGE_RULES}
- Write "{NOT_DOCUMENTED}" for a section only when no part documents it.
- Reply with JSON only, in this form:
{_JSON_FORM % SECTIONS[0]}"""


def question_task(question: str) -> str:
    """The question task; the question is folded onto one line so it cannot pose as record lines."""
    return f"""Task: answer the clinician's question below from the record above, and from nothing else.

Rules:
- Every statement cites the passage ids it rests on, as in "citations": ["P12"]; leave the ids out of the text.
- If the record does not answer the question, reply with the single statement "{NOT_DOCUMENTED}" with no citations.
{_FAITHFUL}
- Reply with JSON only, in this form:
{_JSON_FORM % "Answer"}

Question: {one_line(question)}"""


def merge_answers_task(question: str) -> str:
    """Merging the answers from each part: the question is restated, but not as a "Question:" line."""
    return f"""Task: the record was too long to read at once, so the same question was answered from consecutive parts of it, oldest first; the partial answers are above. Merge them into one answer to the question.

The question was: {one_line(question)}

Rules:
{_MERGE_RULES}
- Leave out partial answers that say the part does not answer the question; answer "{NOT_DOCUMENTED}" only when no part does.
- Reply with JSON only, in this form:
{_JSON_FORM % "Answer"}"""


def one_line(text: str) -> str:
    return " ".join(text.split())


def render_partials(partials: Sequence[Summary], kind: str = "summary") -> str:
    """Partial summaries (or answers) in the Markdown form, each between marker lines, in part order."""
    blocks = []
    for number, partial in enumerate(partials, 1):
        blocks.append(f'<partial_{kind} part="{number}" of="{len(partials)}">\n{_flat(partial).markdown()}</partial_{kind}>')
    return "\n\n".join(blocks)


def _flat(summary: Summary) -> Summary:
    """Every title and statement on one line: a newline in a model's text must not start a new record line."""
    return Summary(sections=[
        Section(
            title=one_line(section.title),
            statements=[Statement(text=one_line(s.text), citations=list(s.citations)) for s in section.statements],
        )
        for section in summary.sections
    ])


_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def to_messages(value: PromptValue | Sequence[BaseMessage]) -> tuple[Message, ...]:
    """LangChain messages as the engine contract's plain messages."""
    messages = value.to_messages() if isinstance(value, PromptValue) else list(value)
    return tuple(Message(_ROLES.get(m.type, m.type), m.text if isinstance(m.content, list) else m.content) for m in messages)


def to_request(value: PromptValue | Sequence[BaseMessage], **options: Any) -> ChatRequest:
    """Template output as a `ChatRequest`; options are the request's (max_tokens, json_schema, …)."""
    return ChatRequest(to_messages(value), **options)


def record_passages(record: str) -> tuple[SourcePassage, ...]:
    """The passages a rendered record holds, as the engine request carries them."""
    return tuple(SourcePassage(*p) for p in read_record(record))


def summary_request(record: str, **options: Any) -> ChatRequest:
    value = RECORD_PROMPT.invoke({"record": record.rstrip(), "task": SUMMARY_TASK})
    return to_request(value, passages=record_passages(record), **options)


def question_request(record: str, question: str, **options: Any) -> ChatRequest:
    value = RECORD_PROMPT.invoke({"record": record.rstrip(), "task": question_task(question)})
    return to_request(value, passages=record_passages(record), question=one_line(question), **options)


def merge_request(partials: Sequence[Summary], **options: Any) -> ChatRequest:
    value = RECORD_PROMPT.invoke({"record": render_partials(partials), "task": MERGE_TASK})
    return to_request(value, partials=tuple(partials), **options)


def merge_answers_request(partials: Sequence[Summary], question: str, **options: Any) -> ChatRequest:
    value = RECORD_PROMPT.invoke({"record": render_partials(partials, "answer"), "task": merge_answers_task(question)})
    return to_request(value, partials=tuple(partials), question=one_line(question), **options)
