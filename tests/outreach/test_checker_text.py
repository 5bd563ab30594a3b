"""The checker's text plumbing: characters as seen, words, sentences, headers, blanks."""

import pytest

from coffeechat.outreach.checker import count_characters, count_words, find_blanks, split_headers
from coffeechat.outreach.checker.text import fold, sentences


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("hello", 5),
        ("café", 4),  # é as one code point
        ("cafe\u0301", 4),  # e + combining accent
        ("👍", 1),
        ("👍🏽", 1),  # skin tone modifier
        ("🇺🇸🇨🇦", 2),  # two flags, four regional indicators
        ("🇺🇸🇨", 2),  # a lone regional indicator after a flag
        ("👨\u200d👩\u200d👧", 1),  # a family joined with zero-width joiners
        ("❤️", 1),  # heart + variation selector
        ("1️⃣", 1),  # keycap sequence
        ("a\r\nb", 3),  # CR LF is one
        ("a\n\nb", 4),
        ("한국어", 3),  # precomposed Hangul
        ("\u1100\u1161\u11a8", 1),  # Hangul jamo L V T
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", 1),  # England flag
        ("", 0),
    ],
)
def test_characters_are_counted_as_a_reader_sees_them(text, count):
    assert count_characters(text) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Hi there", 2),
        ("I'm free 8-11am — any day.", 5),
        ("  spaced   out\nlines ", 3),
        ("— – !", 0),
        ("", 0),
    ],
)
def test_words_are_counted_like_a_person_would(text, count):
    assert count_words(text) == count


def test_folding_keeps_every_offset():
    text = "İstanbul’s “café” — ﬁne ẞ"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "'" in folded and "-" in folded and '"' in folded


def test_sentences_keep_their_offsets_and_skip_abbreviations():
    text = "Hi Dr. Singh,\n\nI'm a junior at U.S. schools, e.g. Rice. Could we talk? Thanks!\nAna"
    found = sentences(text)
    assert [s.text for s in found] == [
        "Hi Dr. Singh,",
        "I'm a junior at U.S. schools, e.g. Rice.",
        "Could we talk?",
        "Thanks!",
        "Ana",
    ]
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_hand_wrapped_paragraph_stays_one_sentence():
    text = (
        "I was wondering whether we could set up a short call sometime in the next\n"
        "two weeks to talk about your work on the coast."
    )
    assert len(sentences(text)) == 1


@pytest.mark.parametrize(
    ("text", "subject", "body"),
    [
        ("Subject: Hello there\n\nHi Jo,", "Hello there", "Hi Jo,"),
        ("subject line: Hi\nHi Jo,", "Hi", "Hi Jo,"),
        ("**Subject:** Question\n\nHi", "Question", "Hi"),
        ("To: jo@example.com\nSubject: Q\n\nHi", "Q", "Hi"),
        ("\n\nSubject: Q\r\n\r\nHi", "Q", "Hi"),
        ("Hi Jo,\nSubject: not a header", None, "Hi Jo,\nSubject: not a header"),
        ("Hi Jo", None, "Hi Jo"),
        ("Subject: only a subject", "only a subject", ""),
    ],
)
def test_a_subject_line_at_the_top_is_split_from_the_body(text, subject, body):
    found, start = split_headers(text)
    assert found == subject
    assert text[start:] == body


def test_blanks_do_not_overlap():
    blanks = find_blanks("Dear {{ [Name] }}, at <Company> on ____.")
    assert [b.text for b in blanks] == ["{{ [Name] }}", "<Company>", "____"]
