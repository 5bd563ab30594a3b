"""run_import against a real database: creating, merging, skipping, and never crossing owners."""

from datetime import date
from pathlib import Path

import pytest

from coffeechat.contacts.importing import ImportFileError
from coffeechat.contacts.importing.apply import plan_import, run_import
from coffeechat.contacts.models import Contact, Organization, Tag

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def load(owner, name, **kwargs):
    return run_import(owner, (FIXTURES / name).read_bytes(), name, **kwargs)


def snapshot(*owners):
    """Every stored value of the owners' contacts, organizations and tags."""
    contacts = Contact.objects.filter(owner__in=owners).order_by("pk")
    return (
        list(contacts.values()),
        [(c.pk, sorted(t.name for t in c.tags.all())) for c in contacts],
        list(Organization.objects.filter(owner__in=owners).order_by("pk").values()),
        list(Tag.objects.filter(owner__in=owners).order_by("pk").values()),
    )


def test_linkedin_import_creates_contacts_field_by_field(owner):
    result = load(owner, "linkedin_connections.csv")
    assert result.as_json() == {
        "created": 6,
        "merged": 0,
        "skipped": [{"row": 8, "reason": "no name: the first, last and full name are all blank"}],
        "unchanged": 0,
        "format": "linkedin",
        "dry_run": False,
    }
    jose = Contact.objects.get(owner=owner, last_name="Núñez")
    assert jose.first_name == "José"
    assert jose.emails == ["jose.nunez@example.com"]
    assert jose.organization.name == "Harbor Bank, N.A."
    assert jose.title == "Analyst, Risk & Compliance"
    assert jose.linkedin_url == "https://www.linkedin.com/in/jose-nunez-77a1b2"
    assert jose.connected_on == date(2023, 3, 3)
    assert jose.source == "linkedin"
    sam = Contact.objects.get(owner=owner, last_name="O'Brien")
    assert sam.organization is None
    assert sam.emails == []


def test_the_json_result_has_exactly_the_promised_keys_first(owner):
    result = load(owner, "linkedin_connections.csv", dry_run=True)
    assert list(result.as_json())[:3] == ["created", "merged", "skipped"]


def test_importing_the_same_file_twice_adds_nothing(owner):
    load(owner, "linkedin_connections.csv")
    before = snapshot(owner)
    again = load(owner, "linkedin_connections.csv")
    assert (again.created, again.merged, again.unchanged) == (0, 6, 6)
    assert snapshot(owner) == before  # not even updated_at moves


@pytest.mark.parametrize(
    "name",
    [
        "outlook_21.vcf",
        "apple_30.vcf",
        "google_30.vcf",
        "contacts_40.vcf",
        "google_contacts.csv",
        "outlook_contacts.csv",
        "spreadsheet_semicolon.csv",
        "linkedin_2019.csv",
    ],
)
def test_every_format_imported_twice_creates_nothing_the_second_time(owner, name):
    first = load(owner, name)
    count = Contact.objects.filter(owner=owner).count()
    assert count == first.created > 0
    second = load(owner, name)
    assert second.created == 0
    assert second.merged == second.unchanged == first.created + first.merged
    assert Contact.objects.filter(owner=owner).count() == count


def test_same_linkedin_url_merges_across_formats_and_fills_only_blanks(owner):
    load(owner, "linkedin_connections.csv")
    zoe = Contact.objects.get(owner=owner, last_name="Martin")
    zoe.notes = "Said to write again in March."
    zoe.save()
    result = load(owner, "contacts_40.vcf")
    assert (result.created, result.merged) == (0, 1)
    assert "same LinkedIn profile as Zoë Martin" in result.rows[0].reason
    zoe.refresh_from_db()
    assert zoe.notes == "Said to write again in March."  # never overwritten
    assert zoe.title == "Software Engineer"
    assert zoe.emails == ["zoe.martin@acme.example", "zoe@mail.example"]
    assert zoe.phone == "+1-555-555-0199"
    assert zoe.location == "Pittsburgh, PA, USA"
    assert zoe.connected_on == date(2024, 1, 15)
    assert zoe.source == "linkedin"
    assert "Department: Perception Team" in zoe.research_notes
    assert sorted(t.name for t in zoe.tags.all()) == ["alumni", "robotics"]


def test_same_email_merges_and_the_primary_email_stays_first(owner):
    org = Organization.objects.create(owner=owner, name="Somewhere Else")
    existing = Contact.objects.create(
        owner=owner,
        first_name="Chidi",
        last_name="Okafor",
        organization=org,
        emails=["chidi.okafor@mail.example"],
        title="Professor",
    )
    result = load(owner, "apple_30.vcf")
    assert result.rows[0].action == "merge"
    assert result.rows[0].contact_id == existing.pk
    assert "same email address" in result.rows[0].reason
    existing.refresh_from_db()
    assert existing.emails == [
        "chidi.okafor@mail.example",
        "c.okafor@lakeside.example",
        "chidi@philosophy.lakeside.example",
    ]
    assert existing.title == "Professor"
    assert existing.organization.name == "Somewhere Else"


def test_same_name_and_organization_merges_ignoring_case_and_accents(owner):
    org = Organization.objects.create(owner=owner, name="acme robotics")
    existing = Contact.objects.create(
        owner=owner, first_name="Zoe", last_name="MARTIN", organization=org
    )
    result = load(owner, "linkedin_no_notes_lf.csv")
    zoe_row = next(row for row in result.rows if row.record.last_name == "Martin")
    assert zoe_row.action == "merge"
    assert "same name and organization" in zoe_row.reason
    existing.refresh_from_db()
    assert existing.linkedin_url == "https://www.linkedin.com/in/zoe-martin-4b1a2c3d"
    assert Organization.objects.filter(owner=owner, name__iexact="acme robotics").count() == 1


def test_same_name_and_organization_but_two_linkedin_profiles_are_two_people(owner):
    org = Organization.objects.create(owner=owner, name="Acme Robotics")
    Contact.objects.create(
        owner=owner,
        first_name="Zoë",
        last_name="Martin",
        organization=org,
        linkedin_url="https://www.linkedin.com/in/a-different-zoe",
    )
    result = load(owner, "linkedin_no_notes_lf.csv")
    assert result.created == 3
    assert Contact.objects.filter(owner=owner, last_name="Martin").count() == 2


def test_duplicates_inside_one_file_merge_into_the_first_row(owner):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ada,Singh,https://www.linkedin.com/in/ada-singh,,Ionic Labs,,22 Aug 2023\n"
        b"Ada,Singh,https://linkedin.com/in/Ada-Singh/,ada@ionic.example,Ionic Labs,Chemist,\n"
    )
    result = run_import(owner, data, "Connections.csv")
    assert (result.created, result.merged) == (1, 1)
    assert result.rows[1].into_row == 2
    assert "row 2 of this file" in result.rows[1].reason
    (ada,) = Contact.objects.filter(owner=owner)
    assert ada.emails == ["ada@ionic.example"]
    assert ada.title == "Chemist"
    assert ada.connected_on == date(2023, 8, 22)


def test_organizations_and_tags_are_created_once_and_matched_without_case(owner):
    Organization.objects.create(owner=owner, name="VERDE BIOTECH")
    Tag.objects.create(owner=owner, name="alumni")
    load(owner, "google_30.vcf")
    load(owner, "apple_30.vcf")  # Madhu also works at Verde Biotech
    assert list(Organization.objects.filter(owner=owner).values_list("name", flat=True)) == [
        "Lakeside University",
        "VERDE BIOTECH",
    ]
    tags = Tag.objects.filter(owner=owner).values_list("name", flat=True)
    assert sorted(tags, key=str.casefold) == [
        "alumni",
        "Biotech",
    ]
    ana = Contact.objects.get(owner=owner, last_name="Ferreira")
    assert sorted((t.name for t in ana.tags.all()), key=str.casefold) == ["alumni", "Biotech"]


def test_a_dry_run_reports_the_same_numbers_and_writes_nothing(owner):
    before = snapshot(owner)
    dry = load(owner, "linkedin_connections.csv", dry_run=True)
    assert snapshot(owner) == before
    real = load(owner, "linkedin_connections.csv")
    assert (dry.created, dry.merged, dry.skipped) == (real.created, real.merged, real.skipped)
    assert plan_import(owner, b"First Name,Last Name\nA,B\n", "x.csv").created == 1
    assert Contact.objects.filter(owner=owner).count() == 6


@pytest.mark.parametrize("name", ["photo.png", "not_contacts.txt", "cut_off.vcf", "empty.csv"])
def test_a_broken_file_changes_nothing(owner, name):
    load(owner, "linkedin_connections.csv")
    before = snapshot(owner)
    with pytest.raises(ImportFileError):
        load(owner, name)
    assert snapshot(owner) == before


def test_a_failure_while_saving_rolls_the_whole_import_back(owner, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Contact.tags.through.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        load(owner, "google_30.vcf")  # organizations and contacts are written before tags
    assert snapshot(owner) == ([], [], [], [])


def test_importing_for_one_user_never_touches_or_matches_another(owner, outsider):
    load(outsider, "linkedin_connections.csv")
    theirs = snapshot(outsider)
    result = load(owner, "linkedin_connections.csv")
    # Same people, same URLs: still created for the owner, not merged into the outsider's.
    assert (result.created, result.merged) == (6, 0)
    assert snapshot(outsider) == theirs
    assert Contact.objects.filter(owner=owner).count() == 6
    linked = Contact.objects.filter(owner=owner, organization__isnull=False)
    assert {c.organization.owner_id for c in linked} == {owner.pk}
    assert Organization.objects.filter(owner=owner).count() == 5


def test_long_values_are_cut_to_fit_their_fields(owner):
    data = ("Name,Title\n" + "Ada Singh," + "T" * 400 + "\n").encode()
    run_import(owner, data, "people.csv")
    assert len(Contact.objects.get(owner=owner).title) == 255


def test_organization_names_too_long_to_store_are_cut_once(owner):
    long_name = "Department of " + "Very " * 60
    data = (
        f"First Name,Last Name,Company\nAda,Singh,{long_name}A\nBo,Chen,{long_name}B\n"
    ).encode()
    run_import(owner, data, "people.csv")
    (org,) = Organization.objects.filter(owner=owner)
    assert len(org.name) == 255
    assert Contact.objects.filter(owner=owner, organization=org).count() == 2


def test_an_organization_added_meanwhile_is_not_a_conflict(owner):
    """Another request may add the same organization between reading and writing."""
    from coffeechat.contacts.importing import rows

    Organization.objects.create(owner=owner, name="Ionic Labs")
    rows.insert(
        Organization,
        [{"owner_id": owner.pk, "name": "IONIC LABS"}, {"owner_id": owner.pk, "name": "Verde"}],
        ignore_conflicts=True,
    )
    names = Organization.objects.filter(owner=owner).values_list("name", flat=True)
    assert sorted(names) == ["Ionic Labs", "Verde"]
