"""From a contact and a template to a draft: which templates a user has, and the values
that fill them (from the profile, the contact, their organization and the interview)."""

from dataclasses import dataclass

from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.outreach.merge import fill, without_empty_sentences
from coffeechat.outreach.models import Channel, Kind, MessageTemplate
from coffeechat.outreach.templates_builtin import BUILTINS, BY_KEY
from coffeechat.outreach.wording import as_phrase, keep_salutation, mid_sentence

CUSTOM_PREFIX = "mine-"


@dataclass(frozen=True)
class TemplateChoice:
    key: str  # a built-in's key, or "mine-<id>" for the user's own template
    name: str
    kind: str
    channel: str
    subject: str
    body: str
    when: str = ""
    builtin: bool = False
    edited: bool = False  # a built-in the user changed for themselves
    pk: int | None = None  # the user's own template's id

    @property
    def kind_label(self):
        return Kind(self.kind).label

    @property
    def channel_label(self):
        return Channel(self.channel).label


def available_templates(user) -> list[TemplateChoice]:
    """Built-ins (the user's edited copy where there is one), then the user's own."""
    mine = list(MessageTemplate.objects.owned_by(user))
    copies = {t.builtin_key: t for t in mine if t.builtin_key}
    choices = []
    for builtin in BUILTINS:
        copy = copies.get(builtin.key)
        source = copy or builtin
        choices.append(
            TemplateChoice(
                key=builtin.key,
                name=source.name,
                kind=source.kind,
                channel=source.channel,
                subject=source.subject,
                body=source.body,
                when=builtin.when,
                builtin=True,
                edited=copy is not None,
            )
        )
    for template in mine:
        if not template.builtin_key:
            choices.append(
                TemplateChoice(
                    key=f"{CUSTOM_PREFIX}{template.pk}",
                    name=template.name,
                    kind=template.kind,
                    channel=template.channel,
                    subject=template.subject,
                    body=template.body,
                    pk=template.pk,
                )
            )
    return choices


def find_template(user, key: str) -> TemplateChoice | None:
    return next((t for t in available_templates(user) if t.key == key), None)


def suggested_template_key(contact, *, follow_up_to=None, interview=None) -> str:
    """The built-in most likely to fit, so a draft appears without choosing."""
    if follow_up_to is not None:
        return "follow-up"
    stage = getattr(interview, "stage", "")
    if stage == "done":
        return "thank-you"
    if stage in ("thanked", "keeping-in-touch"):
        return "keep-in-touch"
    if contact.referred_by_id or contact.source == "referral":
        return "referred-request"
    if contact.source == "faculty":
        return "faculty-request"
    if not contact.emails and contact.linkedin_url:
        return "linkedin-note"
    return "alum-request"


def first_line(text: str) -> str:
    return next((line.strip() for line in (text or "").splitlines() if line.strip()), "")


def merge_values(
    profile: Profile,
    contact,
    *,
    interview=None,
    follow_up_to=None,
    their_work: str = "",
    what_i_hope_to_learn: str = "",
    their_field: str = "",
) -> dict[str, str]:
    """Every merge field coffeechat can fill for this contact; blanks stay placeholders.

    Values that sit inside a sentence read as they would there ("a chemistry student",
    "your way into finance"); a research note goes in only if it reads as a phrase."""
    organization = contact.organization
    name = profile.name.strip()
    values = {
        "their_first_name": contact.first_name,
        "their_last_name": contact.last_name,
        "their_full_name": contact.full_name if (contact.first_name or contact.last_name) else "",
        "their_title": contact.title,
        "their_organization": organization.name if organization else "",
        "their_field": mid_sentence(their_field or contact.field),
        "their_work": their_work or as_phrase(contact.research_notes),
        "referred_by": contact.referred_by.full_name if contact.referred_by_id else "",
        "my_name": name,
        "my_first_name": name.split()[0] if name else "",
        "my_school": profile.school,
        "my_class_year": str(profile.class_year) if profile.class_year else "",
        "my_major": mid_sentence(profile.major),
        "my_interests": " ".join(profile.interests.split()),
        "what_i_hope_to_learn": what_i_hope_to_learn,
        "my_availability": " ".join(profile.availability.split()),
        "my_signature": profile.signature.strip() or name,
    }
    if interview is not None:
        goal = first_line(getattr(interview, "goal_learn", ""))
        values["what_i_hope_to_learn"] = values["what_i_hope_to_learn"] or goal
        start = getattr(interview, "local_start", None)
        if start is not None:
            values["meeting_date"] = start.strftime("%A %-d %B")
            values["meeting_time"] = start.strftime("%-I:%M %p").lower()
    if not values["what_i_hope_to_learn"] and values["their_field"]:
        values["what_i_hope_to_learn"] = f"how you found your way into {values['their_field']}"
    if follow_up_to is not None:
        values["last_subject"] = follow_up_to.subject
        if follow_up_to.sent_at:
            values["last_sent_date"] = timezone.localtime(follow_up_to.sent_at).strftime("%-d %B")
    return values


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    unfilled: list[str]


def draft_from(template: TemplateChoice, values: dict[str, str], *, follows: str = "") -> Draft:
    """The template filled in; ``follows`` is the body of the message this one follows up,
    whose greeting it keeps."""
    subject, unfilled_subject = fill(template.subject, values)
    body, unfilled_body = without_empty_sentences(*fill(template.body, values))
    if follows:
        body = keep_salutation(body, follows)
    unfilled = list(dict.fromkeys(unfilled_subject + unfilled_body))
    if template.channel == Channel.LINKEDIN:
        subject = ""
    return Draft(subject=subject.strip(), body=body.strip(), unfilled=unfilled)


def template_from_builtin(key: str) -> TemplateChoice:
    builtin = BY_KEY[key]
    return TemplateChoice(
        key=builtin.key,
        name=builtin.name,
        kind=builtin.kind,
        channel=builtin.channel,
        subject=builtin.subject,
        body=builtin.body,
        when=builtin.when,
        builtin=True,
    )
