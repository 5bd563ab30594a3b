"""What is due: the contract every app's agenda provider fulfils, at the bottom.

Computed from the data on every request: no cron job, no worker. Each app that knows
about something due declares, in its own ``due.py``:

- ``KINDS``: the kinds of item it yields, each a ``DueKind`` (key, label, priority);
- ``PROVIDERS``: functions ``provider(user, today, until=None, first=None) ->
  Iterable[DueItem]``: what is due by ``today`` and, asked for ``until`` (a later day),
  what comes due by then too, by the same rule; a kind that ``waits`` (a conversation
  planned, not yet asked for) has no date of its own and is given only when asked for
  what is ahead. Asked for ``first``, a provider may leave out what comes after its first
  ``first`` items of each part of the list (overdue, today, coming up: ``part()``), in
  due-date order (``heads()`` narrows a query to the rows that can be among them,
  ``firsts()`` picks them from plain rows): the home page shows the first few of each
  part and must neither read nor build thousands of items to show them;
- optionally ``EVENTS``: functions ``events(user, *, now, base_url) -> list`` of timed
  iCalendar events for the private calendar feed (meetings).

Nothing registers itself on import: ``kinds()`` and ``providers()`` find every coffeechat
app's ``due.py`` through the app registry the first time they are asked, the way the
backup finds sections. A kind declared twice, a ``due.py`` without ``KINDS`` or
``PROVIDERS``, or an item of a kind nobody declares stops with ImproperlyConfigured
(``tests/test_due_kinds.py`` pins the whole table).

The home page, the agenda page, ``coffeechat due`` and the calendar feed all read
``due_items()``, so they always agree. This module imports no app.
"""

from __future__ import annotations

import datetime
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models.expressions import RawSQL
from django.utils.module_loading import module_has_submodule

PROJECT = "coffeechat."


@dataclass(frozen=True)
class DueKind:
    """One kind of due item. Lower ``priority`` sorts first when due dates tie."""

    key: str
    label: str
    priority: int
    # False for a kind the calendar feed already carries as a timed event (meetings).
    all_day: bool = True
    # True for something waiting on the student with no date of its own (a conversation
    # planned but not asked for): listed under "coming up" with the day it began, never
    # in the calendar feed (it would sit on a day that means nothing).
    waits: bool = False


@dataclass(frozen=True)
class DueItem:
    kind: str
    contact_id: int | None
    contact: str
    due: datetime.date
    title: str
    url: str = ""
    # For timed things such as meetings; None for all-day items.
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None

    def as_json(self) -> dict:
        """The item for ``coffeechat due --json``: dates in ISO 8601, times in UTC with
        their offset, ``url`` the path of the page that does the step (or "")."""
        return {
            "kind": self.kind,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "due": self.due.isoformat(),
            "title": self.title,
            "url": self.url,
            "starts_at": _iso(self.starts_at),
            "ends_at": _iso(self.ends_at),
        }


Provider = Callable[..., Iterable[DueItem]]


@dataclass(frozen=True)
class Declared:
    """What one app's ``due.py`` declares."""

    app: str
    kinds: tuple[DueKind, ...]
    providers: tuple[Provider, ...]
    events: tuple[Callable, ...] = ()


_declared: list[Declared] | None = None
_kinds: dict[str, DueKind] | None = None


def declared() -> list[Declared]:
    """Every coffeechat app's due.py, in INSTALLED_APPS order."""
    global _declared
    if _declared is None:
        found = []
        for app in apps.get_app_configs():
            if not app.name.startswith(PROJECT) or not module_has_submodule(app.module, "due"):
                continue
            found.append(read(app.name, import_module(f"{app.name}.due")))
        _declared = found
    return _declared


def read(app: str, module) -> Declared:
    """The declarations of ``module`` (an app's due.py), checked."""
    listed_kinds = getattr(module, "KINDS", None)
    listed_providers = getattr(module, "PROVIDERS", None)
    if not isinstance(listed_kinds, list | tuple) or not all(
        isinstance(kind, DueKind) for kind in listed_kinds
    ):
        raise ImproperlyConfigured(f"{app}.due must declare KINDS, a list of due.DueKind.")
    if not isinstance(listed_providers, list | tuple) or not all(
        callable(provider) for provider in listed_providers
    ):
        raise ImproperlyConfigured(f"{app}.due must declare PROVIDERS, a list of functions.")
    events = getattr(module, "EVENTS", ())
    return Declared(app, tuple(listed_kinds), tuple(listed_providers), tuple(events))


def table(declarations: list[Declared]) -> dict[str, DueKind]:
    """Every kind by key; a key declared twice is an error."""
    owner: dict[str, str] = {}
    result: dict[str, DueKind] = {}
    for declaration in declarations:
        for kind in declaration.kinds:
            if kind.key in owner:
                raise ImproperlyConfigured(
                    f"due kind {kind.key!r} is declared twice ({owner[kind.key]} and "
                    f"{declaration.app})."
                )
            owner[kind.key] = declaration.app
            result[kind.key] = kind
    return result


def kinds() -> dict[str, DueKind]:
    global _kinds
    if _kinds is None:
        _kinds = table(declared())
    return _kinds


def kind(key: str) -> DueKind:
    """The declared kind ``key``; ImproperlyConfigured for one no app declares."""
    try:
        return kinds()[key]
    except KeyError:
        raise ImproperlyConfigured(
            f"due kind {key!r} is declared by no app: add it to the KINDS of the app's due.py."
        ) from None


def priority(key: str) -> int:
    return kind(key).priority


def providers() -> list[Provider]:
    return [provider for declaration in declared() for provider in declaration.providers]


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)

# How far ahead the agenda, the home page and the calendar feed look: far enough to see
# the next check-in on the longest keep-in-touch cadence (180 days).
AHEAD_DAYS = 183


def ahead(today: datetime.date) -> datetime.date:
    """The last day of what is "coming up" seen from ``today``."""
    return today + datetime.timedelta(days=AHEAD_DAYS)


def due_items(
    user,
    today: datetime.date,
    *,
    until: datetime.date | None = None,
    first: int | None = None,
) -> list[DueItem]:
    """Everything due for ``user`` by ``today`` (and upcoming meetings), most urgent first;
    with ``until``, also what comes due after today up to that day, and what waits; with
    ``first``, at least the first ``first`` of each part (overdue, today, coming up) and
    perhaps no more."""
    until = max(until or today, today)
    items: list[DueItem] = []
    for provider in providers():
        items.extend(provider(user, today, until=until, first=first))
    by_key = kinds()
    for item in items:
        if item.kind not in by_key:
            kind(item.kind)  # raises, naming the kind
    return sorted(
        items,
        key=lambda item: (
            item.due,
            by_key[item.kind].priority,
            item.starts_at or _EARLIEST,
            item.contact.casefold(),
        ),
    )


OVERDUE, TODAY, COMING_UP = 0, 1, 2


def part(day: datetime.date, today: datetime.date) -> int:
    """Which part of the list an item due on ``day`` is in: OVERDUE, TODAY or COMING_UP."""
    return OVERDUE if day < today else TODAY if day == today else COMING_UP


def firsts(rows: Iterable, due_of: Callable, today: datetime.date, first: int | None) -> list:
    """The ``rows`` whose items are among the first ``first`` of their part of the list by
    due date (``due_of(row)``; rows due the same day keep their order), each part in
    order; every row when ``first`` is None. Plain rows in, so that only the items shown
    are built."""
    if first is None:
        return list(rows)
    parts: tuple[list, list, list] = ([], [], [])
    for row in rows:
        day = due_of(row)
        parts[part(day, today)].append((day, row))
    return [
        row
        for found in parts
        for _day, row in heapq.nsmallest(first, found, key=lambda pair: pair[0])
    ]


def heads(rows, parts: list, order: tuple, first: int | None):
    """``rows`` (a queryset) narrowed, when asked for ``first``, to those that can be
    among the first ``first`` of each part of the list: ``parts`` are the filters (Q) of
    the rows due in each part, ``order`` puts each part in due-date order. Each part is
    read up to its LIMIT, all of them in one query of ids (a UNION ALL the rows' own query
    narrows), so the database reads the rows shown, not every row that is due."""
    if first is None:
        return rows
    ids = rows.order_by(*order).values("pk")
    ranges, params = [], []
    for n, where in enumerate(parts):
        sql, part_params = ids.filter(where)[:first].query.sql_with_params()
        ranges.append(f"SELECT * FROM ({sql}) AS part{n}")
        params.extend(part_params)
    return rows.filter(pk__in=RawSQL(" UNION ALL ".join(ranges), params))


def events(user, *, now: datetime.datetime, base_url: str = "") -> list:
    """The timed events every app gives the calendar feed."""
    return [
        event
        for declaration in declared()
        for source in declaration.events
        for event in source(user, now=now, base_url=base_url)
    ]
