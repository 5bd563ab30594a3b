"""The joining pages, open without an account, take hostile input as every other form does
(tests/test_hostile_forms.py covers the signed-in network pages)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from coffeechat.community.joining import claim_path
from tests.test_hostile_forms import HOSTILE, Forms


def joining_pages(world):
    rosa = get_user_model().objects.create(username="rosa", email="rosa@alumni.example")
    rosa.set_unusable_password()
    rosa.save()
    return {
        "signup": "/network/signup/",
        "claim": "/network/claim/",
        "join": world.invitation.get_absolute_url(),
        "claim_confirm": claim_path(rosa),
    }


@pytest.mark.parametrize("page", ["signup", "claim", "join", "claim_confirm"])
def test_joining_forms_survive_hostile_input(world, page):
    url = joining_pages(world)[page]
    client = Client()
    response = client.get(url)
    assert response.status_code == 200
    parser = Forms()
    parser.feed(response.content.decode())
    (form,) = parser.forms
    for turn, _ in enumerate(HOSTILE):
        data = {
            field: HOSTILE[(turn + offset) % len(HOSTILE)]
            for offset, field in enumerate(form["fields"])
        }
        assert client.post(form["action"] or url, data).status_code < 500, data
    typed = [value.replace("\x00", "") for value in HOSTILE]
    assert get_user_model().objects.filter(username__in=typed).count() == 0


@pytest.mark.parametrize("token", ["x", "nul\x00byte", "' OR 1=1; --", "９９", "a" * 300])
def test_hostile_tokens_get_a_page_not_an_error(world, token):
    client = Client()
    for url in (
        f"/network/join/{token}/",
        f"/network/verify/{token}/",
        f"/network/claim/{token}/{token}/",
    ):
        assert client.get(url).status_code in (404, 410)
