"""Each contact's latest moment in touch is stored by the database itself (triggers,
conversations/last_touch.py), and it always says what the interactions, meetings and
messages say when read live (``due.last_interactions``), however they were written: a
model's save, a queryset's update, a bulk insert, a move to another contact, a deletion.
So do who is tracked for keeping in touch, their cadence and their clock, against the
rule read here with the ORM from the settings and the meetings."""

import datetime

import pytest
import time_machine
from django.db import connection

from coffeechat.contacts.models import Contact
from coffeechat.conversations.due import last_interaction, last_interactions
from coffeechat.conversations.last_touch import WATCHED, trigger_names
from coffeechat.conversations.models import LastTouch
from coffeechat.interviews.models import MET_STAGES, Interaction, Interview, KeepInTouch
from coffeechat.outreach.models import Message
from tests.rich_account import build_rich_account

NOW = datetime.datetime(2026, 5, 6, 14, 0, tzinfo=datetime.UTC)


def ago(days):
    return NOW - datetime.timedelta(days=days)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def ada(owner):
    return Contact.objects.create(owner=owner, first_name="Ada", last_name="Quist")


@pytest.fixture
def bo(owner):
    return Contact.objects.create(owner=owner, first_name="Bo", last_name="Berg")


def stored(owner) -> dict:
    rows = dict(LastTouch.objects.values_list("contact_id", "moment"))
    return {
        pk: rows.get(pk) for pk in Contact.objects.filter(owner=owner).values_list("pk", flat=True)
    }


def live(owner) -> dict:
    return {
        c.pk: last_interaction(c) for c in last_interactions(Contact.objects.filter(owner=owner))
    }


def stored_tracking(owner) -> dict:
    """{contact id: (cadence, clock)} as stored, for the owner's contacts."""
    rows = {
        pk: (owner_id, cadence, clock)
        for pk, owner_id, cadence, clock in LastTouch.objects.values_list(
            "contact_id", "owner_id", "cadence", "clock"
        )
    }
    tracking = {}
    for pk in Contact.objects.filter(owner=owner).values_list("pk", flat=True):
        owner_id, cadence, clock = rows.get(pk, (owner.pk, None, None))
        assert owner_id == owner.pk
        tracking[pk] = (cadence, clock)
    return tracking


def live_tracking(owner) -> dict:
    """The rule, read contact by contact: a cadence chosen (none: not tracked), else the
    default once met; the clock from the latest moment, else from choosing the cadence."""
    moments = live(owner)
    tracking = {}
    for contact in Contact.objects.filter(owner=owner):
        setting = KeepInTouch.objects.filter(contact=contact).first()
        if setting is not None:
            cadence, since = setting.cadence_days, setting.created_at
        elif Interview.objects.filter(contact=contact, stage__in=MET_STAGES).exists():
            cadence, since = KeepInTouch.DEFAULT_DAYS, None
        else:
            cadence, since = None, None
        clock = None if cadence is None else moments[contact.pk] or since
        tracking[contact.pk] = (cadence, clock)
    return tracking


def agree(owner) -> dict:
    """The stored moments, once checked against the live ones (and who is tracked)."""
    assert stored(owner) == live(owner)
    assert stored_tracking(owner) == live_tracking(owner)
    return stored(owner)


def tracked(owner) -> dict:
    """{contact id: (cadence, clock)} of the people tracked, once checked."""
    agree(owner)
    return {pk: pair for pk, pair in stored_tracking(owner).items() if pair[0] is not None}


def test_every_kind_of_change_keeps_the_stored_moment_right(owner, ada, bo, frozen):
    assert agree(owner) == {ada.pk: None, bo.pk: None}

    call = Interaction.objects.create(owner=owner, contact=ada, kind="call", happened_at=ago(30))
    assert agree(owner)[ada.pk] == ago(30)

    request = Message.objects.create(owner=owner, contact=ada, subject="Hello", body="Hi Ada")
    assert agree(owner)[ada.pk] == ago(30)  # a draft is not being in touch
    request.mark_sent(ago(20))
    assert agree(owner)[ada.pk] == ago(20)
    request.mark_replied(ago(18))
    assert agree(owner)[ada.pk] == ago(18)

    meeting = Interview.objects.create(
        owner=owner, contact=bo, stage=Interview.Stage.DONE, starts_at=ago(11), ends_at=ago(10)
    )
    assert agree(owner)[bo.pk] == ago(10)
    Interview.objects.filter(pk=meeting.pk).update(stage=Interview.Stage.CANCELLED)
    assert agree(owner)[bo.pk] is None  # a meeting that did not happen
    meeting.stage = Interview.Stage.THANKED
    meeting.save()
    assert agree(owner)[bo.pk] == ago(10)

    Interaction.objects.filter(pk=call.pk).update(happened_at=ago(2))
    assert agree(owner)[ada.pk] == ago(2)

    Message.objects.filter(pk=request.pk).update(contact=bo)  # filed under the wrong person
    moments = agree(owner)
    assert moments == {ada.pk: ago(2), bo.pk: ago(10)}

    call.delete()
    assert agree(owner)[ada.pk] is None

    Interaction.objects.bulk_create(
        [Interaction(owner=owner, contact=ada, kind="email", happened_at=ago(d)) for d in (9, 4, 6)]
    )
    assert agree(owner)[ada.pk] == ago(4)


def test_who_is_tracked_follows_meetings_and_chosen_cadences(owner, ada, bo, frozen):
    assert tracked(owner) == {}

    meeting = Interview.objects.create(
        owner=owner, contact=ada, stage=Interview.Stage.DONE, starts_at=ago(41), ends_at=ago(40)
    )
    assert tracked(owner) == {ada.pk: (90, ago(40))}  # met: the default cadence

    with time_machine.travel(ago(5), tick=False):
        KeepInTouch.set_cadence(bo, 30)  # never met, tracked from when it was chosen
    assert tracked(owner) == {ada.pk: (90, ago(40)), bo.pk: (30, ago(5))}

    Interaction.objects.create(owner=owner, contact=bo, kind="call", happened_at=ago(1))
    KeepInTouch.set_cadence(ada, 60)
    assert tracked(owner) == {ada.pk: (60, ago(40)), bo.pk: (30, ago(1))}

    KeepInTouch.set_cadence(ada, None)  # no reminders, though met
    assert tracked(owner) == {bo.pk: (30, ago(1))}

    KeepInTouch.objects.filter(contact=ada).delete()  # back to the default
    assert tracked(owner) == {ada.pk: (90, ago(40)), bo.pk: (30, ago(1))}

    Interview.objects.filter(pk=meeting.pk).update(stage=Interview.Stage.CANCELLED)
    KeepInTouch.objects.filter(contact=bo).update(cadence_days=180)
    assert tracked(owner) == {bo.pk: (180, ago(1))}


def test_another_students_people_are_stored_under_their_owner(owner, ada, outsider, frozen):
    theirs = Contact.objects.create(owner=outsider, first_name="Cy", last_name="Holm")
    KeepInTouch.set_cadence(theirs, 30)
    KeepInTouch.set_cadence(ada, 60)

    assert tracked(owner) == {ada.pk: (60, NOW)}
    assert tracked(outsider) == {theirs.pk: (30, NOW)}


def test_a_deleted_contact_leaves_nothing_behind(owner, ada, bo, frozen):
    Interaction.objects.create(owner=owner, contact=ada, kind="call", happened_at=ago(3))
    Message.objects.create(owner=owner, contact=ada, subject="Hi", body="Hi").mark_sent(ago(1))
    KeepInTouch.set_cadence(ada, 30)

    ada.delete()

    assert set(LastTouch.objects.values_list("contact_id", flat=True)) <= {bo.pk}
    assert agree(owner) == {bo.pk: None}


def test_a_rich_account_agrees_contact_by_contact(owner):
    build_rich_account(owner)

    moments = agree(owner)
    assert len(moments) >= 4 and any(moment is not None for moment in moments.values())


def test_the_triggers_are_all_in_place(db):
    """A later migration that rebuilds one of the watched tables on SQLite drops its
    triggers: it must put them back (last_touch.trigger_operations)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            expected = set(trigger_names())
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            expected = {f"lasttouch_{table}" for table in WATCHED} | {"lasttouch_contact"}
        found = {name for (name,) in cursor.fetchall()}
    assert expected <= found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan cache")
def test_the_refresh_is_planned_for_the_tables_as_they_are(db):
    """A plan cached while the tables were small (a new database, a big restore in one
    transaction) would read every row at each call as they grow: generating 10,000
    messages took three times as long."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT proconfig FROM pg_proc WHERE proname = 'lasttouch_refresh'")
        (config,) = cursor.fetchone()
    assert "plan_cache_mode=force_custom_plan" in config
