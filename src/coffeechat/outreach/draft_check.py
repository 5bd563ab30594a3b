"""Running the message checker on a draft, with what coffeechat knows about the people in it.

The checker itself (``coffeechat.outreach.checker``) is pure; this module only gathers its
inputs: the student's own dictionary, LinkedIn Premium, and the names of everyone involved
so they are never flagged as misspellings.
"""

from coffeechat.accounts.models import Profile
from coffeechat.outreach.checker import check_message


def names_for(profile: Profile, contact=None) -> list[str]:
    names = [profile.name, profile.school, profile.major]
    if contact is not None:
        names += [contact.first_name, contact.last_name, contact.title, contact.field]
        if contact.organization_id:
            names.append(contact.organization.name)
        if contact.referred_by_id:
            names.append(contact.referred_by.full_name)
    return [name for name in names if name]


def check_draft(profile: Profile, *, contact=None, channel, kind, subject, body):
    return check_message(
        body or "",
        channel=channel,
        kind=kind,
        subject=subject if channel == "email" else None,
        premium=profile.linkedin_premium,
        known_words=tuple(profile.dictionary_words),
        names=tuple(names_for(profile, contact)),
    )


def check_saved(profile: Profile, message):
    """The checker's report on a saved message, as it would go out."""
    return check_draft(
        profile,
        contact=message.contact,
        channel=message.channel,
        kind=message.kind,
        subject=message.subject,
        body=message.body,
    )


def blocked_text(report) -> str:
    """Why a draft with errors isn't sent unless the student says "send anyway"."""
    count = len(report.by_severity("error"))
    return (
        f"Not sent: the checker found {count} problem{'s' if count != 1 else ''} to fix. "
        "Fix the draft, or choose “Send anyway” on its page if you are sure."
    )
