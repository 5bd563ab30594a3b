"""The people suggested instead of someone who hasn't answered are the same whether they
are looked up one organization and one field at a time (a few) or ranked all at once (the
whole agenda can ask about hundreds of organizations, more than one statement holds)."""

import pytest
import time_machine

from coffeechat.accounts.models import Profile
from coffeechat.due import ahead
from coffeechat.outreach import people
from coffeechat.outreach.due import follow_up_items, suggestions_for
from coffeechat.outreach.models import Message
from tests.outreach.test_due_heads import NOW, TODAY, busy_account


def as_rows(items):
    return [tuple(sorted(item.as_json().items())) for item in items]


@pytest.mark.parametrize("use_3b7", [True, False])
def test_ranked_all_at_once_or_one_by_one_the_suggestions_agree(owner, monkeypatch, use_3b7):
    Profile.objects.filter(owner=owner).update(time_zone="America/New_York", use_3b7=use_3b7)
    with time_machine.travel(NOW, tick=False):
        busy_account(owner, seed=9, requests=40)
        one_by_one = as_rows(follow_up_items(owner, TODAY, until=ahead(TODAY)))
        request = Message.objects.filter(owner=owner, kind="request").order_by("id").first()
        suggested = suggestions_for(request)

        monkeypatch.setattr(people, "EACH_AT_MOST", 1)
        ranked = as_rows(follow_up_items(owner, TODAY, until=ahead(TODAY)))

        assert ranked == one_by_one
        assert suggestions_for(request) == suggested
    assert any("try " in row_title for row in ranked for key, row_title in row if key == "title")


def test_the_whole_agenda_asks_about_more_organizations_than_a_statement_holds(owner):
    """600 requests at 600 organizations: one part each would be past SQLite's 500."""
    Profile.objects.filter(owner=owner).update(time_zone="America/New_York", use_3b7=True)
    with time_machine.travel(NOW, tick=False):
        busy_account(owner, seed=10, requests=600)
        items = follow_up_items(owner, TODAY, until=ahead(TODAY))

    assert len({item.contact_id for item in items}) > people.EACH_AT_MOST
