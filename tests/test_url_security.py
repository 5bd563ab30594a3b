"""Two promises checked over every URL the project has, so a new page can't skip them:

1. nothing is served to an anonymous request (except the log-in and first-run pages and
   token-protected feeds);
2. every URL that takes an id answers 404 to anyone but the record's owner.

A new URL with an id fails ``test_every_url_with_an_id_has_an_ownership_case`` until a
case for it is added to ``OWNED_URL_CASES`` below.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.community.role_cases import (
    NETWORK_NAMESPACES,
    NETWORK_PUBLIC,
    PERSONAS,
    ROLE_URL_CASES,
    expected_allowed,
)
from tests.community.world import build_world
from tests.ownership_cases import OWNED_URL_CASES

PUBLIC = {
    "accounts:login",
    "accounts:first_run",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_sent",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
} | NETWORK_PUBLIC


def walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def all_urls():
    return sorted(walk(get_resolver().url_patterns), key=lambda item: item[0])


def dummy_kwargs(pattern):
    converters = pattern.pattern.converters
    return {
        name: 1 if type(conv).__name__ == "IntConverter" else "x"
        for name, conv in converters.items()
    }


def id_taking(pattern):
    return any(type(c).__name__ == "IntConverter" for c in pattern.pattern.converters.values())


@pytest.mark.parametrize("name,pattern", all_urls(), ids=[n for n, _ in all_urls()])
def test_anonymous_requests_get_no_data(client, owner, name, pattern):
    if name in PUBLIC or getattr(pattern.callback, "login_required", True) is False:
        pytest.skip("public by design: covered by its own tests")
    url = reverse(name, kwargs=dummy_kwargs(pattern))
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{name} answered {response.status_code}"
        assert response.url.startswith("/accounts/login/")


def test_only_known_views_opt_out_of_login():
    opted_out = {
        name
        for name, pattern in all_urls()
        if getattr(pattern.callback, "login_required", True) is False
    }
    from tests.ownership_cases import TOKEN_URLS

    assert opted_out <= PUBLIC | TOKEN_URLS


def test_every_url_with_an_id_has_an_ownership_case():
    missing = {name for name, pattern in all_urls() if id_taking(pattern)} - set(OWNED_URL_CASES)
    missing -= set(ROLE_URL_CASES)  # the network's: walked per role below
    assert not missing, f"add ownership cases for: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(OWNED_URL_CASES))
def test_an_outsider_gets_404_for_the_owners_records(owner, outsider_client, name):
    kwargs = OWNED_URL_CASES[name](owner)
    url = reverse(name, kwargs=kwargs)
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url).status_code == 404


@pytest.mark.parametrize("name", sorted(OWNED_URL_CASES))
def test_the_owner_can_reach_their_records(owner, owner_client, name):
    url = reverse(name, kwargs=OWNED_URL_CASES[name](owner))
    response = owner_client.get(url)
    # 405: a POST-only action, reachable by the owner but not with GET.
    assert response.status_code in (200, 302, 405), f"{name}: {response.status_code}"


# The career-office network: every role × every network URL.


def test_every_network_url_has_a_role_case():
    from tests.ownership_cases import TOKEN_URLS

    network = {name for name, _ in all_urls() if name.startswith(NETWORK_NAMESPACES)}
    missing = network - set(ROLE_URL_CASES) - PUBLIC - TOKEN_URLS
    assert not missing, f"add role cases in tests/community/role_cases.py for: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(ROLE_URL_CASES))
def test_the_network_is_hidden_in_laptop_mode(owner_client, name):
    world = build_world()
    url = reverse(name, kwargs=ROLE_URL_CASES[name][0](world))
    assert owner_client.get(url).status_code == 404
    assert owner_client.post(url).status_code == 404


@pytest.mark.parametrize("persona", sorted(PERSONAS))
@pytest.mark.parametrize("name", sorted(ROLE_URL_CASES))
def test_each_role_reaches_only_what_it_may(client, settings, owner, name, persona):
    settings.NETWORK = True
    world = build_world()
    url = reverse(name, kwargs=ROLE_URL_CASES[name][0](world))
    if persona == "anonymous":
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302 and response.url.startswith("/accounts/login/")
        return
    client.force_login(getattr(world, persona))
    if expected_allowed(persona, name):
        response = client.get(url)
        assert response.status_code in (200, 302, 405), f"{persona} {name}: {response.status_code}"
    else:
        # A GET to a POST-only action of a record out of scope may say 405: it shows nothing.
        assert client.get(url).status_code in (403, 404, 405), f"{persona} {name}"
        response = client.post(url)
        assert response.status_code in (403, 404), f"{persona} {name}: {response.status_code}"


@pytest.mark.parametrize("name", sorted(ROLE_URL_CASES))
def test_a_signed_in_person_without_a_network_role_gets_nothing(settings, owner_client, name):
    settings.NETWORK = True
    world = build_world()
    url = reverse(name, kwargs=ROLE_URL_CASES[name][0](world))
    assert owner_client.get(url).status_code in (403, 404)
    assert owner_client.post(url).status_code in (403, 404)
