"""The people the outreach agenda can suggest instead of someone who hasn't answered:
someone never written to at the same organization, else in the same field, in name order;
and for 3B7's second person, whether someone at the organization was already written to.

One SQL query, written out: its parts are a few LIMITed lookups through the contact
indexes, and building it with the ORM (nested subqueries, one per place per field) cost
more than running it.
"""

import datetime

from django.db import connections
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coffeechat.contacts.models import Contact
from coffeechat.outreach.models import Message

COLUMNS = ("id", "owner_id", "first_name", "last_name", "organization_id", "field")
PART_COLUMNS = (*COLUMNS, "field_key", "k1", "k2")  # what each part of the UNION gives
NAME_ORDER = "LOWER({t}.last_name), LOWER({t}.first_name), {t}.id"
# Up to this many organizations (or fields), one LIMITed lookup each; past it, one ranked
# read of them all: a statement has room for 500 parts on SQLite, and the whole agenda
# can ask about hundreds of organizations.
EACH_AT_MOST = 100


def people_to_suggest(user, requests, *, first=1, colleagues_of=(), fields_for=None):
    """People to suggest instead of the contacts of ``requests``, in name order, as dicts
    of ``COLUMNS`` with ``field_key`` (the field in lower case) and ``last_written`` (when
    the latest message to them was made, None if never).

    ``requests`` have ``contact`` (with ``organization_id``), ``field_key`` and
    ``sent_at``. Returned: the first ``first`` never written to at each of their
    organizations; the first ``first`` never written to in the field of each of
    ``fields_for`` (all of ``requests`` by default); and, for 3B7's second person, the
    people at the organizations of ``colleagues_of`` written to since the earliest of
    those went out (their second person may already have been asked).

    No owner filter inside but on the fields' index: every other set hangs off the user's
    own requests, and one would make SQLite walk the owner index (every contact of the
    account). The rows are checked against the owner at the end.
    """
    contacts, messages = Contact._meta.db_table, Message._meta.db_table
    never_written = f"NOT EXISTS (SELECT 1 FROM {messages} u WHERE u.contact_id = v.id)"
    # Each part brings its people's columns and name-order keys: joined back to the
    # contacts by id instead, PostgreSQL read the whole table to join a few dozen rows.
    columns = ", ".join(f"v.{column}" for column in COLUMNS)
    select = (
        f"SELECT {columns}, LOWER(v.field) AS field_key, LOWER(v.last_name) AS k1, "
        f"LOWER(v.first_name) AS k2 FROM {contacts} v"
    )
    parts, params = [], []

    def add(where, where_params):
        order = NAME_ORDER.format(t="v")
        parts.append(
            f"SELECT * FROM ({select} WHERE {where} AND {never_written} "
            f"ORDER BY {order} LIMIT %s) AS p{len(parts)}"
        )
        params.extend([*where_params, first])

    def add_each(column, values, where, where_params):
        """The first ``first`` never written to for each of ``values`` of ``column``."""
        if len(values) <= EACH_AT_MOST:
            for value in values:
                add(f"{where} AND {column} = %s", [*where_params, value])
            return
        listed = ", ".join(["%s"] * len(values))
        ranked = select.replace(
            " FROM ",
            f", ROW_NUMBER() OVER (PARTITION BY {column} "
            f"ORDER BY {NAME_ORDER.format(t='v')}) AS place FROM ",
            1,
        )
        parts.append(
            f"SELECT {', '.join(PART_COLUMNS)} FROM ({ranked} WHERE {where} "
            f"AND {column} IN ({listed}) AND {never_written}) AS p{len(parts)} "
            "WHERE place <= %s"
        )
        params.extend([*where_params, *values, first])

    organizations = sorted({r.contact.organization_id for r in requests} - {None})
    add_each("v.organization_id", organizations, "1 = 1", [])
    wanted = requests if fields_for is None else fields_for
    keys = sorted({r.field_key for r in wanted if r.field_key})
    add_each("LOWER(v.field)", keys, "v.owner_id = %s", [user.pk])
    seconds = list(colleagues_of)
    organizations = sorted({r.contact.organization_id for r in seconds} - {None})
    if organizations:
        since = connections[Contact.objects.db].ops.adapt_datetimefield_value(
            min(r.sent_at for r in seconds)
        )
        listed = ", ".join(["%s"] * len(organizations))
        parts.append(
            # The latest message per person (an index lookup each), not EXISTS: PostgreSQL
            # made that a join with every message written since.
            f"{select} WHERE v.organization_id IN ({listed}) AND "
            f"(SELECT MAX(u.created_at) FROM {messages} u WHERE u.contact_id = v.id) >= %s"
        )
        params.extend([*organizations, since])
    if not parts:
        # Nothing to look up: the query still runs, so the number of queries a page
        # makes never depends on the data.
        parts.append(f"{select} WHERE 1 = 0")
    listed = ", ".join(f"p.{column}" for column in COLUMNS)
    sql = (
        f"SELECT {listed}, p.field_key, "
        f"(SELECT MAX(u.created_at) FROM {messages} u WHERE u.contact_id = p.id) "
        f"FROM ({' UNION '.join(parts)}) AS p ORDER BY p.k1, p.k2, p.id"
    )
    with connections[Contact.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    people = []
    for *values, field_key, last_written in rows:
        row = dict(zip(COLUMNS, values, strict=True))
        if row.pop("owner_id") != user.pk:
            continue
        row["field_key"] = field_key
        row["last_written"] = _moment(last_written)
        people.append(row)
    return people


def _moment(value) -> datetime.datetime | None:
    """A datetime as the database gives it back: SQLite's UTC text, or aware already."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value
