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
from django.db import connections
from django.db.models import Count, DateTimeField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coffeechat.agenda.items import DueItem
from coffeechat.interviews.models import (
    MET_STAGES,
    THANK_YOU_WITHIN,
    Interaction,
    Interview,
    KeepInTouch,
    Todo,
)
from coffeechat.interviews.zones import local_day_bounds, user_zone
from coffeechat.markup import url_pattern

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
    url = url_pattern("interviews:reflect")
    rows = (
        Interview.objects.filter(
            owner=user,
            stage__in=[S.SCHEDULED, *MET_STAGES],
            ends_at__lte=moment,
            reflected_at__isnull=True,
        )
        .order_by("ends_at")
        .values_list("id", "contact_id", "contact__first_name", "contact__last_name", "ends_at")
    )
    for pk, contact_id, first, last, ends_at in rows:
        name = _name(first, last)
        yield DueItem(
            kind="reflect",
            contact_id=contact_id,
            contact=name,
            due=ends_at.astimezone(zone).date(),
            title=f"Write down what you took from talking with {name}",
            url=url.format(pk),
        )


def thank_yous(user, today):
    zone = user_zone(user)
    moment = moment_for(today, zone)
    url = url_pattern("interviews:detail")
    rows = (
        Interview.objects.filter(owner=user, stage__in=[S.SCHEDULED, S.DONE], ends_at__lte=moment)
        .order_by("ends_at")
        .values_list("id", "contact_id", "contact__first_name", "contact__last_name", "ends_at")
    )
    for pk, contact_id, first, last, ends_at in rows:
        name = _name(first, last)
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


def _latest(queryset, field):
    return Subquery(
        queryset.filter(contact=OuterRef("pk"), **{f"{field}__isnull": False})
        .order_by(f"-{field}")
        .values(field)[:1]
    )


# Stands in for "never" inside GREATEST(), which SQLite makes NULL if any argument is.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def last_interactions(queryset):
    """Annotate contacts with ``last_interaction``: the latest moment of any interaction.

    Interactions logged by hand or by a meeting, meetings held, and outreach messages sent
    to them or answered by them all count; one column, computed in the database.
    """
    moments = [
        _latest(Interaction.objects.all(), "happened_at"),
        _latest(Interview.objects.filter(stage__in=MET_STAGES), "ends_at"),
    ]
    try:
        Message = apps.get_model("outreach", "Message")
    except LookupError:  # the outreach app is not installed
        Message = None
    if Message is not None:
        moments.append(_latest(Message.objects.all(), "sent_at"))
        moments.append(_latest(Message.objects.all(), "replied_at"))
    latest = Greatest(
        *(Coalesce(moment, Value(NEVER), output_field=DateTimeField()) for moment in moments),
        output_field=DateTimeField(),
    )
    return queryset.annotate(last_interaction=latest)


def last_interaction(row):
    """The annotated latest moment, or None; ``row`` is a contact or a ``values()`` dict."""
    value = row.get("last_interaction") if isinstance(row, dict) else row.last_interaction
    return None if value is None or value <= NEVER else value


def keep_in_touch(user, today):
    zone = user_zone(user)
    Contact = apps.get_model("contacts", "Contact")
    settings = KeepInTouch.objects.filter(owner=user)
    met_by_default = (
        Interview.objects.filter(owner=user, stage__in=MET_STAGES)
        .exclude(contact_id__in=settings.values("contact_id"))
        .order_by()
        .values("contact_id")
    )
    # Driven from the people met or given a cadence, not from every contact: one set of
    # ids (a UNION) rather than an OR, which made SQLite walk every contact of the owner.
    tracked = (
        Contact.objects.filter(owner=user)
        .filter(
            pk__in=settings.filter(cadence_days__isnull=False)
            .order_by()
            .values("contact_id")
            .union(met_by_default)
        )
        .annotate(
            cadence=F("keep_in_touch__cadence_days"),
            tracked_since=F("keep_in_touch__created_at"),
        )
        .order_by()
    )
    # The clock starts at the last interaction; with none yet, when the cadence was set.
    clocks = (
        last_interactions(tracked)
        .annotate(clock=Coalesce(NullIf("last_interaction", Value(NEVER)), "tracked_since"))
        .values_list("id", "first_name", "last_name", "cadence", "clock")
    )
    url = url_pattern("contacts:detail")
    for pk, first, last_name, cadence, clock in _due_clocks(clocks, today, zone):
        cadence = cadence or KeepInTouch.DEFAULT_DAYS
        due = clock.astimezone(zone).date() + datetime.timedelta(days=cadence)
        name = _name(first, last_name)
        yield DueItem(
            kind="keep-in-touch",
            contact_id=pk,
            contact=name,
            due=due,
            title=f"Check in with {name}: last in touch {clock.astimezone(zone):%-d %b %Y}",
            url=url.format(pk) + "#keep-in-touch",
        )


def _due_clocks(clocks, today, zone):
    """The rows of ``clocks`` whose check-in is due by ``today``, filtered in the database.

    A check-in is due when the clock's local date plus the cadence is on or before today,
    that is when the clock is earlier than the start of (today - cadence + 1). The query is
    wrapped in one outer SELECT that compares the clock once with its cadence's cutoff, and
    only the people who are due come back to Python.
    """
    connection = connections[clocks.db]
    inner, params = clocks.query.sql_with_params()
    cases, cutoffs = [], []
    for days, _label in KeepInTouch.CADENCES:
        start = local_day_bounds(today - datetime.timedelta(days=days - 1), zone)[0]
        cases.append("WHEN %s THEN %s")
        cutoffs += [days, connection.ops.adapt_datetimefield_value(start)]
    # One comparison with the cadence's cutoff, not one per cadence: the databases copy the
    # clock's expression (four subqueries) into every place the outer query names it.
    cutoff = f"CASE COALESCE(t.cadence, {KeepInTouch.DEFAULT_DAYS}) {' '.join(cases)} END"
    sql = f"SELECT * FROM ({inner}) t WHERE t.clock < {cutoff}"
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, *cutoffs))
        rows = cursor.fetchall()
    for pk, first, last, cadence, clock in rows:
        if isinstance(clock, str):  # SQLite keeps datetimes as UTC text
            clock = parse_datetime(clock)
        if timezone.is_naive(clock):
            clock = timezone.make_aware(clock, datetime.UTC)
        yield pk, first, last, cadence, clock


def todos(user, today):
    rows = (
        Todo.objects.filter(owner=user, done_at__isnull=True)
        .filter(Q(due_date__lte=today) | Q(due_date__isnull=True))
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
    kinds = dict(Todo.Kind.choices)
    detail = url_pattern("interviews:detail")
    everything = reverse("interviews:todos")
    for pk, kind, text, due_date, interview_id, contact_id, first, last in rows:
        yield DueItem(
            kind="todo",
            contact_id=contact_id,
            contact=_name(first, last) if contact_id else "",
            due=due_date or today,
            title=f"{kinds.get(kind, kind)}: {text}",
            # Each to-do has its own anchor, so each has its own calendar UID too.
            url=(detail.format(interview_id) if interview_id else everything) + f"#todo-{pk}",
        )
