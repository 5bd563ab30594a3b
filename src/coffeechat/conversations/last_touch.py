"""The last time a student was in touch with each person: the moments that count, and the
database triggers that keep each contact's latest one stored (``models.LastTouch``).

What counts (``MOMENTS``): an interaction logged by hand or by a meeting, a meeting held
(its end), an outreach message sent to them and their reply. ``due.last_interactions``
reads the same list live; the triggers below store its answer per contact whenever one of
those rows is written, changed or deleted, whatever writes it (a page, an import, a
restore, a bulk update), so the agenda reads one stored column instead of four lookups
for every person it tracks. ``tests/conversations/test_last_touch.py`` checks that the two
agree after every kind of change.

A later migration that rebuilds one of these tables on SQLite (adding a NOT NULL column,
say) drops its triggers with it: it must run ``trigger_operations`` again, as migration
0001 does; the test fails until it does.
"""

from dataclasses import dataclass

from django.db import models

from coffeechat.interviews.models import MET_STAGES, Interaction, Interview
from coffeechat.outreach.models import Message

TABLE = "conversations_lasttouch"
CONTACTS = "contacts_contact"


@dataclass(frozen=True)
class Moment:
    """A moment of being in touch: ``field`` of each ``model`` row of the contact, or only
    of the rows whose ``only[0]`` is one of ``only[1]``."""

    model: type[models.Model]
    field: str
    only: tuple[str, frozenset] | None = None

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def sql_latest(self, contact: str) -> str:
        """SQL for the latest moment of the contact whose id is the SQL ``contact``."""
        column = self.model._meta.get_field(self.field).column
        condition = ""
        if self.only:
            name, values = self.only
            listed = ", ".join(f"'{value}'" for value in sorted(values))
            condition = f" AND {self.model._meta.get_field(name).column} IN ({listed})"
        return f"SELECT MAX({column}) FROM {self.table} WHERE contact_id = {contact}{condition}"

    def rows(self):
        """The rows that count, for the ORM (``due.last_interactions``)."""
        rows = self.model.objects.all()
        return rows.filter(**{f"{self.only[0]}__in": self.only[1]}) if self.only else rows


MOMENTS = [
    Moment(Interaction, "happened_at"),
    Moment(Interview, "ends_at", ("stage", frozenset(MET_STAGES))),
    Moment(Message, "sent_at"),
    Moment(Message, "replied_at"),
]
WATCHED = sorted({moment.table for moment in MOMENTS})


def trigger_names() -> list[str]:
    """Every trigger the store needs, by name (SQLite's; PostgreSQL's are one per table)."""
    return [
        *(f"lasttouch_{table}_{event}" for table in WATCHED for event in ("ai", "au", "ad")),
        "lasttouch_contact_ad",
    ]


def _sqlite_refresh(contact: str) -> str:
    latest = " UNION ALL ".join(f"SELECT ({m.sql_latest(contact)}) AS m" for m in MOMENTS)
    # The WHERE also skips a contact being deleted (its rows go first): nothing to keep.
    return (
        f"INSERT INTO {TABLE} (contact_id, moment) "
        f"SELECT {contact}, (SELECT MAX(m) FROM ({latest})) "
        f"WHERE EXISTS (SELECT 1 FROM {CONTACTS} WHERE id = {contact}) "
        "ON CONFLICT (contact_id) DO UPDATE SET moment = excluded.moment;"
    )


def sqlite_operations() -> tuple[list[str], list[str]]:
    """(create, drop) statements for SQLite: a trigger per table and event."""
    create = []
    for table in WATCHED:
        create += [
            f"CREATE TRIGGER lasttouch_{table}_ai AFTER INSERT ON {table} "
            f"BEGIN {_sqlite_refresh('new.contact_id')} END",
            f"CREATE TRIGGER lasttouch_{table}_au AFTER UPDATE ON {table} "
            f"BEGIN {_sqlite_refresh('new.contact_id')} {_sqlite_refresh('old.contact_id')} END",
            f"CREATE TRIGGER lasttouch_{table}_ad AFTER DELETE ON {table} "
            f"BEGIN {_sqlite_refresh('old.contact_id')} END",
        ]
    create.append(
        f"CREATE TRIGGER lasttouch_contact_ad AFTER DELETE ON {CONTACTS} "
        f"BEGIN DELETE FROM {TABLE} WHERE contact_id = old.id; END"
    )
    drop = [f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()]
    return drop + create, drop


def postgresql_operations() -> tuple[list[str], list[str]]:
    """(create, drop) statements for PostgreSQL: one function that refreshes a contact's
    moment, called by a trigger on each table."""
    latest = ", ".join(f"({m.sql_latest('cid')})" for m in MOMENTS)
    refresh = f"""
        CREATE OR REPLACE FUNCTION lasttouch_refresh(cid bigint) RETURNS void AS $$
        BEGIN
            IF cid IS NULL THEN RETURN; END IF;
            -- One writer per contact at a time; each statement below then sees what
            -- the other committed (a fresh snapshot per statement), so two changes at
            -- once cannot leave an older moment behind.
            PERFORM 1 FROM {CONTACTS} WHERE id = cid FOR NO KEY UPDATE;
            IF NOT FOUND THEN RETURN; END IF;
            INSERT INTO {TABLE} (contact_id, moment) VALUES (cid, GREATEST({latest}))
            ON CONFLICT (contact_id) DO UPDATE SET moment = EXCLUDED.moment;
        END $$ LANGUAGE plpgsql VOLATILE
        -- Planned at each call for the tables as they are: a plan kept from when they were
        -- small (a new database, a big restore in one transaction) reads every row.
        SET plan_cache_mode = force_custom_plan"""
    changed = """
        CREATE OR REPLACE FUNCTION lasttouch_changed() RETURNS trigger AS $$
        BEGIN
            IF TG_OP <> 'DELETE' THEN PERFORM lasttouch_refresh(NEW.contact_id); END IF;
            IF TG_OP = 'DELETE' OR OLD.contact_id IS DISTINCT FROM NEW.contact_id THEN
                PERFORM lasttouch_refresh(OLD.contact_id);
            END IF;
            RETURN NULL;
        END $$ LANGUAGE plpgsql"""
    forgotten = f"""
        CREATE OR REPLACE FUNCTION lasttouch_contact_deleted() RETURNS trigger AS $$
        BEGIN
            DELETE FROM {TABLE} WHERE contact_id = OLD.id;
            RETURN NULL;
        END $$ LANGUAGE plpgsql"""
    create = [refresh, changed, forgotten]
    drop = []
    for table in WATCHED:
        create.append(
            f"CREATE TRIGGER lasttouch_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION lasttouch_changed()"
        )
        drop.append(f"DROP TRIGGER IF EXISTS lasttouch_{table} ON {table}")
    create.append(
        f"CREATE TRIGGER lasttouch_contact AFTER DELETE ON {CONTACTS} "
        "FOR EACH ROW EXECUTE FUNCTION lasttouch_contact_deleted()"
    )
    drop += [
        f"DROP TRIGGER IF EXISTS lasttouch_contact ON {CONTACTS}",
        "DROP FUNCTION IF EXISTS lasttouch_contact_deleted()",
        "DROP FUNCTION IF EXISTS lasttouch_changed()",
        "DROP FUNCTION IF EXISTS lasttouch_refresh(bigint)",
    ]
    return drop + create, drop


def fill_statement(vendor: str) -> str:
    """Every contact's moment as it stands: run once, when the store is made."""
    if vendor == "postgresql":
        each = ", ".join(f"({m.sql_latest('c.id')})" for m in MOMENTS)
        latest = f"GREATEST({each})"
    else:
        parts = " UNION ALL ".join(f"SELECT ({m.sql_latest('c.id')}) AS m" for m in MOMENTS)
        latest = f"(SELECT MAX(m) FROM ({parts}))"
    return f"INSERT INTO {TABLE} (contact_id, moment) SELECT c.id, {latest} FROM {CONTACTS} c"


def trigger_operations(schema_editor, direction: int) -> None:
    """Create (``direction`` 0) or drop (1) the triggers on this database."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = sqlite_operations()[direction]
    elif vendor == "postgresql":
        statements = postgresql_operations()[direction]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement, params=None)
