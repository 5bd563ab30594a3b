"""Keeping in touch, as the agenda sees it: who is due a check-in, and when.

For each contact you have met (or given a cadence yourself), a check-in is due on the day
of the last interaction plus the cadence. Every interaction restarts the clock:
interactions logged by hand or by a meeting (interviews), and messages sent to or answered
by them (outreach). It reads both apps, so it lives here, above them. ``check_in_day`` is
the one rule for the date; the agenda and the contact page's panel both read it.
"""

import datetime

from django.db import connections
from django.db.models import DateTimeField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coffeechat.contacts.models import Contact
from coffeechat.conversations.last_touch import MOMENTS
from coffeechat.conversations.models import LastTouch
from coffeechat.due import DueItem, DueKind, firsts
from coffeechat.interviews.models import KeepInTouch
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


def _name(first, last):
    return " ".join(part for part in (first, last) if part) or "(no name)"


def keep_in_touch(user, today, until=None, first=None):
    """The check-ins due by ``today``, or by ``until`` when asked for what is ahead."""
    zone = user_zone(user)
    url = url_pattern("contacts:detail")
    last_day = max(until or today, today)
    rows = firsts(
        _due_clocks(user, today, last_day, zone, first),
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


def _due_clocks(user, today, last_day, zone, first=None):
    """The people ``user`` keeps in touch with whose check-in is due by ``last_day``, as
    rows (id, first name, last name, cadence, clock) in the order of their clocks; with
    ``first``, only the first ``first`` of each cadence in each part of the list
    (overdue, today, coming up), which hold every row ``due.firsts`` can pick.

    Who is tracked, their cadence and their clock are stored (``models.LastTouch``).
    A check-in is due by a day X when the clock's local date plus the cadence is on or
    before X, that is when the clock is earlier than the start of (X - cadence + 1); within
    one cadence the order of the clocks is the order of the check-in days. So each cadence
    and part is one range of the lasttouch_check_in index, read up to its LIMIT: the
    cost is the rows shown, whoever else is tracked.
    """
    connection = connections[LastTouch.objects.db]
    sql, params = due_clocks_sql(connection, user, today, last_day, zone, first)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for pk, first_name, last_name, cadence, clock in rows:
        if isinstance(clock, str):  # SQLite keeps datetimes as UTC text
            clock = parse_datetime(clock)
        if timezone.is_naive(clock):
            clock = timezone.make_aware(clock, datetime.UTC)
        yield pk, first_name, last_name, cadence, clock


def due_clocks_sql(connection, user, today, last_day, zone, first=None):
    """The SQL of ``_due_clocks`` and its parameters: one index range per cadence and
    part, each read up to its LIMIT, joined to the contacts for their names."""

    def start(day):
        return connection.ops.adapt_datetimefield_value(local_day_bounds(day, zone)[0])

    ranges, params = [], []
    for days, _label in KeepInTouch.CADENCES:
        due_by = start(last_day - datetime.timedelta(days=days - 1))
        if first is None:
            bounds = [(None, due_by)]
        else:
            overdue = start(today - datetime.timedelta(days=days))
            by_today = start(today - datetime.timedelta(days=days - 1))
            bounds = [(None, overdue), (overdue, by_today), (by_today, due_by)]
        for low, high in bounds:
            where = "owner_id = %s AND cadence = %s AND clock < %s"
            params += [user.pk, days, high]
            if low is not None:
                where += " AND clock >= %s"
                params.append(low)
            limit = ""
            if first is not None:
                limit = " LIMIT %s"
                params.append(first)
            ranges.append(
                f"SELECT * FROM (SELECT contact_id, cadence, clock FROM {LastTouch._meta.db_table} "
                f"WHERE {where} ORDER BY clock, contact_id{limit}) AS r{len(ranges)}"
            )
    contacts = Contact._meta.db_table
    sql = (
        f"SELECT t.contact_id, c.first_name, c.last_name, t.cadence, t.clock "
        f"FROM ({' UNION ALL '.join(ranges)}) AS t JOIN {contacts} c ON c.id = t.contact_id "
        "ORDER BY t.clock, t.contact_id"
    )
    return sql, params


KINDS = [DueKind("keep-in-touch", "Keeping in touch", 70)]
PROVIDERS = [keep_in_touch]
