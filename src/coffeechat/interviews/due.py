"""Agenda providers for interviews: computed from the data on every call.

Each provider runs a fixed number of queries (one, plus the user's profile once) whatever
the number of contacts, interviews or messages. Rules, in the user's own time zone:

- meeting: a scheduled meeting today or in the next six days, or up to ``until`` when
  asked for what is ahead (a timed item).
- prepare: a scheduled meeting that hasn't started, on today or within the next two
  calendar days, whose preparation isn't done (goals plus ``PREPARED_MIN_QUESTIONS``
  questions, or the whole checklist ticked). Due today.
- reflect: a meeting that has ended with no reflection written. Due the day it ended.
- thank-you: from the meeting's end until the interview is thanked. Due on the day
  24 hours after the end; overdue once those 24 hours have passed.
- todo: an open next step due on or before today (or ``until``); one without a date is
  due today.
- planned: a conversation planned and not yet asked for. It waits on the student with no
  date of its own, so it is given only when asked for what is ahead, dated the day it
  was planned.

Which interviews are due to be prepared, reflected on or thanked is the rule beside the
model (``to_prepare``, ``to_reflect``, ``to_thank``), the same the interview's page reads.
Keeping in touch reads messages too, so it is the conversations app's (conversations/due.py).
"""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from coffeechat import ical
from coffeechat.contacts.models import Contact
from coffeechat.due import DueItem, DueKind, firsts, heads
from coffeechat.interviews.models import (
    MET_STAGES,
    THANK_YOU_WITHIN,
    Interview,
    Mode,
    NextStep,
    to_prepare,
    to_reflect,
    to_thank,
)
from coffeechat.links import url_pattern
from coffeechat.zones import local_day_bounds, user_zone

S = Interview.Stage
MEETING_DAYS_AHEAD = 6
PREPARE_DAYS_AHEAD = 2


def moment_for(today: datetime.date, zone) -> datetime.datetime:
    """Now, when ``today`` is today; else the last instant of ``today`` (for `due --date`)."""
    now = timezone.now()
    if now.astimezone(zone).date() == today:
        return now
    return local_day_bounds(today, zone)[1] - datetime.timedelta(microseconds=1)


def _name(first, last):
    return " ".join(part for part in (first, last) if part) or "(no name)"


def _short(moment, zone):
    return moment.astimezone(zone).strftime("%a %-d %b, %H:%M")


def _interviews(user):
    return (
        Interview.objects.filter(owner=user)
        .select_related("contact")
        .only(
            "id",
            "contact__id",
            "contact__first_name",
            "contact__last_name",
            "stage",
            "starts_at",
            "ends_at",
            "time_zone",
            "mode",
            "place",
            "goal_learn",
            "goal_decision",
            "checklist",
            "reflected_at",
        )
    )


def _until(today, until):
    return max(until or today, today)


def _day_parts(field, today, zone, before=datetime.timedelta(0)):
    """The filters of the rows due in each part of the list (overdue, today, coming up)
    when a row is due on the local day of its ``field`` plus ``before``."""
    start, end = (moment - before for moment in local_day_bounds(today, zone))
    return [
        Q(**{f"{field}__lt": start}),
        Q(**{f"{field}__gte": start, f"{field}__lt": end}),
        Q(**{f"{field}__gte": end}),
    ]


def meetings(user, today, until=None, first=None):
    zone = user_zone(user)
    start = local_day_bounds(today, zone)[0]
    last = max(_until(today, until), today + datetime.timedelta(days=MEETING_DAYS_AHEAD))
    end = local_day_bounds(last, zone)[1]
    rows = (
        Interview.objects.filter(
            owner=user, stage=S.SCHEDULED, starts_at__gte=start, starts_at__lt=end
        )
        .order_by("starts_at", "id")
        .values_list(
            "id",
            "contact_id",
            "contact__first_name",
            "contact__last_name",
            "starts_at",
            "ends_at",
            "mode",
        )
    )
    rows = heads(rows, _day_parts("starts_at", today, zone), ("starts_at", "id"), first)
    modes = {key: label.lower() for key, label in Mode.choices}
    url = url_pattern("interviews:detail")
    for pk, contact_id, given, family, starts_at, ends_at, mode in firsts(
        rows, lambda row: row[4].astimezone(zone).date(), today, first
    ):
        name = _name(given, family)
        local = starts_at.astimezone(zone)
        yield DueItem(
            kind="meeting",
            contact_id=contact_id,
            contact=name,
            due=local.date(),
            title=f"Meet {name} at {local:%H:%M} ({modes.get(mode, mode)})",
            url=url.format(pk),
            starts_at=starts_at,
            ends_at=ends_at,
        )


def preparation(user, today, until=None, first=None):
    """Due today whatever ``until`` (the meeting ahead is on the list itself), and only
    for meetings in the next two days, so there are never many."""
    zone = user_zone(user)
    moment = moment_for(today, zone)
    end = local_day_bounds(today + datetime.timedelta(days=PREPARE_DAYS_AHEAD), zone)[1]
    rows = (
        _interviews(user)
        .filter(to_prepare(moment), starts_at__lt=end)
        .annotate(question_count=Count("questions"))
    )
    for interview in rows.order_by("starts_at"):
        if interview.is_prepared(interview.question_count):
            continue
        name = interview.contact.full_name
        yield DueItem(
            kind="prepare",
            contact_id=interview.contact_id,
            contact=name,
            due=today,
            title=f"Prepare for {name} ({_short(interview.starts_at, zone)}): goals and questions",
            url=reverse("interviews:prepare", args=[interview.pk]),
        )


def _ended(user, rule):
    # The names by the contact's primary key, one lookup per row, rather than a join:
    # PostgreSQL joined the few meetings due by reading every contact of the table.
    name = Contact.objects.filter(pk=OuterRef("contact_id"))
    return (
        Interview.objects.filter(rule, owner=user)
        .annotate(
            given=Subquery(name.values("first_name")[:1]),
            family=Subquery(name.values("last_name")[:1]),
        )
        .order_by("ends_at", "id")
        .values_list("id", "contact_id", "given", "family", "ends_at")
    )


def reflections(user, today, until=None, first=None):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    url = url_pattern("interviews:reflect")
    rows = _ended(user, to_reflect(moment))
    rows = heads(rows, _day_parts("ends_at", today, zone), ("ends_at", "id"), first)
    for pk, contact_id, given, family, ends_at in firsts(
        rows, lambda row: row[4].astimezone(zone).date(), today, first
    ):
        name = _name(given, family)
        yield DueItem(
            kind="reflect",
            contact_id=contact_id,
            contact=name,
            due=ends_at.astimezone(zone).date(),
            title=f"Write down what you took from talking with {name}",
            url=url.format(pk),
        )


def thank_yous(user, today, until=None, first=None):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    url = url_pattern("interviews:detail")
    rows = _ended(user, to_thank(moment))
    parts = _day_parts("ends_at", today, zone, before=THANK_YOU_WITHIN)
    rows = heads(rows, parts, ("ends_at", "id"), first)
    for pk, contact_id, given, family, ends_at in firsts(
        rows, lambda row: (row[4] + THANK_YOU_WITHIN).astimezone(zone).date(), today, first
    ):
        name = _name(given, family)
        deadline = ends_at + THANK_YOU_WITHIN
        if moment > deadline:
            title = f"Thank-you to {name} is overdue (it was due by {_short(deadline, zone)})"
        else:
            title = f"Thank {name} by {_short(deadline, zone)}"
        yield DueItem(
            kind="thank-you",
            contact_id=contact_id,
            contact=name,
            due=deadline.astimezone(zone).date(),
            title=title,
            url=url.format(pk) + "#thank-you",
        )


def todos(user, today, until=None, first=None):
    rows = (
        NextStep.objects.filter(owner=user, done_at__isnull=True)
        .filter(Q(due_date__lte=_until(today, until)) | Q(due_date__isnull=True))
        .order_by("due_date", "id")
        .values_list(
            "id",
            "kind",
            "text",
            "due_date",
            "interview_id",
            "contact_id",
            "contact__first_name",
            "contact__last_name",
        )
    )
    parts = [
        Q(due_date__lt=today),
        Q(due_date=today) | Q(due_date__isnull=True),  # no date: due today
        Q(due_date__gt=today),
    ]
    rows = heads(rows, parts, ("due_date", "id"), first)
    kinds = dict(NextStep.Category.choices)
    detail = url_pattern("interviews:detail")
    everything = reverse("interviews:todos")
    for pk, kind, text, due_date, interview_id, contact_id, given, family in firsts(
        rows, lambda row: row[3] or today, today, first
    ):
        yield DueItem(
            kind="todo",
            contact_id=contact_id,
            contact=_name(given, family) if contact_id else "",
            due=due_date or today,
            title=f"{kinds.get(kind, kind)}: {text}",
            # Each to-do has its own anchor, so each has its own calendar UID too.
            url=(detail.format(interview_id) if interview_id else everything) + f"#todo-{pk}",
        )


def planned(user, today, until=None, first=None):
    if _until(today, until) <= today:
        return
    zone = user_zone(user)
    url = url_pattern("interviews:detail")
    rows = (
        Interview.objects.filter(owner=user, stage=S.PLANNED)
        .order_by("stage_changed_at", "id")
        .values_list(
            "id", "contact_id", "contact__first_name", "contact__last_name", "stage_changed_at"
        )
    )
    # All of them wait, so all are coming up: the first few are the oldest.
    for pk, contact_id, given, family, since in rows if first is None else rows[:first]:
        name = _name(given, family)
        yield DueItem(
            kind="planned",
            contact_id=contact_id,
            contact=name,
            due=since.astimezone(zone).date(),
            title=f"Ask {name} for a conversation when you are ready",
            url=url.format(pk),
        )


# How far back finished meetings stay in the calendar feed.
PAST_DAYS = 60


def meeting_events(user, *, now: datetime.datetime, base_url: str = "") -> list:
    """Meetings as timed events for the calendar feed: the scheduled ones, and those held
    in the last ``PAST_DAYS`` days."""
    meetings = (
        Interview.objects.filter(
            owner=user,
            stage__in=[Interview.Stage.SCHEDULED, *MET_STAGES],
            starts_at__gte=now - datetime.timedelta(days=PAST_DAYS),
        )
        .select_related("contact")
        .order_by("starts_at")
    )
    return [
        ical.meeting_event(interview, url=base_url + interview.get_absolute_url(), stamp=now)
        for interview in meetings
    ]


KINDS = [
    # A meeting is in the calendar feed as a timed event already, not as an all-day one.
    DueKind("meeting", "Meeting", 10, all_day=False),
    DueKind("thank-you", "Thank-you", 20),
    DueKind("prepare", "Preparation", 25),
    DueKind("reflect", "Reflection", 30),
    DueKind("todo", "Next step", 60),
    DueKind("planned", "Planned conversation", 80, all_day=False, waits=True),
]
PROVIDERS = [meetings, preparation, reflections, thank_yous, todos, planned]
EVENTS = [meeting_events]
