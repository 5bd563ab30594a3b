"""The sentence a student reads when the limit holds them back."""

import datetime as dt

from coffeechat.chats.limits import limit_words


def test_without_missed_conversations_it_speaks_only_of_waiting_requests():
    words = limit_words(3, 3, [])
    assert words.startswith("You have 3 requests waiting") and "missed" not in words


def test_missed_conversations_are_counted_with_the_day_the_first_stops(settings):
    settings.NETWORK_NO_SHOW_DAYS = 30
    first = dt.datetime(2026, 3, 5, 12, tzinfo=dt.UTC)
    words = limit_words(3, 1, [first, first + dt.timedelta(days=3)])
    assert "you have 1, and 2 conversations you missed recently count as 2 more" in words
    assert "stops counting 30 days after it; the first one stops on 4 April" in words
