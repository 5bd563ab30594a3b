"""Merge fields: ``{{ their_first_name }}`` in a template becomes "Ada" in the draft.

Pure: a template's text and a dict of values in, the filled text out. A field with no
value stays in the text exactly as written, so the message checker's placeholder rule
points at it and the student fills it in by hand before sending.
"""

import re
from dataclasses import dataclass

from coffeechat.outreach.wording import article_for

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# "a {{ my_major }}": the article is chosen for the value that fills the field.
_ARTICLE = re.compile(r"\b([Aa])n? (?=\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\})")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    source: str


# The documented list, in the order the template editor shows it.
FIELDS: tuple[Field, ...] = (
    Field("their_first_name", "Their first name", "contact"),
    Field("their_last_name", "Their last name", "contact"),
    Field("their_full_name", "Their full name", "contact"),
    Field("their_title", "Their title or position", "contact"),
    Field("their_organization", "Their organization", "contact's organization"),
    Field("their_field", "Their field or industry", "contact"),
    Field(
        "their_work",
        'A detail about their work, as a phrase ("your research on sodium batteries")',
        "the draft form; first line of the contact's research notes",
    ),
    Field("referred_by", "Who referred you to them", "contact's 'referred by'"),
    Field("my_name", "Your name", "profile"),
    Field("my_first_name", "Your first name", "profile"),
    Field("my_school", "Your school", "profile"),
    Field("my_class_year", "Your class year", "profile"),
    Field("my_major", "Your major", "profile"),
    Field("my_interests", "Careers or fields you are exploring", "profile"),
    Field(
        "what_i_hope_to_learn",
        'What you hope to learn from them, as a phrase ("how you moved into consulting")',
        "the draft form; the interview's goal; else how they got into their field",
    ),
    Field("my_availability", "When you are free to talk", "profile"),
    Field("my_signature", "How you sign off (your name if blank)", "profile"),
    Field("last_subject", "Subject of the message you are following up", "earlier message"),
    Field("last_sent_date", 'When you sent that message ("3 November")', "earlier message"),
    Field("meeting_date", 'The day you meet ("Tuesday 4 November")', "interview"),
    Field("meeting_time", 'The time you meet ("2:30 pm")', "interview"),
    Field(
        "takeaway",
        "Something you took away from the conversation",
        "your reflection or notes; else you type it",
    ),
    Field(
        "next_step", "What you will do next because of it", "your first next step; else you type it"
    ),
    Field("update", "What has happened since you spoke", "you type it"),
    Field("arrival_time", "When you expect to arrive", "you type it"),
)

FIELD_NAMES = frozenset(field.name for field in FIELDS)
# Fields whose whole sentence can go when there is nothing to fill them with: a thank-you
# with no next step yet reads well without "I plan to …", and would not with a blank.
SENTENCE_FIELDS = frozenset({"next_step"})


def without_empty_sentences(text: str, unfilled: list[str]) -> tuple[str, list[str]]:
    """``text`` without the sentences of its unfilled SENTENCE_FIELDS, and what is still
    unfilled."""
    for name in unfilled:
        if name in SENTENCE_FIELDS:
            sentence = re.compile(
                r"[ \t]*[^.!?\n]*\{\{\s*" + re.escape(name) + r"\s*\}\}[^.!?\n]*[.!?]?"
            )
            text = sentence.sub("", text)
    return text, [name for name in unfilled if name not in SENTENCE_FIELDS]


def placeholders(text: str) -> list[str]:
    """The field names ``text`` uses, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(text or ""):
        seen.setdefault(match.group(1), None)
    return list(seen)


def unknown_fields(text: str) -> list[str]:
    """Placeholders that are not merge fields coffeechat knows (usually a typo)."""
    return [name for name in placeholders(text) if name not in FIELD_NAMES]


def fill(template_text: str, context: dict[str, object]) -> tuple[str, list[str]]:
    """Replace every placeholder that has a non-blank value; return the text and the rest."""
    unfilled: dict[str, None] = {}

    def agree(match: re.Match) -> str:
        value = context.get(match.group(2))
        text = "" if value is None else str(value).strip()
        if not text:
            return match.group(0)
        article = article_for(text)
        return (article.capitalize() if match.group(1) == "A" else article) + " "

    template_text = _ARTICLE.sub(agree, template_text or "")

    def replace(match: re.Match) -> str:
        name = match.group(1)
        value = context.get(name)
        text = "" if value is None else str(value).strip()
        if not text:
            unfilled.setdefault(name, None)
            return match.group(0)
        return text

    return PLACEHOLDER.sub(replace, template_text or ""), list(unfilled)
