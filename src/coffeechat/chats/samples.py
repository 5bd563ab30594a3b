"""Sample messages by topic: a start the student makes their own.

Each is filled from what the student told coffeechat (their profile) and what they may
see of the volunteer; one bracketed blank is left on purpose, for the detail only the
student can write. The checker counts an unfilled blank as an error, so the sample can't
be sent as it stands. Every sentence here is coffeechat's own.
"""

from django.db import models


class Topic(models.TextChoices):
    FIELD = "field", "Exploring a field"
    ROLE = "role", "A specific role"
    GRADUATE_SCHOOL = "graduate-school", "Graduate school"
    CHANGING_FIELDS = "changing-fields", "Changing fields"
    REFERRAL = "referral", "Someone suggested I ask you"


_OPENINGS = {
    Topic.FIELD: (
        "I'm starting to explore {their_field} and would value hearing how someone inside it "
        "sees the work. {why_you} In particular I'm curious about [your question about "
        "the field]."
    ),
    Topic.ROLE: (
        "I'm trying to understand what a {their_role} does day to day, and what it took to "
        "get there. {why_you} I'd especially like to ask about [your question about "
        "the role]."
    ),
    Topic.GRADUATE_SCHOOL: (
        "I'm weighing whether graduate school makes sense for me, and I'd be grateful for "
        "the view of someone who has been through that decision. {why_you} I keep coming "
        "back to [your question about graduate school]."
    ),
    Topic.CHANGING_FIELDS: (
        "I'm thinking about moving from {my_major} toward {their_field}, and your path "
        "looks like one that made a similar turn. {why_you} What I'd most like to "
        "understand is [your question about your change]."
    ),
    Topic.REFERRAL: (
        "[Name of who suggested you] suggested I get in touch with you. {why_you} "
        "I'd love to hear how you found your way into {their_field}."
    ),
}

_CLOSING = (
    "Would you have 20 minutes for a conversation in the next couple of weeks? I've "
    "suggested a few times below, and I'm glad to fit around yours instead.\n\n"
    "Thank you for considering it,\n{me}"
)


def sample_message(topic: str, *, student_profile, volunteer, shown: set[str]) -> str:
    """The sample for ``topic`` (a Topic value), filled in for this student and volunteer."""
    try:
        opening = _OPENINGS[Topic(topic)]
    except ValueError:
        opening = _OPENINGS[Topic.FIELD]
    title = volunteer.title if "title" in shown else ""
    organization = volunteer.organization if "organization" in shown else ""
    industries = volunteer.values("industries") if "industries" in shown else []
    their_field = (industries[0] if industries else "") or "your field"
    their_role = title or "person in your role"
    if title and organization:
        why_you = (
            f"Your work as {title} at {organization} is exactly the kind I hope to learn about."
        )
    elif title or organization:
        why_you = f"Your work{' as ' + title if title else ' at ' + organization} caught my eye."
    else:
        why_you = "Your profile in our school's network caught my eye."
    me = student_profile.display_name
    about_me = f"I'm {me}"
    if student_profile.major and student_profile.school:
        about_me += f", studying {student_profile.major} at {student_profile.school}"
    elif student_profile.school:
        about_me += f", a student at {student_profile.school}"
    first = volunteer.name.split(" ")[0] if volunteer.name else ""
    values = {
        "their_field": their_field,
        "their_role": their_role,
        "why_you": why_you,
        "my_major": student_profile.major or "what I studied",
        "me": me,
    }
    body = opening.format(**values)
    return f"Dear {first},\n\n{about_me}. {body}\n\n{_CLOSING.format(**values)}"
