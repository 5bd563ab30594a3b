"""Addresses that leave the browser, and the public address that starts them."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat.env import env_url
from coffeechat.links import is_local


@pytest.mark.parametrize(
    "url, local",
    [
        ("http://127.0.0.1:8000/agenda/feed/x.ics", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://192.168.1.20:8000/", True),
        ("http://my-laptop:8000/", True),
        ("http://studio.local/", True),
        ("https://coffeechat.example.edu/agenda/feed/x.ics", False),
        ("https://93.184.216.34/", False),
    ],
)
def test_an_address_only_this_computer_or_network_can_open_is_local(url, local):
    assert is_local(url) is local


def test_the_public_address_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("COFFEECHAT_PUBLIC_URL", " https://example.edu/coffeechat/ ")
    assert env_url("COFFEECHAT_PUBLIC_URL") == "https://example.edu/coffeechat"


@pytest.mark.parametrize(
    "value", ["coffeechat.example.edu", "ftp://example.edu", "https://x.edu/?a=1"]
)
def test_a_public_address_that_is_not_a_web_address_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("COFFEECHAT_PUBLIC_URL", value)
    with pytest.raises(ImproperlyConfigured, match="COFFEECHAT_PUBLIC_URL"):
        env_url("COFFEECHAT_PUBLIC_URL")
