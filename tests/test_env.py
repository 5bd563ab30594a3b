import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat import env
from coffeechat.env import env_bool, env_int, env_list


@pytest.fixture(autouse=True)
def separate_registry(monkeypatch):
    """Keep these made-up variables out of the registry the docs test reads."""
    monkeypatch.setattr(env, "VARIABLES", set())


@pytest.mark.parametrize("raw,expected", [("1", True), ("yes", True), ("OFF", False), ("", False)])
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("COFFEECHAT_TEST_FLAG", raw)
    assert env_bool("COFFEECHAT_TEST_FLAG") is expected


def test_a_bad_boolean_is_an_error_not_false(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_TEST_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="COFFEECHAT_TEST_FLAG='maybe' is not a boolean"):
        env_bool("COFFEECHAT_TEST_FLAG")


def test_integers_are_checked(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("COFFEECHAT_TEST_NUMBER", 1)
    monkeypatch.setenv("COFFEECHAT_TEST_NUMBER", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("COFFEECHAT_TEST_NUMBER", 5, minimum=1)


def test_lists_split_on_commas(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_TEST_LIST", " a.example, ,b.example ")
    assert env_list("COFFEECHAT_TEST_LIST") == ["a.example", "b.example"]
