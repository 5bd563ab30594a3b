"""The last time a student was in touch with each person, and when their next check-in
falls due: the moments that count, who is tracked, and the database triggers that keep
both stored per contact (``models.LastTouch``).

What counts (``MOMENTS``): an interaction logged by hand or by a meeting, a meeting held
(its end), an outreach message sent to them and their reply. ``due.last_interactions``
reads the same list live; the triggers below store its answer per contact whenever one of
those rows is written, changed or deleted, whatever writes it (a page, an import, a
restore, a bulk update), so the agenda reads one stored column instead of four lookups
for every person it tracks. ``tests/conversations/test_last_touch.py`` checks that the two
agree after every kind of change.

Who is tracked (``_cadence``): a person with a cadence chosen on their page, or met and
given none (the default); choosing "no reminders" stops it. Their ``cadence`` and
``clock`` (the latest moment, else when the cadence was chosen) are stored beside the
moment, indexed by owner, cadence and clock, so the agenda reads the first few check-ins
due in each part of its list from the index instead of ranking every tracked person.

A later migration that rebuilds one of these tables on SQLite (adding a NOT NULL column,
say) drops its triggers with it: it must run ``trigger_operations`` again, as migration
0002 does; the test fails until it does.
"""

from dataclasses import dataclass

from django.db import models

from coffeechat.interviews.models import MET_STAGES, Interaction, Interview, KeepInTouch
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
SETTINGS = KeepInTouch._meta.db_table
MEETINGS = Interview._meta.db_table
# Choosing a cadence (or none) changes who is tracked, so its table is watched as well.
WATCHED = sorted({moment.table for moment in MOMENTS} | {SETTINGS})
KEPT = ("moment", "owner_id", "cadence", "clock")
COLUMNS = ", ".join(("contact_id", *KEPT))


def _upsert(vendor: str) -> str:
    """The ON CONFLICT clause that updates a contact's row, only when something changed:
    most writes (a draft, a note) change nothing here, and an update left a dead row
    version and index entry behind each time."""
    differs = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return (
        "ON CONFLICT (contact_id) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in KEPT)
        + f" WHERE ({', '.join(f'{TABLE}.{column}' for column in KEPT)}) {differs} "
        + f"({', '.join(f'excluded.{column}' for column in KEPT)})"
    )


def trigger_names() -> list[str]:
    """Every trigger the store needs, by name (SQLite's; PostgreSQL's are one per table)."""
    return [
        *(f"lasttouch_{table}_{event}" for table in WATCHED for event in ("ai", "au", "ad")),
        "lasttouch_contact_ad",
    ]


def _latest(contact: str, vendor: str) -> str:
    """SQL for the contact's latest moment of all ``MOMENTS``, NULL if none."""
    if vendor == "postgresql":
        return "GREATEST(" + ", ".join(f"({m.sql_latest(contact)})" for m in MOMENTS) + ")"
    # SQLite's many-argument MAX() is NULL when any argument is: an aggregate instead.
    each = " UNION ALL ".join(f"SELECT ({m.sql_latest(contact)}) AS m" for m in MOMENTS)
    return f"(SELECT MAX(m) FROM ({each}))"


def _cadence(contact: str) -> str:
    """SQL for how often to check in with the contact, NULL when nobody keeps count: the
    cadence chosen for them (NULL: switched off), or else the default once met."""
    met = ", ".join(f"'{stage}'" for stage in sorted(MET_STAGES))
    setting = f"FROM {SETTINGS} WHERE contact_id = {contact}"
    return (
        f"CASE WHEN EXISTS (SELECT 1 {setting}) THEN (SELECT cadence_days {setting}) "
        f"WHEN EXISTS (SELECT 1 FROM {MEETINGS} WHERE contact_id = {contact} "
        f"AND stage IN ({met})) THEN {KeepInTouch.DEFAULT_DAYS} END"
    )


def rows_sql(vendor: str, where: str) -> str:
    """A SELECT of ``COLUMNS`` for the contacts (``c``) that ``where`` picks.

    ``clock`` is when the check-in clock of a tracked person started: their latest moment,
    or with none yet, when their cadence was chosen. NULL for the people not tracked, so
    the agenda's index holds only those who are.
    """
    return (
        f"SELECT id, moment, owner_id, cadence, "
        "CASE WHEN cadence IS NOT NULL THEN COALESCE(moment, since) END "
        f"FROM (SELECT c.id AS id, c.owner_id AS owner_id, {_latest('c.id', vendor)} AS moment, "
        f"{_cadence('c.id')} AS cadence, "
        f"(SELECT created_at FROM {SETTINGS} WHERE contact_id = c.id) AS since "
        f"FROM {CONTACTS} c WHERE {where}) AS x"
    )


def _sqlite_refresh(contact: str) -> str:
    # No row for a contact being deleted (its rows go first): nothing to keep. The WHERE
    # tells SQLite's parser that ON CONFLICT starts the upsert, not a join.
    return (
        f"INSERT INTO {TABLE} ({COLUMNS}) {rows_sql('sqlite', f'c.id = {contact}')} "
        f"WHERE true {_upsert('sqlite')};"
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
    refresh = f"""
        CREATE OR REPLACE FUNCTION lasttouch_refresh(cid bigint) RETURNS void AS $$
        BEGIN
            IF cid IS NULL THEN RETURN; END IF;
            -- One writer per contact at a time; each statement below then sees what
            -- the other committed (a fresh snapshot per statement), so two changes at
            -- once cannot leave an older moment behind.
            PERFORM 1 FROM {CONTACTS} WHERE id = cid FOR NO KEY UPDATE;
            IF NOT FOUND THEN RETURN; END IF;
            INSERT INTO {TABLE} ({COLUMNS}) {rows_sql("postgresql", "c.id = cid")}
            {_upsert("postgresql")};
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
    """Every contact's row as it stands: run when the store is made or its columns change."""
    rows = rows_sql(vendor, "true")
    return f"INSERT INTO {TABLE} ({COLUMNS}) {rows} WHERE true {_upsert(vendor)}"


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
