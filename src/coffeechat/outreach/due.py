"""The agenda provider for outreach: follow-ups due, 3B7's second person, and letting go.

Computed from the messages on every call (no cron job), in three queries whatever the
number of messages: the profile, the open requests with their follow-ups, and the people
who could be suggested instead.
"""

import datetime
import zoneinfo

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.agenda.items import DueItem
from coffeechat.contacts.models import Contact
from coffeechat.outreach.followup import Thread, next_steps
from coffeechat.outreach.models import Kind, Message

State = Message.State


def follow_up_items(user, today: datetime.date) -> list[DueItem]:
    profile = Profile.for_user(user)
    tz = _zone(profile.time_zone)
    wait_days, use_3b7 = profile.follow_up_after_days, profile.use_3b7

    rows = (
        Message.objects.filter(owner=user)
        .filter(
            Q(kind=Kind.REQUEST, state=State.SENT, no_reply_at=None)
            | (
                Q(follow_up_to__kind=Kind.REQUEST)
                & Q(follow_up_to__state=State.SENT, follow_up_to__no_reply_at=None)
                & ~Q(state=State.DRAFT)
            )
        )
        .select_related("contact__organization")
        .annotate(field_key=Lower("contact__field"))
        .only(
            "kind",
            "state",
            "sent_at",
            "follow_up_to_id",
            "contact__first_name",
            "contact__last_name",
            "contact__field",
            "contact__organization__name",
        )
        .order_by("sent_at", "id")
    )
    requests: dict[int, Message] = {}
    follow_ups: dict[int, list[Message]] = {}
    for message in rows:
        if message.follow_up_to_id:
            follow_ups.setdefault(message.follow_up_to_id, []).append(message)
        else:
            requests[message.pk] = message

    pending = []  # (request, step)
    for request in requests.values():
        answers = follow_ups.get(request.pk, [])
        thread = Thread(
            request_sent_on=_local_date(request.sent_at, tz),
            follow_up_sent_on=_local_date(answers[0].sent_at, tz) if answers else None,
            replied=any(m.state == State.REPLIED for m in answers),
        )
        for step in next_steps(thread, today, wait_days=wait_days, use_3b7=use_3b7):
            pending.append((request, step))

    others = _people_to_suggest(user, [r.pk for r, step in pending if step.kind != "follow-up"])

    items = []
    for request, step in pending:
        contact = request.contact
        since = _short_date(_local_date(request.sent_at, tz), today)
        if step.kind == "follow-up":
            title = f"Follow up with {contact.full_name} (no reply since {since})"
            url = reverse("outreach:compose") + f"?follow_up_to={request.pk}"
        elif step.kind == "second-contact":
            second = _second_person(request, others)
            if second is None:
                continue
            title = (
                f"Write to a second person at {contact.organization.name}: "
                f"{_name(second)} (no reply from {contact.full_name} since {since})"
            )
            url = reverse("outreach:compose") + f"?contact={second['id']}"
        else:
            someone = _someone_else(request, others)
            if someone is None:
                title = (
                    f"No reply from {contact.full_name} after your follow-up: "
                    "let it go and try someone else"
                )
            else:
                where = (
                    f"at {contact.organization.name}"
                    if contact.organization_id
                    and someone["organization_id"] == contact.organization_id
                    else f"in {someone['field']}"
                )
                title = (
                    f"No reply from {contact.full_name} after your follow-up: "
                    f"try {_name(someone)} {where}"
                )
            url = request.get_absolute_url()
        items.append(
            DueItem(
                kind=step.kind,
                contact_id=contact.pk,
                contact=contact.full_name,
                due=step.due,
                title=title,
                url=url,
            )
        )
    return items


def suggestions_for(request: Message) -> list[dict]:
    """People to try instead of the contact of ``request``: same organization, then field."""
    request = Message.objects.annotate(field_key=Lower("contact__field")).get(pk=request.pk)
    others = _people_to_suggest(request.owner, [request.pk])
    fresh = [o for o in others if o["id"] != request.contact_id and o["last_written"] is None]
    org = request.contact.organization_id
    same_org = [o for o in fresh if org and o["organization_id"] == org]
    same_field = [o for o in fresh if request.field_key and o["field_key"] == request.field_key]
    return (same_org + [o for o in same_field if o not in same_org])[:5]


def _people_to_suggest(user, request_ids) -> list[dict]:
    """Contacts sharing an organization or a field with these requests' contacts."""
    # The [0] keeps the query running (0 is never an id) even with nothing to look up, so
    # the number of queries a page makes never depends on the data.
    requests = Message.objects.filter(pk__in=request_ids or [0])
    organizations = requests.values("contact__organization_id")
    fields = requests.exclude(contact__field="").annotate(key=Lower("contact__field"))
    last_written = (
        Message.objects.filter(contact=OuterRef("pk")).order_by("-created_at").values("created_at")
    )
    return list(
        Contact.objects.filter(owner=user)
        .annotate(field_key=Lower("field"), last_written=Subquery(last_written[:1]))
        .filter(Q(organization_id__in=organizations) | Q(field_key__in=fields.values("key")))
        .order_by(Lower("last_name"), Lower("first_name"), "id")
        .values(
            "id",
            "first_name",
            "last_name",
            "organization_id",
            "field",
            "field_key",
            "last_written",
        )
    )


def _second_person(request, others):
    """Someone else at the same organization not yet written to, unless one already was."""
    org = request.contact.organization_id
    if not org:
        return None
    colleagues = [
        o for o in others if o["organization_id"] == org and o["id"] != request.contact_id
    ]
    if any(o["last_written"] and o["last_written"] >= request.sent_at for o in colleagues):
        return None  # The student already wrote to a second person.
    return next((o for o in colleagues if o["last_written"] is None), None)


def _someone_else(request, others):
    contact = request.contact
    fresh = [o for o in others if o["id"] != contact.pk and o["last_written"] is None]
    if contact.organization_id:
        for other in fresh:
            if other["organization_id"] == contact.organization_id:
                return other
    if request.field_key:
        for other in fresh:
            if other["field_key"] == request.field_key:
                return other
    return None


def _name(row) -> str:
    return " ".join(part for part in (row["first_name"], row["last_name"]) if part) or "(no name)"


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


def _local_date(moment: datetime.datetime, tz) -> datetime.date:
    return timezone.localtime(moment, tz).date()


def _short_date(day: datetime.date, today: datetime.date) -> str:
    return day.strftime("%-d %b" if day.year == today.year else "%-d %b %Y")
