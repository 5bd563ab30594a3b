"""The thank-you draft: the top points of the conversation, picked from notes and reflection.

``thank_you_points`` is pure. ``draft_thank_you`` fills the student's thank-you template
(their own copy, else the built-in) with them through the outreach merge fields, and saves
the draft as an outreach message linked to the interview.
"""

import re

from django.db import transaction

# Reflection answers that make a good "what stayed with me", most telling first.
TAKEAWAY_SOURCES = ("advice", "learned", "surprised")


# Words that begin a phrase which then reads mid-sentence ("…most is how …",
# "I plan to apply …"). Names and other capitalised words are left alone.
LOWER_STARTERS = frozenset(
    re.findall(
        r"\w+",
        """
        a an the that how what why when where which to it its your you their they
        getting learning talking asking apply read ask talk book email write look contact
        research shadow see visit join sign meet call find update follow learn take try
        start reach schedule register prepare practice practise go make build keep
        """,
    )
)


def _first_sentence(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        return ""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!? ")
    first, _, rest = sentence.partition(" ")
    if first.lower() in LOWER_STARTERS:
        # It goes mid-sentence in the template: "What stayed with me most is how …".
        sentence = " ".join(filter(None, [first.lower(), rest]))
    return sentence


def thank_you_points(
    reflection: dict, question_notes: list[str], free_notes: str, todos: list[str]
):
    """(takeaway, next step) as phrases; blank where there is nothing to go on."""
    takeaway = ""
    advice = " ".join(reflection.get("advice", "").split())
    if advice:
        # Their words, quoted: advice is often an order ("Talk to more people").
        sentence = re.split(r"(?<=[.!?])\s", advice, maxsplit=1)[0].rstrip(".!? ")
        takeaway = f"your advice: “{sentence}”"
    for key in TAKEAWAY_SOURCES[1:]:
        if takeaway:
            break
        takeaway = _first_sentence(reflection.get(key, ""))
    if not takeaway:
        for notes in [*question_notes, free_notes]:
            takeaway = _first_sentence(notes)
            if takeaway:
                break
    next_step = _first_sentence(todos[0]) if todos else ""
    return takeaway, next_step


@transaction.atomic
def draft_thank_you(interview):
    """Create (and return) a draft thank-you message for ``interview``."""
    from coffeechat.accounts.models import Profile
    from coffeechat.outreach.drafting import draft_from, find_template, merge_values
    from coffeechat.outreach.models import Message

    owner = interview.owner
    template = find_template(owner, "thank-you")
    notes = [q.notes for q in interview.questions.order_by("position", "id")]
    todos = [t.text for t in interview.todos.filter(done_at__isnull=True).order_by("id")]
    takeaway, next_step = thank_you_points(
        interview.reflection or {}, notes, interview.free_notes, todos
    )
    values = merge_values(Profile.for_user(owner), interview.contact, interview=interview)
    values.update(takeaway=takeaway, next_step=next_step)
    draft = draft_from(template, values)
    message = Message.objects.create(
        owner=owner,
        contact=interview.contact,
        interview=interview,
        channel=template.channel,
        kind="thank-you",
        subject=draft.subject,
        body=draft.body,
        template_key=template.key,
    )
    interview.log("message", "Drafted the thank-you")
    return message
