"""The JSON backup: a complete copy of one user's data that restores exactly."""

import copy
import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model

from coffeechat import backup
from coffeechat.accounts.models import Profile
from coffeechat.backup import BackupError, export_backup, load_backup, registry, restore_backup
from coffeechat.contacts.models import Contact, Organization, Tag
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
    assert str(summary) == "Restored 3 organizations, 5 tags, 4 contacts and the profile."


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
    assert data["version"] == 1


def test_the_backup_covers_every_field(rich_owner):
    """Fails when a model gains a field the backup forgets."""
    data = export_backup(rich_owner)
    link_fields = {"id", "owner"}
    for model, section in [
        (Organization, data["organizations"][0]),
        (Tag, data["tags"][0]),
        (Contact, data["contacts"][0]),
    ]:
        names = {
            f.name
            for f in model._meta.get_fields()
            if f.concrete or (f.many_to_many and not f.auto_created)
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


def assert_nothing_written(user):
    assert not Contact.objects.filter(owner=user).exists()
    assert not Organization.objects.filter(owner=user).exists()
    assert not Tag.objects.filter(owner=user).exists()
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
        (lambda d: d.update(version=2), "made by a newer coffeechat (backup version 2)"),
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
        (lambda d: d.update(messages=[]), "“messages”: is a part of the backup"),
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
    monkeypatch.setitem(backup.V1_FIELDS, Contact, backup.V1_FIELDS[Contact] - {"research_notes"})
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

    with pytest.raises(BackupError, match="already has 3 organizations, 5 tags and 4 contacts"):
        restore_backup(newcomer, data)

    assert Contact.objects.filter(owner=newcomer).count() == 4
    assert get_user_model().objects.count() == 2
