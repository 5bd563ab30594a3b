"""The URL patterns name the pages' views without importing them (coffeechat/lazyviews.py):
each one still leads to a real view, and behaves as that view does."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from coffeechat.lazyviews import LazyView, of


def every_pattern(patterns=None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from every_pattern(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


def test_every_lazily_named_view_exists_in_its_module():
    lazy = [p.callback for p in every_pattern() if isinstance(p.callback, LazyView)]

    assert len(lazy) > 100  # the pages of every app but the log-in ones
    missing = [repr(view) for view in lazy if not callable(view.view())]
    assert missing == []
    assert not any(isinstance(view.view(), LazyView) for view in lazy)


def test_a_lazy_view_carries_the_real_views_markers():
    feed = resolve("/agenda/feed/abc.ics").func  # open to a calendar app: no log-in

    assert isinstance(feed, LazyView)
    assert feed.login_required is False
    assert resolve("/contacts/").func.__name__ == "list_contacts"


def test_asking_for_a_missing_view_fails_when_it_is_first_used():
    views = of("coffeechat.contacts", "views.contacts")
    misspelt = views.list_contactz

    assert misspelt.__name__ == "list_contactz"  # naming it imports nothing
    with pytest.raises(AttributeError, match="list_contactz"):
        misspelt.view()
