"""How you know someone, read from the groups an address book files them under (issue 9)."""

import pytest

from coffeechat.contacts.importing import parse_file
from coffeechat.contacts.models import Source
from coffeechat.contacts.sources import SOURCES, source_of, source_of_category


@pytest.mark.parametrize(
    ("category", "source"),
    [
        ("Wellesley alumnae", "alum"),
        ("alum", "alum"),
        ("Alums", "alum"),
        ("alumna", "alum"),
        ("Alumni", "alum"),
        ("MIT alumni network", "alum"),
        ("alumnus", "alum"),
        ("Faculty", "faculty"),
        ("faculty or professor", "faculty"),
        ("Professor", "faculty"),
        ("Chemistry professors", "faculty"),
        ("Lecturers", "faculty"),
        ("Career services", "career-adviser"),
        ("career advisors", "career-adviser"),
        ("Career adviser", "career-adviser"),
        ("Work colleagues", "coworker"),
        ("co-workers", "coworker"),
        ("Classmates 2024", "peer"),
        ("Friends", "friend"),
        ("Family", "family"),
        ("Mentors", "coach"),
        ("Recruiters", "employer"),
        ("Referrals", "referral"),
        ("LinkedIn", "linkedin"),
        ("Alumni platform", "alumni-platform"),
        ("ÁLUMNI", "alum"),  # accents and capitals aside
        # names that say nothing about how you know them
        ("Other", None),
        ("Boston", None),
        ("public health", None),
        ("Starred", None),
        ("", None),
        ("professorship fund", None),  # a word that only starts like one
        ("x" * 300 + " alumni", None),  # a long text is not looked into
    ],
)
def test_a_category_names_the_source_it_stands_for(category, source):
    assert source_of_category(category) == source


def test_every_source_of_the_model_is_known_by_its_value_and_its_label():
    assert Source.choices == list(SOURCES)
    for value, label in Source.choices:
        assert source_of(value) == value
        assert source_of(label) == value


def card(categories: str) -> bytes:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Singh;Anita;;;\r\nFN:Anita Singh\r\n"
        f"CATEGORIES:{categories}\r\nEND:VCARD\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("categories", "source", "tags"),
    [
        ("Wellesley alumnae", "alum", ["Wellesley alumnae"]),
        ("Boston,Faculty", "faculty", ["Boston", "Faculty"]),
        ("Alumni,Faculty", "alum", ["Alumni", "Faculty"]),  # the first that names one
        ("myContacts,Starred", "other", []),
        ("Boston", "other", ["Boston"]),
    ],
)
def test_a_vcards_categories_set_how_you_know_them_and_stay_tags(categories, source, tags):
    (record,) = parse_file(card(categories), "anita.vcf").records
    assert (record.source, record.tags) == (source, tags)


def test_a_csv_label_sets_how_you_know_them_unless_a_column_says_it():
    text = (
        b"Name,Labels,How you know them\n"
        b"Anita Singh,Wellesley alumnae ::: Boston,\n"
        b"Bo Chen,Wellesley alumnae,Coworker\n"
    )
    anita, bo = parse_file(text, "people.csv").records
    assert (anita.source, anita.tags) == ("alum", ["Wellesley alumnae", "Boston"])
    assert bo.source == "coworker"
