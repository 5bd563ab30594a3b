"""Which kinds of due item there are, who declares them, and how they sort: one table.

A kind that goes missing, appears unannounced or changes priority fails here, as does an
item of a kind no app declares, a kind declared twice or a due.py without KINDS.
"""

import datetime
import types

import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat import due
from coffeechat.due import DueItem, DueKind

# key -> (the app whose due.py declares it, priority, an all-day item in the feed?)
EXPECTED = {
    "meeting": ("coffeechat.interviews", 10, False),
    "thank-you": ("coffeechat.interviews", 20, True),
    "prepare": ("coffeechat.interviews", 25, True),
    "reflect": ("coffeechat.interviews", 30, True),
    "follow-up": ("coffeechat.outreach", 40, True),
    "second-contact": ("coffeechat.outreach", 45, True),
    "try-someone-else": ("coffeechat.outreach", 50, True),
    "todo": ("coffeechat.interviews", 60, True),
    "keep-in-touch": ("coffeechat.conversations", 70, True),
    "planned": ("coffeechat.interviews", 80, False),
    "network-meeting": ("coffeechat.chats", 12, False),
}
# The kinds that wait with no date of their own (listed under "coming up", not in the feed).
WAITING = {"planned"}


def test_every_kind_is_declared_by_its_app_with_its_priority():
    owners = {kind.key: d.app for d in due.declared() for kind in d.kinds}
    found = {key: (owners[key], kind.priority, kind.all_day) for key, kind in due.kinds().items()}
    assert found == EXPECTED
    assert {key for key, kind in due.kinds().items() if kind.waits} == WAITING


def test_the_apps_with_something_due_are_found_through_the_app_registry():
    assert [d.app for d in due.declared()] == [
        "coffeechat.outreach",
        "coffeechat.interviews",
        "coffeechat.conversations",
        "coffeechat.chats",
    ]


def test_every_kind_has_a_label():
    assert all(kind.label for kind in due.kinds().values())


def test_an_unknown_kind_is_a_loud_error():
    with pytest.raises(ImproperlyConfigured, match="'nap'"):
        due.priority("nap")


def test_an_item_of_an_undeclared_kind_stops_the_agenda(owner, monkeypatch):
    stray = DueItem("nap", None, "", datetime.date(2026, 1, 1), "Sleep")
    monkeypatch.setattr(
        due, "providers", lambda: [lambda user, today, until=None, first=None: [stray]]
    )
    with pytest.raises(ImproperlyConfigured, match="'nap'"):
        due.due_items(owner, datetime.date(2026, 1, 1))


def test_a_kind_declared_twice_is_an_error():
    twice = [
        due.Declared("one", (DueKind("nap", "Nap", 1),), ()),
        due.Declared("two", (DueKind("nap", "Nap", 2),), ()),
    ]
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        due.table(twice)


def test_a_due_module_without_kinds_or_providers_is_an_error():
    with pytest.raises(ImproperlyConfigured, match="KINDS"):
        due.read("app", types.SimpleNamespace(PROVIDERS=[]))
    with pytest.raises(ImproperlyConfigured, match="PROVIDERS"):
        due.read("app", types.SimpleNamespace(KINDS=[]))
