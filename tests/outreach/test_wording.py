"""How merged values read inside a sentence."""

import pytest

from coffeechat.outreach.merge import fill
from coffeechat.outreach.wording import (
    article_for,
    as_phrase,
    keep_salutation,
    mid_sentence,
    salutation,
)


@pytest.mark.parametrize(
    ("typed", "in_a_sentence"),
    [
        ("Finance", "finance"),
        ("Chemistry", "chemistry"),
        ("Financial Advisor", "financial advisor"),
        ("UX Research", "UX research"),
        ("AI policy", "AI policy"),
        ("iOS Development", "iOS development"),
        ("English Literature", "English literature"),
        ("African American Studies", "African American studies"),
        ("McKinsey alumni", "McKinsey alumni"),
        ("", ""),
    ],
)
def test_field_names_lose_only_the_capitals_a_sentence_would_not_have(typed, in_a_sentence):
    assert mid_sentence(typed) == in_a_sentence


@pytest.mark.parametrize(
    ("note", "phrase"),
    [
        ("your lab's work on sodium-ion cells", "your lab's work on sodium-ion cells"),
        (
            "Your 2024 paper on solid electrolytes\nmore notes",
            "your 2024 paper on solid electrolytes",
        ),
        ("the pilot line you built at Volta", "the pilot line you built at Volta"),
        ("Runs the battery chemistry lab; 2024 paper on anodes", ""),
        ("Met at the career fair. Very kind.", ""),
        ("https://volta.example/blog", ""),
        ("your talk: batteries at scale", ""),
        ("", ""),
    ],
)
def test_only_a_note_that_reads_as_a_phrase_goes_into_a_sentence(note, phrase):
    assert as_phrase(note) == phrase


@pytest.mark.parametrize(
    ("body", "greeting"),
    [
        ("Dear Professor Singh,\n\nI'm Olivia", "Dear Professor Singh,"),
        ("Hi Anita,\nThanks", "Hi Anita,"),
        ("Good morning Dr. Ruiz,\nA question", "Good morning Dr. Ruiz,"),
        ("I'm Olivia, a student", ""),
        ("Hi, I'm Olivia and I study chemistry at Wellesley and would love to talk", ""),
    ],
)
def test_a_greeting_is_the_first_line_when_it_is_one(body, greeting):
    assert salutation(body) == greeting


def test_a_follow_up_keeps_the_greeting_of_the_message_it_follows():
    follow_up = "Hi Anita,\n\nI know your inbox fills up quickly."

    assert keep_salutation(follow_up, "Dear Professor Singh,\n\nI'm Olivia.") == (
        "Dear Professor Singh,\n\nI know your inbox fills up quickly."
    )
    assert keep_salutation(follow_up, "No greeting here") == follow_up


@pytest.mark.parametrize(
    ("value", "article"),
    [
        ("economics", "an"),
        ("English literature", "an"),
        ("urban planning", "an"),
        ("chemistry", "a"),
        ("university program", "a"),
        ("one-year program", "a"),
        ("UX research", "a"),
        ("MBA", "an"),
        ("hour", "an"),
    ],
)
def test_the_article_is_the_one_that_reads_before_the_value(value, article):
    assert article_for(value) == article


def test_a_merged_field_takes_the_article_that_fits_it():
    text, _ = fill(
        "I'm a {{ my_major }} student. An {{ their_field }} role. A {{ blank }} stays.",
        {"my_major": "economics", "their_field": "finance", "blank": ""},
    )
    assert text == "I'm an economics student. A finance role. A {{ blank }} stays."
