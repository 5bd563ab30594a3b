"""The agenda provider for outreach: follow-ups due, 3B7's second person, and letting go.

Computed from the messages on every call (no cron job), in three queries whatever the
number of messages: the profile, the open requests with their follow-ups (on the home
page, only those that can come first: ``heads``), and the people who could be suggested
instead (``people``).
"""

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import OuterRef, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact
from coffeechat.due import DueItem, DueKind, firsts, priority
from coffeechat.links import url_pattern
from coffeechat.outreach import heads
from coffeechat.outreach.followup import (
    FOLLOW_UP,
    SECOND_CONTACT,
    TRY_SOMEONE_ELSE,
    WAIT,
    Thread,
    follow_up_due,
    next_steps,
)
from coffeechat.outreach.models import Kind, Message
from coffeechat.outreach.people import people_to_suggest
from coffeechat.zones import zone_named

State = Message.State


def follow_up_items(
    user, today: datetime.date, until: datetime.date | None = None, first: int | None = None
) -> list[DueItem]:
    """The steps due by ``today``; with ``until``, also those that fall due by then if no
    answer comes (the same rule, ``next_steps``, read on that day), worded as such."""
    last_day = max(until or today, today)
    profile = Profile.for_user(user)
    tz = zone_named(profile.time_zone)
    wait_days, use_3b7 = profile.follow_up_after_days, profile.use_3b7

    # The open requests (through the message_open index), each with what its follow-ups
    # say. Plain values, not model instances: a busy account has hundreds of these open.
    open_requests = Message.objects.filter(
        owner=user, kind=Kind.REQUEST, state=State.SENT, no_reply_at=None
    )
    if first is not None:
        # Asked for the first few (the home page): only the requests that can be among
        # them, twice as many as below, rather than every request still waiting.
        sql, params = heads.ranges_sql(
            connections[open_requests.db],
            user,
            today,
            last_day,
            tz,
            wait_days=wait_days,
            use_3b7=use_3b7,
            first=2 * first,
        )
        open_requests = open_requests.filter(pk__in=RawSQL(sql, params))
    rows = (
        _with_follow_ups(open_requests)
        .annotate(field_key=Lower("contact__field"))
        .order_by("sent_at", "id")
        .values_list(
            "id",
            "sent_at",
            "followed_up_at",
            "answered",
            "contact_id",
            "contact__first_name",
            "contact__last_name",
            "contact__organization_id",
            "contact__organization__name",
            "field_key",
        )
    )
    steps = []  # (row, step)
    for row in rows:
        _pk, sent_at, followed_up_at, answered, *_rest = row
        thread = Thread(
            request_sent_on=_local_date(sent_at, tz),
            follow_up_sent_on=_local_date(followed_up_at, tz) if followed_up_at else None,
            replied=answered is not None,
        )
        for step in next_steps(thread, last_day, wait_days=wait_days, use_3b7=use_3b7):
            steps.append((row, step))
    # Asked for the first few of each part, only those are looked up and built: twice as
    # many, as a second person may turn out to be missing (then the step is no item).
    pending = [
        (_Request(pk, sent_at, field_key, _Contact(*contact)), step)
        for (pk, sent_at, _followed, _answered, *contact, field_key), step in firsts(
            steps, lambda pair: pair[1].due, today, first and 2 * first
        )
    ]

    others = _People(
        people_to_suggest(
            user,
            [r for r, step in pending if step.kind != FOLLOW_UP],
            colleagues_of=[r for r, step in pending if step.kind == SECOND_CONTACT],
            fields_for=[r for r, step in pending if step.kind == TRY_SOMEONE_ELSE],
        )
    )
    # Route patterns, so a long list costs two ``reverse()`` calls rather than one per item.
    compose = reverse("outreach:compose")
    message_url = url_pattern("outreach:message")

    items = []
    for request, step in pending:
        contact = request.contact
        since = _short_date(_local_date(request.sent_at, tz), today)
        ahead = step.due > today  # not due yet: it will be if no answer comes by then
        if step.kind == FOLLOW_UP:
            if ahead:
                title = (
                    f"Follow up with {contact.full_name} if they haven't answered by then "
                    f"(asked {since})"
                )
            else:
                title = f"Follow up with {contact.full_name} (no reply since {since})"
            url = f"{compose}?follow_up_to={request.pk}"
        elif step.kind == SECOND_CONTACT:
            second = _second_person(request, others)
            if second is None:
                continue
            if ahead:
                title = (
                    f"Write to a second person at {contact.organization.name}, "
                    f"{_name(second)}, if {contact.full_name} hasn't answered by then "
                    f"(asked {since})"
                )
            else:
                title = (
                    f"Write to a second person at {contact.organization.name}: "
                    f"{_name(second)} (no reply from {contact.full_name} since {since})"
                )
            url = f"{compose}?contact={second['id']}"
        else:
            someone = _someone_else(request, others)
            if someone is None:
                move = "let it go and try someone else"
            else:
                where = (
                    f"at {contact.organization.name}"
                    if contact.organization_id
                    and someone["organization_id"] == contact.organization_id
                    else f"in {someone['field']}"
                )
                move = f"try {_name(someone)} {where}"
            if ahead:
                title = f"If {contact.full_name} hasn't answered your follow-up by then, {move}"
            else:
                title = f"No reply from {contact.full_name} after your follow-up: {move}"
            url = message_url.format(request.pk)
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


@dataclass(frozen=True, slots=True)
class RequestStatus:
    """Where one unanswered request stands on ``today``: the step due (``follow-up``,
    ``second-contact`` or ``try-someone-else``) and since when, or ``wait`` and the day the
    next one falls due."""

    kind: str
    day: datetime.date
    followed_up: bool
    follow_up_on: datetime.date | None = None  # while no follow-up has gone: when it's due


def _with_follow_ups(requests):
    """``requests`` annotated with what their follow-ups say, through the follow_up_to
    index: when the first went out (``followed_up_at``) and the id of one that was answered
    (``answered``, None if none was). Scalar subqueries rather than EXISTS: PostgreSQL
    turned EXISTS into a scan of every answered message."""
    follow_ups = Message.objects.filter(follow_up_to=OuterRef("pk")).exclude(state=State.DRAFT)
    return requests.annotate(
        followed_up_at=Subquery(
            follow_ups.filter(sent_at__isnull=False).order_by("sent_at").values("sent_at")[:1]
        ),
        answered=Subquery(follow_ups.filter(state=State.REPLIED).values("pk")[:1]),
    )


def request_status(request: Message, today: datetime.date) -> RequestStatus | None:
    """The same rules as the agenda, for one request (a conversation's page); None once
    it was answered or let go, or if it was never sent."""
    if request.state != State.SENT or request.no_reply_at or request.sent_at is None:
        return None
    profile = Profile.for_user(request.owner)
    tz = zone_named(profile.time_zone)
    wait_days, use_3b7 = profile.follow_up_after_days, profile.use_3b7
    followed_up_at, answered = (
        _with_follow_ups(Message.objects.filter(pk=request.pk))
        .values_list("followed_up_at", "answered")
        .get()
    )
    if answered is not None:
        return None
    followed_up = followed_up_at is not None
    thread = Thread(
        request_sent_on=_local_date(request.sent_at, tz),
        follow_up_sent_on=_local_date(followed_up_at, tz) if followed_up else None,
    )
    follow_up_on = (
        None
        if followed_up
        else follow_up_due(thread.request_sent_on, wait_days=wait_days, use_3b7=use_3b7)
    )
    steps = next_steps(thread, today, wait_days=wait_days, use_3b7=use_3b7)
    if steps:
        # Following up comes before 3B7's second person when both are due.
        step = min(steps, key=lambda s: priority(s.kind))
        return RequestStatus(step.kind, step.due, followed_up, follow_up_on)
    waited_from = thread.follow_up_sent_on or thread.request_sent_on
    due = follow_up_due(waited_from, wait_days=wait_days, use_3b7=use_3b7)
    return RequestStatus(WAIT, due, followed_up, follow_up_on)


def suggestions_for(request: Message) -> list[dict]:
    """People to try instead of the contact of ``request``: same organization, then field."""
    request = Message.objects.annotate(field_key=Lower("contact__field")).get(pk=request.pk)
    others = people_to_suggest(request.owner, [request], first=5)
    fresh = [o for o in others if o["id"] != request.contact_id and o["last_written"] is None]
    org = request.contact.organization_id
    same_org = [o for o in fresh if org and o["organization_id"] == org]
    same_field = [o for o in fresh if request.field_key and o["field_key"] == request.field_key]
    return (same_org + [o for o in same_field if o not in same_org])[:5]


@dataclass(slots=True)
class _Contact:
    """What the agenda reads of a contact, from a row of values."""

    pk: int
    first_name: str
    last_name: str
    organization_id: int | None
    organization_name: str | None

    full_name = property(Contact.full_name.fget)  # the same rule as Contact's

    @property
    def organization(self):
        return _Organization(self.organization_name) if self.organization_id else None


@dataclass(slots=True)
class _Organization:
    name: str


@dataclass(slots=True)
class _Request:
    """An open request, as the agenda needs it: cheaper to build than a Message."""

    pk: int
    sent_at: datetime.datetime
    field_key: str | None
    contact: _Contact

    @property
    def contact_id(self):
        return self.contact.pk


class _People:
    """The rows of ``people_to_suggest`` grouped once by organization and by field, so
    each request looks at its own organization's people, not at every contact (with many
    requests open, scanning the whole list per request took seconds)."""

    def __init__(self, rows):
        self.by_organization: dict[int, list[dict]] = {}
        self.fresh_by_field: dict[str, list[dict]] = {}
        for row in rows:  # already in the suggestion order
            if row["organization_id"]:
                self.by_organization.setdefault(row["organization_id"], []).append(row)
            if row["last_written"] is None and row["field_key"]:
                self.fresh_by_field.setdefault(row["field_key"], []).append(row)


def _second_person(request, people: _People):
    """Someone else at the same organization not yet written to, unless one already was."""
    org = request.contact.organization_id
    if not org:
        return None
    colleagues = [o for o in people.by_organization.get(org, ()) if o["id"] != request.contact_id]
    if any(o["last_written"] and o["last_written"] >= request.sent_at for o in colleagues):
        return None  # The student already wrote to a second person.
    return next((o for o in colleagues if o["last_written"] is None), None)


def _someone_else(request, people: _People):
    contact_id = request.contact_id
    org = request.contact.organization_id
    if org:
        for other in people.by_organization.get(org, ()):
            if other["last_written"] is None and other["id"] != contact_id:
                return other
    if request.field_key:
        for other in people.fresh_by_field.get(request.field_key, ()):
            if other["id"] != contact_id:
                return other
    return None


def _name(row) -> str:
    return " ".join(part for part in (row["first_name"], row["last_name"]) if part) or "(no name)"


def _local_date(moment: datetime.datetime, tz) -> datetime.date:
    return timezone.localtime(moment, tz).date()


def _short_date(day: datetime.date, today: datetime.date) -> str:
    return day.strftime("%-d %b" if day.year == today.year else "%-d %b %Y")


KINDS = [
    DueKind(FOLLOW_UP, "Follow-up", 40),
    DueKind(SECOND_CONTACT, "Second person (3B7)", 45),
    DueKind(TRY_SOMEONE_ELSE, "Someone else", 50),
]
PROVIDERS = [follow_up_items]
