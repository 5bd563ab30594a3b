"""How a volunteer answers requests: shown on their profile once it is fair to say.

The request app above (``coffeechat.chats``) supplies the counts with ``register_counts``
when it is ready; without it every volunteer has none, and nothing is shown.
"""

from collections.abc import Callable
from dataclasses import dataclass

MIN_REQUESTS = 5  # fewer than this and one slow week would define someone


@dataclass(frozen=True)
class AnswerRate:
    received: int
    answered: int
    typical_hours: float | None

    @property
    def share(self) -> int:
        return round(100 * self.answered / self.received) if self.received else 0


_counter: list[Callable] = []


def register_counts(counter: Callable) -> None:
    """``counter(profile) -> AnswerRate``: the source of the numbers (one, the last given)."""
    _counter[:] = [counter]


def request_counts(profile) -> AnswerRate:
    """Requests received and answered in the last year, and the median hours to answer."""
    if _counter:
        return _counter[0](profile)
    return AnswerRate(received=0, answered=0, typical_hours=None)


def answer_rate(profile) -> AnswerRate | None:
    """The profile's answer rate, or None while there are too few requests to judge."""
    counts = request_counts(profile)
    return counts if counts.received >= MIN_REQUESTS else None
