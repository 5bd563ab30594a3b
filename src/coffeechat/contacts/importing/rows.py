"""Writing tens of thousands of rows quickly, for imports.

Django's bulk_create and bulk_update pass every single value through the SQL compiler;
for 30,000 contacts that alone costs several seconds (bulk_update of 2,000 rows, with
its CASE WHEN per field, about as much). These two helpers adapt each value once with
the field's own database preparation (skipped for plain text and ids, which need none)
and send parameterized statements, in batches, through Django's connection, so they
run inside the caller's transaction.atomic() like any ORM write. No signals are sent,
as with bulk_create.
"""

from collections import defaultdict
from collections.abc import Iterable
from itertools import islice

from django.db import connections, models, router

# SQLite allows 32,766 parameters per statement and PostgreSQL 65,535; stay well below.
MAX_PARAMS = 30_000
MAX_ROWS = 1_000


_EMPTY_LIST = object()


def _adapter(field, connection):
    """A function that prepares a value of ``field`` for the database, or None if as-is."""
    if field.is_relation or isinstance(field, models.CharField | models.TextField):
        return None
    # Values repeat a lot in an import (dates, None, empty email lists): prepare each once.
    cache = {}

    def adapt(value):
        key = _EMPTY_LIST if isinstance(value, list) and not value else value
        try:
            return cache[key]
        except KeyError:
            prepared = cache[key] = field.get_db_prep_save(value, connection)
            return prepared
        except TypeError:  # unhashable: a non-empty list or a dict
            return field.get_db_prep_save(value, connection)

    return adapt


def _batches(items, size):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _placeholders(connection, count: int) -> str:
    mark = "?" if connection.vendor == "sqlite" else "%s"
    return "(" + ", ".join([mark] * count) + ")"


def _execute(connection, sql: str, params: list, *, fetch=True):
    """Run one statement and return its rows. On SQLite the statement goes straight to the
    sqlite3 connection Django holds (same transaction) with "?" marks, because Django's
    cursor would rewrite every "%s" of a 16,000-parameter statement with a regex first."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        cursor = connection.connection.execute(sql, params)
        return cursor.fetchall() if fetch else []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if fetch else []


def insert(
    model, rows: Iterable[dict], *, now=None, ignore_conflicts=False, count: int | None = None
) -> list[int]:
    """INSERT ``rows`` ({attname: value}; missing ones take the field default) and return
    the new primary keys in the same order. With ``ignore_conflicts``, rows that would break
    a unique constraint are left out, and nothing is returned.

    ``rows`` may be an iterator when ``count`` says how many rows it gives: they are then
    made while the database writes the ones before (on PostgreSQL, one COPY streams them).
    """
    if count is None:
        rows = list(rows)
        count = len(rows)
    if not count:
        return []
    db = router.db_for_write(model)
    connection = connections[db]
    if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover
        objects = model._default_manager.bulk_create(
            [model(**row) for row in rows], batch_size=500, ignore_conflicts=ignore_conflicts
        )
        return [] if ignore_conflicts else [obj.pk for obj in objects]
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    defaults = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = now
        else:
            defaults[field.attname] = field.get_default()
    names = [field.attname for field in fields]
    if connection.vendor == "postgresql":
        if ignore_conflicts:
            _insert_arrays(connection, meta, fields, names, defaults, rows)
            return []
        return _copy(connection, meta, fields, names, defaults, rows, count)
    adapters = [
        (position, adapt)
        for position, field in enumerate(fields)
        if (adapt := _adapter(field, connection))
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    size = max(1, min(MAX_ROWS, MAX_PARAMS // len(fields)))
    ids = []
    for batch in _batches(rows, size):
        params = []
        for row in batch:
            values = [row[name] if name in row else defaults[name] for name in names]
            for position, adapt in adapters:
                values[position] = adapt(values[position])
            params.extend(values)
        sql = (
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "
            + ", ".join([_placeholders(connection, len(fields))] * len(batch))
            + (" ON CONFLICT DO NOTHING" if ignore_conflicts else "")
            + ("" if ignore_conflicts else f" RETURNING {quote(meta.pk.column)}")
        )
        ids.extend(row[0] for row in _execute(connection, sql, params, fetch=not ignore_conflicts))
    return ids


def _copy(connection, meta, fields, names, defaults, rows, count: int) -> list[int]:
    """PostgreSQL: the rows by COPY, with ids taken from the table's sequence first.

    A multi-row INSERT of 30,000 contacts spends more time in the driver, splitting a
    statement of 300,000 placeholders, than in the database; COPY sends the values as a
    stream, with no statement to parse (bench/README.md has the numbers), and the database
    writes each part while the next rows are made.
    """
    quote = connection.ops.quote_name
    table, pk = quote(meta.db_table), meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk, count],
        )
        ids = [row[0] for row in cursor.fetchall()]
        adapters = [
            (position, adapt)
            for position, field in enumerate(fields)
            if (adapt := _adapter(field, connection))
        ]
        columns = ", ".join([quote(pk), *(quote(field.column) for field in fields)])
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for new_id, row in zip(ids, rows, strict=True):
                values = [row[name] if name in row else defaults[name] for name in names]
                for position, adapt in adapters:
                    values[position] = adapt(values[position])
                copy.write_row([new_id, *values])
    return ids


def _insert_arrays(connection, meta, fields, names, defaults, rows):
    """PostgreSQL, rows that may break a unique constraint (left out): one INSERT from
    arrays, one per column (``unnest``), so the statement has a parameter per column, not
    per value (6,000 organizations made 18,000 for the driver to find and quote)."""
    columns = [[] for _ in fields]
    adapters = [_adapter(field, connection) for field in fields]
    for row in rows:
        for position, name in enumerate(names):
            value = row[name] if name in row else defaults[name]
            adapt = adapters[position]
            columns[position].append(adapt(value) if adapt else value)
    quote = connection.ops.quote_name
    arrays = ", ".join(f"%s::{field.cast_db_type(connection)}[]" for field in fields)
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, columns)


def update(model, changes: list[tuple[int, dict]]):
    """UPDATE each (pk, {attname: value}), one executemany per set of changed fields."""
    if not changes:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    quote = connection.ops.quote_name
    by_fields = defaultdict(list)
    for pk, values in changes:
        by_fields[tuple(sorted(values))].append((pk, values))
    adapters = {}
    with connection.cursor() as cursor:
        for names, group in by_fields.items():
            fields = [meta.get_field(name) for name in names]
            for field in fields:
                if field.attname not in adapters:
                    adapters[field.attname] = _adapter(field, connection)
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            sql = (
                f"UPDATE {quote(meta.db_table)} SET {assignments} "
                f"WHERE {quote(meta.pk.column)} = %s"
            )
            params = []
            for pk, values in group:
                row = []
                for field in fields:
                    adapt = adapters[field.attname]
                    value = values[field.attname]
                    row.append(adapt(value) if adapt else value)
                row.append(pk)
                params.append(row)
            for batch in _batches(params, MAX_ROWS):
                cursor.executemany(sql, batch)


# Big values travel in parts on PostgreSQL: libpq keeps its buffers at the size of the
# biggest message the connection has sent or received, as long as the connection lives
# (a minute between requests), so one message of an upload's 35 MB file and 14 MB parsed
# copy left 64 MB with the web worker for its next requests.
BYTES_PART = 1 << 20
READ_PARTS = 8  # at most, to read a value: each part of a compressed one decompresses it


def write_bytes(instance, **values: bytes):
    """Save big ``values`` ({binary field: bytes}) of a saved ``instance``, in its
    transaction, and set them on it.

    On PostgreSQL they travel as binary parameters (Django's psycopg cursor writes each
    value into the statement's text in hexadecimal, several copies of twice its size: an
    upload of 35 MB took 400 MB to store), a value bigger than BYTES_PART in parts, put
    together in a large object that is dropped once it is copied. Elsewhere a plain
    UPDATE does.
    """
    model = type(instance)
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    if connection.vendor != "postgresql":
        for name, value in values.items():
            setattr(instance, name, value)
        instance.save(update_fields=list(values))
        return
    import psycopg  # only on PostgreSQL, whose driver it is

    quote = connection.ops.quote_name
    update = f"UPDATE {quote(meta.db_table)} SET {{}} WHERE {quote(meta.pk.column)} = %s"
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:  # server-side binding
        for name, value in values.items():
            column = quote(meta.get_field(name).column)
            if value is None or len(value) <= BYTES_PART:
                cursor.execute(update.format(f"{column} = %b"), [value, instance.pk])
                continue
            view = memoryview(value)
            large = cursor.execute("SELECT lo_create(0)").fetchone()[0]
            for start in range(0, len(view), BYTES_PART):
                part = view[start : start + BYTES_PART]
                cursor.execute("SELECT lo_put(%s::oid, %s, %b)", [large, start, part])
            cursor.execute(update.format(f"{column} = lo_get(%s::oid)"), [large, instance.pk])
            cursor.execute("SELECT lo_unlink(%s::oid)", [large])
    for name, value in values.items():
        setattr(instance, name, value)


def read_bytes(instance, name: str):
    """The value of ``instance``'s binary field ``name``, loaded now if it was deferred
    (and kept on the instance). On PostgreSQL it comes as binary (Django's cursor would
    have it sent in hexadecimal text, twice its size, and decode that), a big value in
    parts of at least BYTES_PART, read one at a time in one statement."""
    if name not in instance.get_deferred_fields():
        return getattr(instance, name)
    model = type(instance)
    connection = connections[router.db_for_read(model)]
    if connection.vendor != "postgresql":
        return getattr(instance, name)
    import psycopg  # only on PostgreSQL, whose driver it is

    meta = model._meta
    quote = connection.ops.quote_name
    column, table, pk = (
        quote(meta.get_field(name).column),
        quote(meta.db_table),
        quote(meta.pk.column),
    )
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        found = cursor.execute(
            f"SELECT octet_length({column}) FROM {table} WHERE {pk} = %s", [instance.pk]
        ).fetchone()
        length = found[0] if found else None
        if length is None or length <= BYTES_PART:
            cursor.execute(
                f"SELECT {column} FROM {table} WHERE {pk} = %s", [instance.pk], binary=True
            )
            found = cursor.fetchone()
            value = found[0] if found else None
        else:
            size = max(BYTES_PART, -(-length // READ_PARTS))
            value, end = bytearray(length), 0  # filled in place: no copy as it grows
            parts = cursor.stream(
                f"SELECT substring({column} FROM start FOR %s::int) FROM {table}, "
                f"generate_series(1, %s::int, %s::int) AS start WHERE {pk} = %s ORDER BY start",
                [size, length, size, instance.pk],
                binary=True,
            )
            for (part,) in parts:
                value[end : end + len(part)] = part
                end += len(part)
            if end != length or len(value) != length:  # changed meanwhile: read it whole
                cursor.execute(
                    f"SELECT {column} FROM {table} WHERE {pk} = %s", [instance.pk], binary=True
                )
                found = cursor.fetchone()
                value = found[0] if found else None
    setattr(instance, name, value)
    return value
