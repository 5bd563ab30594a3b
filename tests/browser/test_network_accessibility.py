"""The network's pages through axe-core, as tests/browser/test_accessibility.py does for
the rest: light, dark and a phone's width, no serious or critical problem."""

import pytest
from playwright.sync_api import expect

from coffeechat.community.joining import claim_path
from coffeechat.community.roles import Role, grant
from tests.browser.test_accessibility import check, signed_in_page  # noqa: F401 (a fixture)
from tests.community.world import build_world, make_profile

# (test id, address; {name} is filled from the world)
PAGES = [
    ("directory", "/network/"),
    ("directory_searched", "/network/?q=nurse&language=english&available=on"),
    ("directory_nobody", "/network/?q=zzzz"),
    ("volunteer", "/network/people/{profile}/"),
    ("volunteer_deactivate", "/network/people/{profile}/deactivate/"),
    ("my_profile", "/network/profile/"),
    ("communities", "/network/communities/"),
    ("community", "/network/communities/{health}/"),
    ("community_new", "/network/communities/new/"),
    ("community_edit", "/network/communities/{health}/edit/"),
    ("office", "/network/office/"),
    ("invitation_new", "/network/office/invitations/new/"),
    ("roster_upload", "/network/office/roster/"),
    ("roster_preview", "/network/office/roster/{roster}/"),
]


@pytest.fixture
def world(settings, owner):
    settings.NETWORK = True
    grant(owner, *Role)
    make_profile(owner, name="Olivia Owner")
    return build_world(administrator=owner)


@pytest.mark.parametrize(("name", "address"), PAGES, ids=[name for name, _ in PAGES])
def test_network_page_has_no_serious_accessibility_problems(signed_in_page, world, name, address):  # noqa: F811
    ids = {"profile": world.profile.pk, "health": world.health.pk, "roster": world.roster.pk}
    response = signed_in_page.goto(address.format(**ids))
    assert response.ok, f"{address}: {response.status}"
    expect(signed_in_page.locator("main")).to_be_visible()
    check(signed_in_page, f"network_{name}")


@pytest.mark.parametrize("name", ["signup", "claim", "join", "claim_confirm"])
def test_joining_page_has_no_serious_accessibility_problems(page, world, name):
    from django.contrib.auth import get_user_model

    rosa = get_user_model().objects.create(username="rosa", email="rosa@alumni.example")
    rosa.set_unusable_password()
    rosa.save()
    address = {
        "signup": "/network/signup/",
        "claim": "/network/claim/",
        "join": world.invitation.get_absolute_url(),
        "claim_confirm": claim_path(rosa),
    }[name]
    response = page.goto(address)
    assert response.ok
    check(page, f"network_{name}")
