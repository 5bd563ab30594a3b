"""The JSON backup: a complete copy of one user's data that restores exactly."""

import copy
import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model

from coffeechat import backup
from coffeechat.accounts.models import Profile
from coffeechat.agenda.models import CalendarFeed
from coffeechat.backup import BackupError, export_backup, load_backup, registry, restore_backup
from coffeechat.contacts import backup as contacts_backup
from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    TimelineEntry,
    Todo,
)
from coffeechat.outreach.models import Message, MessageTemplate
from tests.conftest import make_user
from tests.rich_account import GOLDEN, build_rich_account, same_data

UTC = dt.UTC


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


@pytest.fixture
def newcomer(db):
    return make_user("nadia")


def without_time(data):
    data = copy.deepcopy(data)
    data.pop("exported_at")
    return data


def test_a_restored_backup_exports_identically(rich_owner, newcomer):
    first = export_backup(rich_owner)

    summary = restore_backup(newcomer, json.loads(json.dumps(first)))
    second = export_backup(newcomer)

    assert without_time(second) == without_time(first)
    assert str(summary) == (
        "Restored 3 organizations, 5 tags, 4 contacts, 4 interviews, 3 next steps, "
        "2 keep-in-touch cadences, 3 interactions, 3 message templates, 7 messages "
        "and the profile."
    )


def test_the_restored_account_has_the_same_records(rich_owner, newcomer):
    restore_backup(newcomer, export_backup(rich_owner))

    ada = Contact.objects.get(owner=newcomer, first_name="Ada")
    assert ada.organization.owner == newcomer
    assert ada.organization.website == "https://ioniclabs.example"
    assert ada.emails == ["ada@ioniclabs.example", "ada.singh@alumni.example"]
    assert ada.referred_by.first_name == "Zoë"
    assert ada.referred_by.referred_by.first_name == "José"
    assert ada.referred_by.referred_by.referred_by == ada
    assert sorted(t.name for t in ada.tags.all()) == ["batteries", "boston", "≠ ascii"]
    assert all(t.owner == newcomer for t in ada.tags.all())
    assert ada.connected_on == dt.date(2024, 1, 15)
    assert ada.created_at == dt.datetime(2024, 2, 1, 9, 30, 15, 123456, tzinfo=UTC)
    assert ada.updated_at == dt.datetime(2024, 3, 2, 18, 5, 0, 654321, tzinfo=UTC)
    assert ada.notes == "Met at the open house.\nAsked about grad school."
    profile = Profile.objects.get(owner=newcomer)
    assert profile.name == "Olivia Ørsted-Núñez"
    assert profile.class_year == 2027
    assert profile.time_zone == "America/New_York"
    # The original account is untouched.
    assert Contact.objects.filter(owner=rich_owner).count() == 4


def test_the_restored_account_has_the_same_interviews_and_messages(rich_owner, newcomer):
    restore_backup(newcomer, export_backup(rich_owner))

    ada = Interview.objects.get(owner=newcomer, contact__first_name="Ada")
    assert ada.stage == "keeping-in-touch"
    assert ada.contact.owner == newcomer
    assert ada.starts_at == dt.datetime(2025, 2, 12, 15, 0, tzinfo=UTC)
    assert ada.local_start.hour == 9 and ada.time_zone == "America/Chicago"
    assert ada.created_at == dt.datetime(2025, 2, 3, 10, 0, tzinfo=UTC)
    assert ada.updated_at == dt.datetime(2025, 2, 14, 8, 0, tzinfo=UTC)
    assert ada.reflection["advice"] == "Take the co-op." and ada.fit_score == 5
    assert [q.notes for q in ada.questions.all()][2] == "Her colleague at Volta — «ask first»"
    assert ada.timeline.count() == 6 and ada.timeline.last().text == "Now part of your network"
    assert sorted(t.done_at is not None for t in ada.todos.all()) == [False, True]
    assert Interaction.objects.get(owner=newcomer, interview=ada).kind == "meeting"
    assert KeepInTouch.objects.get(owner=newcomer, contact=ada.contact).cadence_days == 60
    zoë = Interview.objects.get(owner=newcomer, contact__first_name="Zoë")
    assert (zoë.sequence, zoë.duration_minutes, zoë.mode) == (1, 20, "in-person")

    follow_up = Message.objects.get(owner=newcomer, kind="follow-up")
    request = follow_up.follow_up_to
    assert request.owner == newcomer and request.contact.first_name == "José"
    assert request.no_reply_at == dt.datetime(2025, 2, 25, 9, 0, tzinfo=UTC)
    assert follow_up.interview.stage == "no-reply"
    mine = MessageTemplate.objects.get(owner=newcomer, name="Short note to a chemist")
    asked = Message.objects.get(owner=newcomer, contact__first_name="Ada", kind="request")
    assert asked.template_key == f"mine-{mine.pk}"  # the new template's id, not the old one's
    assert asked.state == "replied" and asked.sent_via == "mailto"
    assert MessageTemplate.objects.get(owner=newcomer, builtin_key="thank-you").name == (
        "Thank-you (my words)"
    )


def test_a_backup_saved_at_version_1_still_restores(newcomer):
    golden = load_backup(GOLDEN.read_bytes())

    restore_backup(newcomer, golden)

    assert same_data(export_backup(newcomer), golden)


def test_ids_in_the_file_are_numbered_per_file(rich_owner):
    data = export_backup(rich_owner)

    assert [org["id"] for org in data["organizations"]] == [1, 2, 3]
    assert [contact["id"] for contact in data["contacts"]] == [1, 2, 3, 4]
    ada = data["contacts"][0]
    assert ada["organization"] == 1
    assert ada["referred_by"] == 3
    assert ada["tags"] == [1, 2, 3]
    assert data["format"] == "coffeechat-backup"
    assert data["version"] == 2


def test_the_backup_covers_every_field(rich_owner):
    """Fails when a model gains a field the backup forgets. A derived column (a folded
    search column) is left out on purpose: restoring computes it again."""
    data = export_backup(rich_owner)
    link_fields = {"id", "owner"}
    for model, section in [
        (Organization, data["organizations"][0]),
        (Tag, data["tags"][0]),
        (Contact, data["contacts"][0]),
        (Interview, data["interviews"][0]),
        (InterviewQuestion, data["interview_questions"][0]),
        (TimelineEntry, data["interview_timeline"][0]),
        (Todo, data["next_steps"][0]),
        (KeepInTouch, data["keep_in_touch"][0]),
        (Interaction, data["interactions"][0]),
        (MessageTemplate, data["message_templates"][0]),
        (Message, data["messages"][0]),
    ]:
        names = {
            f.name
            for f in model._meta.get_fields()
            if (f.concrete or (f.many_to_many and not f.auto_created))
            and not getattr(f, "derived", False)
        }
        assert names - link_fields == set(section) - {"id"}, model.__name__
    profile_names = {f.name for f in Profile._meta.concrete_fields} - link_fields
    assert profile_names == set(data["profile"])


def test_the_backup_holds_only_its_owners_data(rich_owner, outsider):
    Contact.objects.create(owner=outsider, first_name="Secret", emails=["s@x.example"])

    assert "Secret" not in json.dumps(export_backup(rich_owner))
    assert export_backup(outsider)["organizations"] == []


def test_an_empty_account_round_trips(owner, newcomer):
    restore_backup(newcomer, export_backup(owner))

    assert Profile.objects.get(owner=newcomer).name == "Olivia Owner"
    assert without_time(export_backup(newcomer)) == without_time(export_backup(owner))


def test_restoring_into_an_account_with_contacts_is_refused(rich_owner, outsider):
    Contact.objects.create(owner=outsider, first_name="Kept")
    Profile.objects.filter(owner=outsider).update(name="Unchanged")

    with pytest.raises(BackupError, match=r"already has 1 contact\. .*empty account"):
        restore_backup(outsider, export_backup(rich_owner))

    assert list(Contact.objects.filter(owner=outsider).values_list("first_name", flat=True)) == [
        "Kept"
    ]
    assert Organization.objects.filter(owner=outsider).count() == 0
    assert Profile.objects.get(owner=outsider).name == "Unchanged"


@pytest.mark.parametrize("model", [Organization, Tag])
def test_an_organization_or_tag_alone_makes_an_account_non_empty(model, rich_owner, newcomer):
    model.objects.create(owner=newcomer, name="Already here")

    with pytest.raises(BackupError, match="already has 1"):
        restore_backup(newcomer, export_backup(rich_owner))

    assert Contact.objects.filter(owner=newcomer).count() == 0


# -- malformed files -------------------------------------------------------------------------


OWNED_MODELS = [
    Organization,
    Tag,
    Contact,
    Interview,
    InterviewQuestion,
    TimelineEntry,
    Todo,
    KeepInTouch,
    Interaction,
    MessageTemplate,
    Message,
]


def assert_nothing_written(user):
    for model in OWNED_MODELS:
        assert not model.objects.filter(owner=user).exists(), model.__name__
    assert Profile.objects.get(owner=user).name == ""


def broken(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="vcard"), 'its "format" should be "coffeechat-backup"'),
        (lambda d: d.pop("format"), 'its "format" should be "coffeechat-backup" but is missing'),
        (lambda d: d.update(version=99), "made by a newer coffeechat (backup version 99)"),
        (lambda d: d.update(version="1"), '"version" should be a number'),
        (lambda d: d.pop("contacts"), "contacts: is missing from the file"),
        (lambda d: d.update(tags={}), "tags: should be a list, not an object"),
        (lambda d: d["contacts"].append("Ada"), "contacts, item 5: should be an object"),
        (lambda d: d["contacts"][0].pop("last_name"), "contacts, item 1, “last_name”: is missing"),
        (
            lambda d: d["contacts"][0].update(organization=99),
            "“organization”: points to organizations id 99, which is not in this file",
        ),
        (
            lambda d: d["contacts"][1].update(referred_by=42),
            "contacts, item 2, “referred_by”: points to contacts id 42",
        ),
        (lambda d: d["contacts"][0].update(tags=[1, 77]), "points to tags id 77"),
        (
            lambda d: d["contacts"][0].update(connected_on="15 Jan 2024"),
            "'15 Jan 2024' is not a date; write it as YYYY-MM-DD",
        ),
        (
            lambda d: d["contacts"][0].update(created_at="2024-02-01T09:30:15"),
            "has no time zone",
        ),
        (lambda d: d["contacts"][0].update(first_name=None), "“first_name”: is empty"),
        (lambda d: d["contacts"][0].update(title=7), "“title”: should be text, not a number"),
        (lambda d: d["contacts"][0].update(first_name="x" * 151), "at most 150 characters"),
        (lambda d: d["contacts"][0].update(source="stranger"), "not a valid choice"),
        (lambda d: d["contacts"][0].update(emails="ada@x.example"), "list of addresses"),
        (lambda d: d["contacts"][0].update(id=2), "“id”: 2 is used twice in contacts"),
        (lambda d: d["contacts"][0].update(mood="happy"), "“mood”: is not something"),
        (lambda d: d.update(recipes=[]), "“recipes”: is a part of the backup"),
        (lambda d: d.pop("exported_at"), "“exported_at”: is missing"),
        (lambda d: d["profile"].update(class_year="2027"), "should be a whole number"),
        (lambda d: d["profile"].update(time_zone="Mars/Olympus"), "not a valid choice"),
        (
            lambda d: d["tags"].append({"id": 9, "name": "BOSTON"}),
            "'BOSTON' is also the name of item 2",
        ),
        (lambda d: d["organizations"][0].update(website="not a url"), "Enter a valid URL"),
    ],
)
def test_a_malformed_backup_is_refused_and_nothing_is_written(
    rich_owner, newcomer, change, message
):
    Profile.objects.filter(owner=newcomer).update(name="")
    data = broken(export_backup(rich_owner), change)

    with pytest.raises(BackupError) as error:
        restore_backup(newcomer, data)

    assert message in str(error.value) or pytest.fail(f"{message!r} not in {error.value}")
    assert_nothing_written(newcomer)


def test_every_problem_is_listed_at_once(rich_owner, newcomer):
    data = export_backup(rich_owner)
    data["contacts"][0]["connected_on"] = "yesterday"
    data["contacts"][2]["organization"] = 50

    with pytest.raises(BackupError) as error:
        restore_backup(newcomer, data)

    assert len(error.value.problems) == 2
    assert "contacts, item 1, “connected_on”" in str(error.value)
    assert "contacts, item 3, “organization”" in str(error.value)


def test_a_clash_the_database_finds_rolls_everything_back(rich_owner, newcomer):
    data = export_backup(rich_owner)
    # Differs only in the case of a non-ASCII letter: Python's check lets it through on
    # purpose, so whichever database disagrees is the one that decides.
    data["tags"].append({"id": 9, "name": "ÉCOLE"})
    data["tags"].append({"id": 10, "name": "école"})
    Profile.objects.filter(owner=newcomer).update(name="")

    try:
        restore_backup(newcomer, data)
    except BackupError as error:
        assert "nothing was restored" in str(error)
        assert_nothing_written(newcomer)
    else:
        assert Tag.objects.filter(owner=newcomer, name__in=["ÉCOLE", "école"]).count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"First Name,Last Name\nAda,Singh\n", "not valid JSON (line 1, column 1"),
        (b'{"format": "coffeechat-backup",', "not valid JSON"),
        (b"[1, 2]", "JSON but not a coffeechat backup"),
        (b"\xff\xfe\x00\x00garbage", "it is not text"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_backup_says_so(content, message):
    with pytest.raises(BackupError, match=message.replace("(", r"\(")):
        load_backup(content)


def test_a_byte_order_mark_is_fine(rich_owner):
    text = backup.dump_backup(export_backup(rich_owner))
    assert load_backup(("\ufeff" + text).encode())["format"] == "coffeechat-backup"


def test_the_file_is_readable_utf8_json(rich_owner):
    text = backup.dump_backup(export_backup(rich_owner))
    assert "Núñez" in text
    assert "東京化学" in text
    assert text.endswith("}\n")


def test_a_field_added_after_version_1_may_be_missing(rich_owner, newcomer, monkeypatch):
    # Pretend research_notes arrived in a later release: files from before it lack the key.
    v1 = contacts_backup.V1_FIELDS
    monkeypatch.setitem(v1, Contact, v1[Contact] - {"research_notes"})
    data = export_backup(rich_owner)
    for contact in data["contacts"]:
        del contact["research_notes"]

    restore_backup(newcomer, data)

    assert Contact.objects.get(owner=newcomer, first_name="Ada").research_notes == ""


def test_a_version_1_field_may_not_be_missing(rich_owner, newcomer):
    data = export_backup(rich_owner)
    del data["profile"]["school"]

    with pytest.raises(BackupError, match="profile, “school”: is missing"):
        restore_backup(newcomer, data)


# -- sections added by later apps ------------------------------------------------------------


@pytest.fixture
def extra_section(monkeypatch):
    """A stand-in for a later app's section: a to-do list hanging off contacts."""
    store = {}

    def export(user, ctx):
        return [
            {"id": ctx.number("todos", pk), "contact": ctx.ref("contacts", contact_pk), "text": t}
            for pk, (owner, contact_pk, t) in sorted(store.items())
            if owner == user.pk
        ]

    def parse(raw, ctx):
        rows = ctx.rows(raw, "todos")
        ctx.declare_ids("todos", rows)
        records = []
        for row in rows:
            contact = row.ref("contact", "contacts", null=False)
            text = row.take("text")
            if not isinstance(text, str):
                row.problem("text", "should be text")
            row.no_other_keys()
            records.append((contact, text))
        return records

    def restore(user, records, ctx):
        for contact, text in records:
            store[len(store) + 1] = (user.pk, ctx.pk("contacts", contact), text)
        return len(records)

    section = backup.Section(
        "todos",
        export,
        parse,
        restore,
        count=lambda user: sum(1 for owner, _, _ in store.values() if owner == user.pk),
        label=("to-do", "to-dos"),
        needs=("contacts",),
    )
    backup.sections()  # discover the real apps' sections first
    monkeypatch.setattr(registry, "_sections", dict(registry._sections))
    backup.register(section)
    return store


def test_a_later_apps_section_round_trips(rich_owner, newcomer, extra_section):
    ada = Contact.objects.get(owner=rich_owner, first_name="Ada")
    extra_section[1] = (rich_owner.pk, ada.pk, "Send the thank-you note")
    first = export_backup(rich_owner)

    summary = restore_backup(newcomer, first)

    assert without_time(export_backup(newcomer)) == without_time(first)
    assert first["todos"] == [{"id": 1, "contact": 1, "text": "Send the thank-you note"}]
    assert "1 to-do" in str(summary)


def test_a_file_from_before_a_section_existed_still_restores(rich_owner, newcomer, extra_section):
    data = export_backup(rich_owner)
    data.pop("todos")

    restore_backup(newcomer, data)

    assert Contact.objects.filter(owner=newcomer).count() == 4


def test_a_later_sections_data_makes_the_account_non_empty(newcomer, owner, extra_section):
    extra_section[1] = (newcomer.pk, None, "orphan")

    with pytest.raises(BackupError, match="already has 1 to-do"):
        restore_backup(newcomer, export_backup(owner))


def test_a_section_must_come_after_the_ones_it_needs(monkeypatch):
    monkeypatch.setattr(registry, "_sections", {})
    section = backup.Section("todos", None, None, None, needs=("contacts",))

    with pytest.raises(Exception, match="needs 'contacts'"):
        backup.register(section)


def test_restoring_twice_is_refused_the_second_time(rich_owner, newcomer):
    data = export_backup(rich_owner)
    restore_backup(newcomer, data)

    with pytest.raises(BackupError, match="already has 3 organizations, 5 tags, 4 contacts, 4 int"):
        restore_backup(newcomer, data)

    assert Contact.objects.filter(owner=newcomer).count() == 4
    assert get_user_model().objects.count() == 2


# -- interviews and outreach -----------------------------------------------------------------


def test_interviews_restore_before_the_messages_that_point_at_them():
    keys = [section.key for section in backup.sections()]

    assert keys.index("interviews") < keys.index("messages")
    assert keys.index("message_templates") < keys.index("messages")
    assert keys[:4] == ["profile", "organizations", "tags", "contacts"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["messages"][0].update(interview=99),
            "messages, item 1, “interview”: points to interviews id 99, which is not in this file",
        ),
        (
            lambda d: d.pop("interviews"),
            "messages, item 1, “interview”: points to interviews id 1, which is not in this file",
        ),
        (
            lambda d: d["messages"][3].update(follow_up_to=42),
            "messages, item 4, “follow_up_to”: points to messages id 42",
        ),
        (
            lambda d: d["messages"][3].update(follow_up_to=4),
            "messages, item 4, “follow_up_to”: points to the record itself",
        ),
        (
            lambda d: d["messages"][0].update(contact=None),
            "messages, item 1, “contact”: should be the id of one of the contacts",
        ),
        (
            lambda d: d["messages"][0].update(template_key="mine-9"),
            "“template_key”: points to message_templates id 9, which is not in this file",
        ),
        (
            lambda d: d["messages"][0].update(template_key="mine-first"),
            "'mine-first' should be 'mine-' followed by the id of one of the message_templates",
        ),
        (
            lambda d: d["messages"][0].update(state="sent", sent_at=None),
            "messages, item 1, “sent_at”: is empty, but a sent message",
        ),
        (
            lambda d: d["messages"][0].update(replied_at=None),
            "“replied_at”: is empty, but the message is marked replied",
        ),
        (lambda d: d["messages"][0].update(state="lost"), "'lost' is not a valid choice"),
        (lambda d: d.update(messages={}), "messages: should be a list, not an object"),
        (
            lambda d: d["message_templates"][0].update(builtin_key="thank-you"),
            "message_templates, item 3, “builtin_key”: item 1 is already the edited copy",
        ),
        (
            lambda d: d["message_templates"][0].pop("body"),
            "message_templates, item 1, “body”: is missing",
        ),
        (
            lambda d: d["interviews"][0].update(contact=77),
            "interviews, item 1, “contact”: points to contacts id 77",
        ),
        (
            lambda d: d["interviews"][0].update(time_zone="Mars/Olympus"),
            "“time_zone”: 'Mars/Olympus' is not a time zone name",
        ),
        (
            lambda d: d["interviews"][0].update(duration_minutes=900),
            "“duration_minutes”: should be 5 to 240 minutes, not 900",
        ),
        (
            lambda d: d["interviews"][0].update(ends_at=None),
            "“ends_at”: a meeting has both a start and an end, or neither",
        ),
        (lambda d: d["interviews"][0].update(fit_score=7), "“fit_score”: should be 1 to 5"),
        (
            lambda d: d["interviews"][0].update(checklist="paper"),
            "“checklist”: should be a list of checklist keys",
        ),
        (
            lambda d: d["interviews"][0].update(reflection={"learned": 3}),
            "“reflection”: should be an object of answers",
        ),
        (
            lambda d: d["interviews"][2].update(starts_at="next Tuesday"),
            "interviews, item 3, “starts_at”: 'next Tuesday' is not a date and time",
        ),
        (lambda d: d["interviews"][0].update(stage="maybe"), "'maybe' is not a valid choice"),
        (lambda d: d["interviews"][0].update(mood="calm"), "“mood”: is not something"),
        (
            lambda d: d["interview_questions"][0].update(interview=9),
            "interview_questions, item 1, “interview”: points to interviews id 9",
        ),
        (
            lambda d: d["interview_timeline"][0].pop("text"),
            "interview_timeline, item 1, “text”: is missing",
        ),
        (
            lambda d: d["next_steps"][0].update(interview=9),
            "next_steps, item 1, “interview”: points to interviews id 9",
        ),
        (
            lambda d: d["next_steps"][1].update(due_date="soon"),
            "next_steps, item 2, “due_date”: 'soon' is not a date",
        ),
        (
            lambda d: d["keep_in_touch"][1].update(contact=1),
            "keep_in_touch, item 2, “contact”: points to contacts id 1, as item 1 does",
        ),
        (
            lambda d: d["keep_in_touch"][0].update(cadence_days=45),
            "“cadence_days”: should be 30, 60, 90, 180 or null (no reminders), not 45",
        ),
        (
            lambda d: d["interactions"][0].update(interview=12),
            "interactions, item 1, “interview”: points to interviews id 12",
        ),
        (
            lambda d: d["interactions"][0].pop("contact"),
            "interactions, item 1, “contact”: is missing",
        ),
    ],
)
def test_a_broken_interview_or_message_is_refused_and_nothing_is_written(
    rich_owner, newcomer, change, message
):
    Profile.objects.filter(owner=newcomer).update(name="")
    data = broken(export_backup(rich_owner), change)

    with pytest.raises(BackupError) as error:
        restore_backup(newcomer, data)

    problems = "\n".join(error.value.problems)
    assert message in problems or pytest.fail(f"{message!r} not in {problems}")
    assert_nothing_written(newcomer)


def test_a_file_without_the_outreach_sections_still_restores(rich_owner, newcomer):
    data = export_backup(rich_owner)
    del data["message_templates"], data["messages"]

    summary = restore_backup(newcomer, data)

    assert Interview.objects.filter(owner=newcomer).count() == 4
    assert not Message.objects.filter(owner=newcomer).exists()
    assert "messages" not in str(summary)


def test_a_message_from_a_deleted_template_stays_so(rich_owner, newcomer):
    data = export_backup(rich_owner)
    assert data["messages"][6]["template_key"] == "mine-"

    restore_backup(newcomer, data)

    assert Message.objects.get(owner=newcomer, contact__last_name="Blank").template_key == "mine-"


def test_the_calendar_feeds_secret_stays_out_of_the_backup(rich_owner, newcomer):
    token = CalendarFeed.for_user(rich_owner).token
    CalendarFeed.for_user(newcomer)  # opening the calendar page first doesn't count as data
    Profile.objects.filter(owner=newcomer).update(name="")
    text = backup.dump_backup(export_backup(rich_owner))

    restore_backup(newcomer, load_backup(text))

    assert token not in text
    assert CalendarFeed.objects.get(owner=newcomer).token != token
    assert CalendarFeed.objects.filter(token=token).get().owner == rich_owner


def test_a_message_template_alone_makes_an_account_non_empty(rich_owner, newcomer):
    MessageTemplate.objects.create(owner=newcomer, name="Mine", body="Hello")

    with pytest.raises(BackupError, match="already has 1 message template"):
        restore_backup(newcomer, export_backup(rich_owner))

    assert not Interview.objects.filter(owner=newcomer).exists()


def test_a_model_section_names_only_real_fields(monkeypatch):
    monkeypatch.setattr(registry, "_sections", {})

    with pytest.raises(Exception, match=r"\['colour'\] are not plain fields of Tag"):
        backup.model_section("tags", Tag, label=("tag", "tags"), fields={"name", "colour"})


def test_null_characters_are_taken_out_so_postgresql_can_hold_the_backup(rich_owner, newcomer):
    """A backup made on SQLite may hold a null character (invisible, pasted from a PDF);
    PostgreSQL refuses them in text and JSON, so a restore takes them out."""
    data = export_backup(rich_owner)
    contact = data["contacts"][0]
    contact["notes"] = "Met at\x00 the fair"
    contact["emails"] = ["ada\x00@example.org"]
    data["interviews"][0]["reflection"] = {"learned\x00": "Grants\x00 come in May"}

    restore_backup(newcomer, json.loads(json.dumps(data)))

    restored = Contact.objects.get(owner=newcomer, first_name=contact["first_name"])
    assert restored.notes == "Met at the fair"
    assert restored.emails == ["ada@example.org"]
    interview = Interview.objects.filter(owner=newcomer).order_by("id").first()
    assert interview.reflection == {"learned": "Grants come in May"}


def as_version_1(data):
    """A file of today's shape written back as version 1: every interview has its own
    "about the person" (empty unless a test fills it)."""
    data = json.loads(json.dumps(data))
    data["version"] = 1
    for interview in data["interviews"]:
        interview["research_person"] = ""
    return data


def test_a_version_1_interviews_research_joins_its_contacts_research_note(rich_owner, newcomer):
    data = as_version_1(export_backup(rich_owner))
    contact = data["contacts"][0]
    contact["research_notes"] = "Published on batteries."
    data["interviews"][0]["contact"] = contact["id"]
    data["interviews"][0]["research_person"] = "Leads a team of six."
    restore_backup(newcomer, data)
    restored = Contact.objects.get(
        owner=newcomer, first_name=contact["first_name"], last_name=contact["last_name"]
    )
    assert restored.research_notes == "Published on batteries.\n\nLeads a team of six."


def test_a_version_1_interview_with_research_but_no_such_contact_is_refused_clearly(
    rich_owner, newcomer
):
    data = as_version_1(export_backup(rich_owner))
    data["interviews"][0]["contact"] = 999
    data["interviews"][0]["research_person"] = "Leads a team of six."
    with pytest.raises(BackupError) as refused:
        restore_backup(newcomer, data)
    assert str(refused.value) == (
        "interviews, item 1, “contact”: points to contacts id 999, which is not in this file"
    )
    assert not Contact.objects.filter(owner=newcomer).exists()


def test_every_older_version_has_a_step_to_the_next():
    from coffeechat.backup.files import VERSION, upgrade_steps

    assert all(upgrade_steps(version) for version in range(1, VERSION))
