"""Two promises checked over every URL the project has, so a new page can't skip them:

1. nothing is served to an anonymous request (except the log-in and first-run pages and
   token-protected feeds);
2. every URL that takes an id answers 404 to anyone but the record's owner.

A new URL with an id fails ``test_every_url_with_an_id_has_an_ownership_case`` until a
case for it is added to ``OWNED_URL_CASES`` below.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.ownership_cases import OWNED_URL_CASES

PUBLIC = {
    "accounts:login",
    "accounts:first_run",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_sent",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}


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
