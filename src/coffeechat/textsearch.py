"""Accent- and case-blind word search, shared by any app that searches people's text.

No app imports here: this module sits below every app. It folds text the same way for
what is stored and for what is typed ('José Núñez' and 'jose nunez' are the same words)
and turns typed words into a filter that uses an index on both databases:

- SQLite: an FTS5 table over the folded columns, kept in step by triggers
  (``fts5_operations``), queried with column-scoped prefix matches;
- PostgreSQL: a pg_trgm GIN index on each folded column (``trigram_operations``),
  queried with ``LIKE '% word%'``, which the trigram index answers.

Folded columns start with a space, so on both databases a word matches the start of a
stored word ("fin" finds "finance", not "define").
"""

import re
import unicodedata

from django.db import connection, models
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

_NOT_WORD = re.compile(r"[^\w]+|_")
# Apostrophes (straight, curly, modifier letter, grave and acute accents typed for one).
_APOSTROPHES = "'\u2019\u02bc`\u00b4"
_JOIN = str.maketrans("", "", _APOSTROPHES)
_SPLIT = str.maketrans(_APOSTROPHES, " " * len(_APOSTROPHES))
_WITH_APOSTROPHE = re.compile(rf"\w+(?:[{_APOSTROPHES}]\w+)+")
MAX_WORDS = 8  # more typed words than this are ignored: nobody means them all


def fold(text: str) -> str:
    """Lower-case, accents off, apostrophes out, other punctuation to spaces:
    'Núñez-Ortiz, PhD' -> 'nunez ortiz phd', "O'Neil" -> 'oneil'."""
    return _fold((text or "").translate(_JOIN))


def _fold(text: str) -> str:
    text = text.replace("\x00", "")
    if text.isascii():  # most text: no accents to take off (an import folds every row)
        return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", stripped.casefold()).split())


def words(text: str) -> list[str]:
    """The distinct folded words typed in ``text``, at most MAX_WORDS."""
    seen: dict[str, None] = {}
    for word in fold(text).split():
        seen.setdefault(word, None)
    return list(seen)[:MAX_WORDS]


def fold_part(part) -> tuple[str, tuple[str, ...]]:
    """One part of a folded column: its folded words, and the pieces of its words with an
    apostrophe. A word with an apostrophe is stored joined and again in pieces: "O'Neil"
    as "oneil o neil", so typed "oneil", "o'neil" and "neil" all find it."""
    text = str(part)
    if any(mark in text for mark in _APOSTROPHES):
        words = _WITH_APOSTROPHE.findall(text)
        return fold(text), tuple(_fold(word.translate(_SPLIT)) for word in words)
    return fold(text), ()


def index_text(*parts, fold_part=fold_part) -> str:
    """What a folded column stores: the folded parts, with a leading space for prefix matches.

    The parts fold one by one to what "part part ..." folds to (folding works character by
    character, and no word spans the space between two parts), so a caller with many
    repeated parts (an import) may pass a ``fold_part`` that remembers them.
    """
    folded = [fold_part(part) for part in parts if part]
    text = " ".join(words for words, _ in folded if words)
    pieces = [piece for _, more in folded for piece in more]
    if pieces:
        text = " ".join([text, *pieces])
    return f" {text} " if text else ""


class FoldedTextField(models.TextField):
    """A column of ``index_text`` kept by its model from other fields: derived, so it is
    never shown in a form, and a backup leaves it out (restoring fills it again)."""

    derived = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)


def has_words(folded_column: str, typed_words: list[str]) -> bool:
    """The Python twin of ``word_filter``: do all ``typed_words`` start a word of the column?"""
    return all(f" {word}" in folded_column for word in typed_words)


def word_filter(table: str, columns: dict[str, list[str]], fts_table: str) -> Q:
    """A Q for rows of ``table`` whose folded columns have every typed word as a word
    prefix: ``{"search_title": ["eng"], "search_all": ["fin", "boston"]}``. On SQLite one
    FTS5 query answers all of them; on PostgreSQL each is a trigram-indexed LIKE."""
    columns = {column: typed for column, typed in columns.items() if typed}
    if not columns:
        return Q()
    if connection.vendor == "sqlite":
        match = " AND ".join(
            f'{column} : "{word}" *' for column, typed in columns.items() for word in typed
        )
        # The unary + keeps SQLite walking the list in its sort order and checking each
        # row against the matches (a few ms even for a word in every other row), rather
        # than fetching every match by id and sorting them all (15 ms for "engineer" in
        # 50,000 profiles).
        sql = f'+"{table}"."id" IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s)'
        return Q(RawSQL(sql, [match], output_field=BooleanField()))
    q = Q()
    for column, typed in columns.items():
        for word in typed:
            q &= Q(**{f"{column}__contains": f" {word}"})
    return q


def words_or_ids(rows, column: str, fts_table: str, typed: dict[str, list]) -> Q:
    """A Q for ``rows`` (a queryset: the owner's contacts, say) that match every typed word
    in ``typed``: each word is a word prefix in the folded ``column``, or the row's id is in
    one of the word's id lists (querysets of one id column: the people at an organization
    of that name, say). ``{"eng": [at_organizations, tagged], "boston": [...]}``.

    A word's matches and lists make one list of ids (a UNION), which each database reads
    from indexes: FTS5 on SQLite, the trigram index on PostgreSQL. An OR of the three made
    SQLite read every row (95 ms in 50,000 contacts, 10 ms this way), and PostgreSQL,
    unable to estimate it, scan the whole table. On PostgreSQL the words' lists are
    intersected and given as one array (``id = ANY(ARRAY(...))``): the table is read once,
    by its primary key, with the columns the page sorts by. ``id IN (list)`` joined the
    list back one id at a time, and an array per word had the later ones searched
    element by element for each row (seconds for two common words).
    """
    if not typed:
        return Q()
    table = rows.model._meta.db_table
    unions, params = [], []
    for word, id_lists in typed.items():
        if connection.vendor == "sqlite":
            parts = [f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s"]
            params.append(f'{column} : "{word}" *')
        else:
            sql, more = (
                rows.filter(**{f"{column}__contains": f" {word}"}).order_by().values("pk")
            ).query.sql_with_params()
            parts = [sql]
            params.extend(more)
        for ids in id_lists:
            sql, more = ids.order_by().query.sql_with_params()
            parts.append(sql)
            params.extend(more)
        unions.append(" UNION ALL ".join(parts))
    if connection.vendor == "sqlite":
        sql = " AND ".join(f'"{table}"."id" IN ({union})' for union in unions)
    else:
        both = " INTERSECT ".join(f"({union})" for union in unions)
        sql = f'"{table}"."id" = ANY(ARRAY({both}))'
    return Q(RawSQL(sql, params, output_field=BooleanField()))


def search_index(schema_editor, fts_table: str, table: str, columns: list[str], direction: int):
    """For a migration: create (``direction`` 0) or drop (1) the index over ``table``'s
    folded ``columns`` that this database searches with: FTS5 on SQLite, trigrams on
    PostgreSQL."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = fts5_operations(fts_table, table, columns)[direction]
    elif vendor == "postgresql":
        statements = trigram_operations(table, columns)[direction]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def fts5_operations(fts_table: str, table: str, columns: list[str]):
    """SQL for a migration: an FTS5 index over ``table``'s folded ``columns``, with triggers.

    The index is external-content (it stores no second copy of the text) and tokenizes on
    spaces only, the text being folded already.
    """
    cols = ", ".join(columns)
    forward = [
        f"CREATE VIRTUAL TABLE {fts_table} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize=\"unicode61 remove_diacritics 2\")",
        *fts5_triggers(fts_table, table, columns),
    ]
    backward = [*_drop_triggers(fts_table), f"DROP TABLE IF EXISTS {fts_table}"]
    return forward, backward


def fts5_triggers(fts_table: str, table: str, columns: list[str]) -> list[str]:
    """(Re)create the triggers that keep the index in step, and rebuild it.

    Any later migration that makes SQLite rebuild ``table`` (adding a NOT NULL column,
    altering one) drops these triggers with the old table: run this after it."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        *_drop_triggers(fts_table),
        f"CREATE TRIGGER {fts_table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts_table}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts_table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts_table}({fts_table}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        "END",
        f"CREATE TRIGGER {fts_table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts_table}({fts_table}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts_table}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts_table}({fts_table}) VALUES ('rebuild')",
    ]


def _drop_triggers(fts_table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {fts_table}_{suffix}" for suffix in ("ai", "ad", "au")]


def trigram_operations(table: str, columns: list[str]):
    """SQL for a migration on PostgreSQL: pg_trgm and one GIN trigram index per column."""
    forward = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
        f"CREATE INDEX {table}_{c}_trgm ON {table} USING gin ({c} gin_trgm_ops)" for c in columns
    ]
    backward = [f"DROP INDEX IF EXISTS {table}_{c}_trgm" for c in columns]
    return forward, backward
