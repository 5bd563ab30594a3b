"""The checker's goals, pinned on the corpus in tests/outreach/corpus/ (`make checker-report`).

No error on any good message; every error rule catches at least 95% of the messages that
should trip it. The corpus is the measure, not the target: when a message here is judged
wrong, fix the kind of mistake in the rules, and add messages of that kind.
"""

from pathlib import Path

import pytest

from coffeechat.outreach.checker.catalog import RULES

from .corpus.score import ERROR_RULES, errors_on_good, load, run, score, table


@pytest.fixture(scope="module")
def corpus():
    return run(load())


def test_the_corpus_has_at_least_300_messages_of_every_kind(corpus):
    assert len(corpus) >= 300
    kinds = {message.kind for message in corpus}
    assert kinds == {"request", "follow-up", "thank-you", "running-late", "keep-in-touch"}
    assert {message.channel for message in corpus} == {"email", "linkedin"}


def test_no_good_message_gets_an_error(corpus):
    bad = [(message.file, message.name, rule) for message, rule in errors_on_good(corpus)]
    assert bad == []


@pytest.mark.parametrize("rule", ERROR_RULES)
def test_every_error_rule_catches_at_least_95_percent(corpus, rule):
    result = score(corpus)[rule]
    if rule != "empty":  # the corpus is of real messages; empty is pinned in the rule tests
        assert result.expected >= 5, f"too few {rule} cases to measure"
    if result.expected:
        missed = [m.name for m in corpus if rule in m.expect and rule not in m.fired]
        assert result.recall >= 0.95, missed


def test_the_error_rules_are_the_catalogs_errors():
    assert set(ERROR_RULES) <= set(RULES)


def test_a_tip_rarely_fires_on_a_good_message(corpus):
    """A tip on most good messages teaches nothing (issue 10: about-them on a third)."""
    good = [message for message in corpus if message.good]
    for rule in ("about-them", "ask-as-question"):
        share = sum(1 for message in good if rule in message.fired) / len(good)
        assert share < 0.1, (rule, share)


def test_the_table_in_docs_is_the_current_one(corpus):
    """docs/OUTREACH.md shows what `make checker-report` prints today."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "OUTREACH.md").read_text()
    assert table(corpus) in docs, "run `make checker-report` and paste its table into the docs"
    assert f"({len(corpus)} messages" in docs
