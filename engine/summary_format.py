"""The summary format every engine writes: sections of statements, each citing passage ids.

The one owner of the sections and their order, the "not documented" marker, the JSON schema and
the Markdown form. It lives with the engines because the extractive backend writes it itself; the
app asks an LLM for the same shape (as JSON through structured output where the engine has it,
else as the Markdown form below), parses either, and imports what it needs from here. The passage
ids cited are the record format's (ingestion/record_format.py); a test keeps the schema's id
pattern in step with it, since engine and ingestion import neither each other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SECTIONS = (
    "Patient overview",
    "Problems and diagnoses",
    "Medications with changes",
    "Allergies",
    "Procedures",
    "Key results",
    "Hospital course",
    "Plan and follow-up",
    "Open questions",
)

ANSWER = "Answer"  # the one section of an answer to a question
NOT_DOCUMENTED = "Not documented in the record."  # a section's one statement when the record says nothing
STATEMENT_MAX_CHARS = 600  # a sentence-sized passage is at most 600 characters, too
CITATION_PATTERN = r"^P[1-9][0-9]*$"  # a cited passage id, as the schema constrains it


class Statement(BaseModel):
    # No extra keys: a constrained decoder must not let a model invent fields.
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="One clinical statement, without the citation markers.")
    citations: list[str] = Field(description='Passage ids that support it, like "P12".')


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    statements: list[Statement]


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sections: list[Section]

    def markdown(self) -> str:
        """The text form: "## Title" and "- statement [P1] [P2]" lines."""
        lines = []
        for section in self.sections:
            lines.append(f"## {section.title}")
            for s in section.statements:
                cites = " ".join(f"[{c}]" for c in s.citations)
                lines.append(f"- {s.text} {cites}".rstrip())
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def json_schema() -> dict:
    """The schema a constrained decoder writes under: stricter than the models above, which must
    also hold what a parser recovers from a reply (even an empty one). A decoder is made to write
    at least one section and one statement per section (NOT_DOCUMENTED where
    there is nothing), sections by their titles, passage ids as ids, and statements of bounded
    length, so a degenerate model cannot loop inside one string until it runs out of tokens."""
    schema = Summary.model_json_schema()
    schema["properties"]["sections"]["minItems"] = 1
    schema["$defs"]["Section"]["properties"]["statements"]["minItems"] = 1
    schema["$defs"]["Section"]["properties"]["title"]["enum"] = [*SECTIONS, ANSWER]
    schema["$defs"]["Statement"]["properties"]["text"]["maxLength"] = STATEMENT_MAX_CHARS
    schema["$defs"]["Statement"]["properties"]["citations"]["items"]["pattern"] = CITATION_PATTERN
    return schema

