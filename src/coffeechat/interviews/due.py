"""Agenda providers for interviews: computed from the data on every call.

Each provider runs a fixed number of queries (one, plus the user's profile once) whatever
the number of contacts, interviews or messages. Rules, in the user's own time zone:

- meeting: a scheduled meeting today or in the next six days (a timed item).
- prepare: a scheduled meeting that hasn't started, on today or within the next two
  calendar days, whose preparation isn't done (goals plus ``PREPARED_MIN_QUESTIONS``
  questions, or the whole checklist ticked). Due today.
- reflect: a meeting that has ended with no reflection written. Due the day it ended.
- thank-you: from the meeting's end until the interview is thanked. Due on the day
  24 hours after the end; overdue once those 24 hours have passed.
- keep-in-touch: for each contact you have met (or given a cadence yourself), due on the
  day of the last interaction plus the cadence. Every interaction restarts the clock:
  interactions logged by hand or by a meeting, and messages sent to or answered by them.
- todo: an open next step due on or before today; one without a date is due today.
"""

import datetime

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from coffeechat.agenda.items import DueItem
from coffeechat.interviews.models import (
    MET_STAGES,
    Interaction,
    Interview,
    KeepInTouch,
    Todo,
)
from coffeechat.interviews.zones import local_day_bounds, user_zone

S = Interview.Stage
MEETING_DAYS_AHEAD = 6
PREPARE_DAYS_AHEAD = 2


def moment_for(today: datetime.date, zone) -> datetime.datetime:
    """Now, when ``today`` is today; else the last instant of ``today`` (for `due --date`)."""
    now = timezone.now()
    if now.astimezone(zone).date() == today:
        return now
    return local_day_bounds(today, zone)[1] - datetime.timedelta(microseconds=1)


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


def meetings(user, today):
    zone = user_zone(user)
    start = local_day_bounds(today, zone)[0]
    end = local_day_bounds(today + datetime.timedelta(days=MEETING_DAYS_AHEAD), zone)[1]
    rows = _interviews(user).filter(stage=S.SCHEDULED, starts_at__gte=start, starts_at__lt=end)
    for interview in rows.order_by("starts_at"):
        name = interview.contact.full_name
        local = interview.starts_at.astimezone(zone)
        yield DueItem(
            kind="meeting",
            contact_id=interview.contact_id,
            contact=name,
            due=local.date(),
            title=f"Meet {name} at {local:%H:%M} ({interview.get_mode_display().lower()})",
            url=reverse("interviews:detail", args=[interview.pk]),
            starts_at=interview.starts_at,
            ends_at=interview.ends_at,
        )


def preparation(user, today):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    end = local_day_bounds(today + datetime.timedelta(days=PREPARE_DAYS_AHEAD), zone)[1]
    rows = (
        _interviews(user)
        .filter(stage=S.SCHEDULED, starts_at__gt=moment, starts_at__lt=end)
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


def reflections(user, today):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    rows = _interviews(user).filter(
        stage__in=[S.SCHEDULED, *MET_STAGES], ends_at__lte=moment, reflected_at__isnull=True
    )
    for interview in rows.order_by("ends_at"):
        name = interview.contact.full_name
        yield DueItem(
            kind="reflect",
            contact_id=interview.contact_id,
            contact=name,
            due=interview.ends_at.astimezone(zone).date(),
            title=f"Write down what you took from talking with {name}",
            url=reverse("interviews:reflect", args=[interview.pk]),
        )


def thank_yous(user, today):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    rows = _interviews(user).filter(stage__in=[S.SCHEDULED, S.DONE], ends_at__lte=moment)
    for interview in rows.order_by("ends_at"):
        name = interview.contact.full_name
        deadline = interview.thank_you_deadline
        if moment > deadline:
            title = f"Thank-you to {name} is overdue (it was due by {_short(deadline, zone)})"
        else:
            title = f"Thank {name} by {_short(deadline, zone)}"
        yield DueItem(
            kind="thank-you",
            contact_id=interview.contact_id,
            contact=name,
            due=deadline.astimezone(zone).date(),
            title=title,
            url=reverse("interviews:detail", args=[interview.pk]) + "#thank-you",
        )


def _latest(queryset, field):
    return Subquery(
        queryset.filter(contact=OuterRef("pk"), **{f"{field}__isnull": False})
        .order_by(f"-{field}")
        .values(field)[:1]
    )


def last_interactions(queryset):
    """Annotate contacts with the latest moment of each kind of interaction."""
    annotations = {
        "last_logged": _latest(Interaction.objects.all(), "happened_at"),
        "last_met": _latest(Interview.objects.filter(stage__in=MET_STAGES), "ends_at"),
    }
    try:
        Message = apps.get_model("outreach", "Message")
    except LookupError:  # the outreach app is not installed
        Message = None
    if Message is not None:
        annotations["last_sent"] = _latest(Message.objects.all(), "sent_at")
        annotations["last_reply"] = _latest(Message.objects.all(), "replied_at")
    return queryset.annotate(**annotations)


def last_interaction(contact):
    values = [
        getattr(contact, name, None)
        for name in ("last_logged", "last_met", "last_sent", "last_reply")
    ]
    values = [value for value in values if value is not None]
    return max(values) if values else None


def keep_in_touch(user, today):
    zone = user_zone(user)
    Contact = apps.get_model("contacts", "Contact")
    met = Interview.objects.filter(contact=OuterRef("pk"), stage__in=MET_STAGES)
    tracked = (
        Contact.objects.filter(owner=user)
        .filter(
            Q(keep_in_touch__cadence_days__isnull=False)
            | Q(keep_in_touch__isnull=True) & Exists(met)
        )
        .only("id", "first_name", "last_name")
        .annotate(
            cadence=Subquery(
                KeepInTouch.objects.filter(contact=OuterRef("pk")).values("cadence_days")[:1]
            ),
            tracked_since=Subquery(
                KeepInTouch.objects.filter(contact=OuterRef("pk")).values("created_at")[:1]
            ),
        )
    )
    for contact in last_interactions(tracked):
        cadence = contact.cadence or KeepInTouch.DEFAULT_DAYS
        last = last_interaction(contact) or contact.tracked_since
        if last is None:
            continue
        due = last.astimezone(zone).date() + datetime.timedelta(days=cadence)
        if due > today:
            continue
        name = contact.full_name
        yield DueItem(
            kind="keep-in-touch",
            contact_id=contact.pk,
            contact=name,
            due=due,
            title=f"Check in with {name}: last in touch {last.astimezone(zone):%-d %b %Y}",
            url=reverse("contacts:detail", args=[contact.pk]) + "#keep-in-touch",
        )


def todos(user, today):
    rows = (
        Todo.objects.filter(owner=user, done_at__isnull=True)
        .filter(Q(due_date__lte=today) | Q(due_date__isnull=True))
        .select_related("contact", "interview__contact")
        .order_by("due_date", "id")
    )
    for todo in rows:
        contact = todo.contact or (todo.interview.contact if todo.interview_id else None)
        if todo.interview_id:
            url = reverse("interviews:detail", args=[todo.interview_id]) + "#next-steps"
        else:
            url = reverse("interviews:todos")
        yield DueItem(
            kind="todo",
            contact_id=contact.pk if contact else None,
            contact=contact.full_name if contact else "",
            due=todo.due_date or today,
            title=f"{todo.get_kind_display()}: {todo.text}",
            url=url,
        )
