"""The spelling dictionary is read from a quick copy in the cache directory when there is
one, and any trouble with that copy falls back to pyspellchecker's own load."""

import marshal

import pytest

from coffeechat.outreach.checker import wordcache
from coffeechat.outreach.checker.spelling import CAREER_WORDS

SAMPLE = ["interview", "internship", "recieve", "teh", "nonprofit", "fintech", "colour"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def knows(checker) -> dict[str, bool]:
    return {word: word in checker for word in SAMPLE}


def test_the_first_load_writes_the_copy_and_the_second_reads_the_same_words(cache):
    fresh = wordcache.load(CAREER_WORDS)
    copy = wordcache.cache_path(CAREER_WORDS)
    assert copy.parent == cache and copy.exists()
    cached = wordcache.load(CAREER_WORDS)
    assert knows(cached) == knows(fresh)
    assert knows(cached)["fintech"] and not knows(cached)["recieve"]
    assert cached.word_frequency.unique_words == fresh.word_frequency.unique_words
    assert cached.correction("recieve") == fresh.correction("recieve") == "receive"


def test_the_copy_answers_every_lower_case_question_as_the_slow_load_does(cache):
    fresh = wordcache.load(CAREER_WORDS)
    cached = wordcache.load(CAREER_WORDS)
    assert wordcache.cache_path(CAREER_WORDS).exists()
    assert cached.word_frequency.letters == fresh.word_frequency.letters
    assert cached.word_frequency.total_words == fresh.word_frequency.total_words
    for word in SAMPLE:
        assert cached.word_usage_frequency(word) == fresh.word_usage_frequency(word)
        assert cached.known(cached.edit_distance_1(word)) == fresh.known(
            fresh.edit_distance_1(word)
        )


def test_a_damaged_copy_is_ignored_and_written_again(cache):
    copy = wordcache.cache_path(CAREER_WORDS)
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"\x00not marshal at all")
    checker = wordcache.load(CAREER_WORDS)
    assert "internship" in checker
    assert isinstance(marshal.loads(copy.read_bytes()), dict)


def test_other_career_words_use_another_copy(cache):
    assert wordcache.cache_path(CAREER_WORDS) != wordcache.cache_path([*CAREER_WORDS, "x"])


def test_an_unwritable_cache_directory_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(blocked / "cache"))
    assert "interview" in wordcache.load(CAREER_WORDS)
