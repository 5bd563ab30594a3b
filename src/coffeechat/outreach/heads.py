"""Which open requests can be among the first few steps of each part of the agenda
(overdue, today, coming up): the home page asks for those, not for every request waiting.

Every step falls due on a day that never comes earlier for a later date it counts from
(``followup``'s rules only add days): a follow-up and 3B7's second person count from the
day the request went out, letting go from the day the follow-up did. So for each kind of
step, the requests due in one part of the list are one range of those dates, and its
first few by due day are the first few of that range in date order. Each range is read
up to its LIMIT from the message_open index; the requests followed up are ordered by
their first follow-up's date, worked out once for each of them in the database (a cost
that grows with the requests followed up and waiting, in SQL only; none in Python).

``ranges_sql`` returns one SQL query of request ids (a UNION ALL of those ranges), to
narrow the agenda's query of open requests; its rows are then read as before.
"""

import datetime
from collections.abc import Callable

from coffeechat.outreach.followup import follow_up_due, second_contact_due
from coffeechat.outreach.models import Kind, Message
from coffeechat.zones import local_day_bounds

State = Message.State
DAY = datetime.timedelta(days=1)


def earliest_counting_from(due: Callable[[datetime.date], datetime.date], day) -> datetime.date:
    """The first date a step can count from and fall due on ``day`` or later."""
    start = day
    while due(start - DAY) >= day:
        start -= DAY
    return start


def ranges_sql(connection, user, today, last_day, zone, *, wait_days, use_3b7, first):
    """(sql, params): the ids of the open requests of ``user`` whose steps can be among
    the first ``first`` of their kind in each part of the list up to ``last_day``."""

    def follow_up(day):
        return follow_up_due(day, wait_days=wait_days, use_3b7=use_3b7)

    def start(day):
        return connection.ops.adapt_datetimefield_value(local_day_bounds(day, zone)[0])

    def bounds(due):
        """(from, before) of the dates counted from, for each part: None is open."""
        overdue = start(earliest_counting_from(due, today))
        tomorrow = start(earliest_counting_from(due, today + DAY))
        past_last = start(earliest_counting_from(due, last_day + DAY))
        parts = [(None, overdue), (overdue, tomorrow)]
        if last_day > today:
            parts.append((tomorrow, past_last))
        return parts

    table = Message._meta.db_table
    sent_follow_up = (
        f"SELECT {{what}} FROM {table} f WHERE f.follow_up_to_id = r.id "
        "AND f.state <> %s AND f.sent_at IS NOT NULL"
    )
    open_request = "r.owner_id = %s AND r.state = %s AND r.kind = %s AND r.no_reply_at IS NULL"
    open_params = [user.pk, State.SENT, Kind.REQUEST]

    ranges, params = [], []

    def add(select, select_params, column, low, high):
        where = f"{column} < %s" + ("" if low is None else f" AND {column} >= %s")
        head = f"{select} AND {where} ORDER BY {column}, id LIMIT %s"
        ranges.append(f"SELECT id FROM ({head}) AS r{len(ranges)}")
        params.extend([*select_params, high, *([] if low is None else [low]), first])

    # Not followed up yet: counted from the request's own date.
    waiting = (
        f"SELECT r.id AS id FROM {table} r WHERE {open_request} "
        f"AND NOT EXISTS ({sent_follow_up.format(what='1')})"
    )
    kinds = [follow_up, second_contact_due] if use_3b7 else [follow_up]
    for due in kinds:
        for low, high in bounds(due):
            add(waiting, [*open_params, State.DRAFT], "r.sent_at", low, high)
    # Followed up: counted from the first follow-up's date, worked out once per request
    # followed up (a CTE kept as a table: inlined, SQLite ran the lookup once per mention).
    followed = (
        f"WITH followed AS {materialized(connection)}(SELECT r.id AS id, "
        f"({sent_follow_up.format(what='MIN(f.sent_at)')}) AS moment "
        f"FROM {table} r WHERE {open_request} "
        f"AND EXISTS ({sent_follow_up.format(what='1')})) "
    )
    followed_params = [State.DRAFT, *open_params, State.DRAFT]
    for low, high in bounds(follow_up):
        add("SELECT id FROM followed WHERE true", [], "moment", low, high)
    return followed + " UNION ALL ".join(ranges), [*followed_params, *params]


def materialized(connection) -> str:
    """MATERIALIZED where the database knows the word (PostgreSQL 12, SQLite 3.35)."""
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED "
