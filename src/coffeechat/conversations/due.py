"""Keeping in touch, as the agenda sees it: who is due a check-in, and when.

For each contact you have met (or given a cadence yourself), a check-in is due on the day
of the last interaction plus the cadence. Every interaction restarts the clock:
interactions logged by hand or by a meeting (interviews), and messages sent to or answered
by them (outreach). It reads both apps, so it lives here, above them. ``check_in_day`` is
the one rule for the date; the agenda and the contact page's panel both read it.
"""

import datetime

from django.db import connections
from django.db.models import DateTimeField, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coffeechat.contacts.models import Contact
from coffeechat.conversations.last_touch import MOMENTS
from coffeechat.due import DueItem, DueKind, firsts
from coffeechat.interviews.models import MET_STAGES, Interview, KeepInTouch
from coffeechat.links import url_pattern
from coffeechat.zones import local_day_bounds, user_zone

# Stands in for "never" inside GREATEST(), which SQLite makes NULL if any argument is.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _latest(queryset, field):
    return Subquery(
        queryset.filter(contact=OuterRef("pk"), **{f"{field}__isnull": False})
        .order_by(f"-{field}")
        .values(field)[:1]
    )


def last_interactions(queryset):
    """Annotate contacts with ``last_interaction``: the latest moment of any interaction.

    Interactions logged by hand or by a meeting, meetings held, and outreach messages sent
    to them or answered by them all count (``last_touch.MOMENTS``); one column, computed
    in the database. The agenda reads the same, stored (``models.LastTouch``).
    """
    latest = Greatest(
        *(
            Coalesce(
                _latest(moment.rows(), moment.field), Value(NEVER), output_field=DateTimeField()
            )
            for moment in MOMENTS
        ),
        output_field=DateTimeField(),
    )
    return queryset.annotate(last_interaction=latest)


def last_interaction(row):
    """The annotated latest moment, or None; ``row`` is a contact or a ``values()`` dict."""
    value = row.get("last_interaction") if isinstance(row, dict) else row.last_interaction
    return None if value is None or value <= NEVER else value


def check_in_day(clock: datetime.datetime, cadence_days: int | None, zone) -> datetime.date:
    """The day a check-in falls due: the clock's day on the user's clock plus the cadence."""
    return clock.astimezone(zone).date() + datetime.timedelta(
        days=cadence_days or KeepInTouch.DEFAULT_DAYS
    )


def clocks(user):
    """The people ``user`` keeps in touch with, as rows (id, first name, last name,
    cadence, clock): those met, unless switched off, and those given a cadence. The clock
    starts at the last interaction (as ``last_interactions`` reads it, stored); with none
    yet, when the cadence was set."""
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
    # The latest moment is stored per contact (models.LastTouch, kept by the database):
    # one join, where reading it live (``last_interactions``) cost four lookups a person.
    return tracked.annotate(clock=Coalesce("last_touch__moment", "tracked_since")).values_list(
        "id", "first_name", "last_name", "cadence", "clock"
    )


def _name(first, last):
    return " ".join(part for part in (first, last) if part) or "(no name)"


def keep_in_touch(user, today, until=None, first=None):
    """The check-ins due by ``today``, or by ``until`` when asked for what is ahead."""
    zone = user_zone(user)
    url = url_pattern("contacts:detail")
    last_day = max(until or today, today)
    rows = firsts(
        _due_clocks(clocks(user), today, last_day, zone, first),
        lambda row: check_in_day(row[4], row[3], zone),
        today,
        first,
    )
    for pk, given, last_name, cadence, clock in rows:
        name = _name(given, last_name)
        yield DueItem(
            kind="keep-in-touch",
            contact_id=pk,
            contact=name,
            due=check_in_day(clock, cadence, zone),
            title=f"Check in with {name}: last in touch {clock.astimezone(zone):%-d %b %Y}",
            url=url.format(pk) + "#keep-in-touch",
        )


def _due_clocks(clocks, today, last_day, zone, first=None):
    """The rows of ``clocks`` whose check-in is due by ``last_day``, filtered in the
    database; with ``first``, only the first ``first`` of each cadence in each part of the
    list (overdue, today, coming up), which hold every row ``due.firsts`` can pick.

    A check-in is due by a day X when the clock's local date plus the cadence is on or
    before X, that is when the clock is earlier than the start of (X - cadence + 1). The
    query is wrapped in one outer SELECT that compares the clock once with its cadence's
    cutoff, and only the people who are due come back to Python. Within one cadence the
    order of the clocks is the order of the check-in days, so the database can rank them.
    """
    connection = connections[clocks.db]
    inner, params = clocks.query.sql_with_params()

    def cutoff(days_before):
        """SQL for the start of the local day ``days_before(cadence)``, by the row's
        cadence, and its parameters."""
        cases, values = [], []
        for days, _label in KeepInTouch.CADENCES:
            start = local_day_bounds(days_before(days), zone)[0]
            cases.append("WHEN %s THEN %s")
            values += [days, connection.ops.adapt_datetimefield_value(start)]
        # One comparison with the cadence's cutoff, not one per cadence: the databases
        # copy the clock's expression (joins and a COALESCE) into every place naming it.
        sql = f"CASE COALESCE(t.cadence, {KeepInTouch.DEFAULT_DAYS}) {' '.join(cases)} END"
        return sql, values

    due, due_params = cutoff(lambda days: last_day - datetime.timedelta(days=days - 1))
    # And the outer SELECT names the clock again: a materialized CTE computes each row's
    # clock once (PostgreSQL ran the clock's lookups twice per person without it).
    with_clocks = f"WITH t AS {_materialized(connection)}({inner})"
    if first is None:
        sql = f"{with_clocks} SELECT * FROM t WHERE t.clock < {due}"
        sql_params = (*params, *due_params)
    else:
        overdue, overdue_params = cutoff(lambda days: today - datetime.timedelta(days=days))
        by_today, today_params = cutoff(lambda days: today - datetime.timedelta(days=days - 1))
        part = f"CASE WHEN t.clock < {overdue} THEN 0 WHEN t.clock < {by_today} THEN 1 ELSE 2 END"
        cadence = f"COALESCE(t.cadence, {KeepInTouch.DEFAULT_DAYS})"
        sql = (
            f"{with_clocks} SELECT id, first_name, last_name, cadence, clock FROM ("
            f"SELECT t.*, ROW_NUMBER() OVER (PARTITION BY {cadence}, {part} "
            f"ORDER BY t.clock, t.id) AS place FROM t WHERE t.clock < {due}"
            ") ranked WHERE place <= %s ORDER BY clock, id"
        )
        sql_params = (*params, *overdue_params, *today_params, *due_params, first)
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        rows = cursor.fetchall()
    for pk, first_name, last_name, cadence, clock in rows:
        if isinstance(clock, str):  # SQLite keeps datetimes as UTC text
            clock = parse_datetime(clock)
        if timezone.is_naive(clock):
            clock = timezone.make_aware(clock, datetime.UTC)
        yield pk, first_name, last_name, cadence, clock


def _materialized(connection) -> str:
    """MATERIALIZED where the database knows the word (PostgreSQL 12, SQLite 3.35)."""
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED "


KINDS = [DueKind("keep-in-touch", "Keeping in touch", 70)]
PROVIDERS = [keep_in_touch]
