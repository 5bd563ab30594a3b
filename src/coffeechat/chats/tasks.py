"""The request clock, run by the worker every ten minutes: one reminder to the volunteer
at day 7, expiry at day 14 (chats/clock.py). Safe to run twice: rows are claimed with one
UPDATE … RETURNING in the transaction that writes the notices, and Procrastinate's lock
keeps two workers from running it at once."""

from django.utils import timezone

from coffeechat import queue


@queue.periodic(cron="*/10 * * * *", periodic_id="request-clock")
# A lock, not a queueing lock: a job handed back from a killed worker must be able to
# wait beside the next tick's (a queueing lock allows one waiting job, so handing it
# back would fail), and the lock still runs them one at a time.
@queue.task(name="run_request_clock", lock="request-clock")
def run_request_clock(timestamp: int) -> None:
    from coffeechat.chats.clock import tick

    tick(timezone.now())
