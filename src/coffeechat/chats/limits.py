"""The office's limits on asking, as numbers and as the sentence a student reads."""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def open_limit() -> int:
    return settings.NETWORK_OPEN_REQUESTS


def no_show_period() -> dt.timedelta:
    """How long a missed conversation (the volunteer said the student didn't come) takes
    one of the student's places for waiting requests; 0 days: never."""
    return dt.timedelta(days=settings.NETWORK_NO_SHOW_DAYS)


def limit_words(limit: int, waiting: int, missed: list[dt.datetime]) -> str:
    """Why a student can't ask anyone new just now, and when that changes. ``missed``:
    the starts of the missed conversations that still count, earliest first."""
    if not missed:
        return (
            f"You have {limit} requests waiting for an answer, the most at once. When one "
            "is answered or expires (or you withdraw one), you can ask someone else."
        )
    until = timezone.localtime(missed[0] + no_show_period()).strftime("%-d %B")
    count = len(missed)
    missed_words = (
        "a conversation you missed recently counts as one more"
        if count == 1
        else f"{count} conversations you missed recently count as {count} more"
    )
    return (
        f"You can have {limit} request{'s' if limit != 1 else ''} waiting at once: you have "
        f"{waiting}, and "
        f"{missed_words}. A missed conversation stops counting {no_show_period().days} days "
        f"after it; the first one stops on {until}."
    )
