"""The agenda costs a fixed number of queries whatever the size of the account.

The benchmark account: 5,000 contacts, 1,000 interviews and 10,000 messages.
"""

import datetime
import random
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.contacts.models import Contact
from coffeechat.conversations import due as conversation_due
from coffeechat.due import due_items
from coffeechat.interviews import due as interview_due
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    NextStep,
)

S = Interview.Stage
STAGES = [S.PLANNED, S.REQUESTED, S.SCHEDULED, S.DONE, S.THANKED, S.KEEPING_IN_TOUCH, S.CANCELLED]


def fill_account(owner, contacts=50, interviews=10, messages=100, seed=7, keeps_up=False):
    """Contacts, interviews at every stage, questions, to-dos, interactions, messages.

    By default nothing is ever reflected on or ticked off (the worst case for the agenda);
    ``keeps_up`` makes a student who writes most reflections and finishes most to-dos.
    """
    rng = random.Random(seed)
    now = timezone.now()
    people = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{n}", last_name=f"L{n}") for n in range(contacts)
    )
    rows = []
    for n in range(interviews):
        stage = STAGES[n % len(STAGES)]
        starts = None
        if stage not in (S.PLANNED, S.REQUESTED):
            starts = now + datetime.timedelta(hours=rng.randint(-2000, 200))
        rows.append(
            Interview(
                owner=owner,
                contact=people[n % contacts],
                stage=stage,
                starts_at=starts,
                ends_at=starts and starts + datetime.timedelta(minutes=30),
                time_zone="America/New_York",
                reflected_at=now if keeps_up and rng.random() < 0.95 else None,
            )
        )
    made = Interview.objects.bulk_create(rows)
    InterviewQuestion.objects.bulk_create(
        InterviewQuestion(owner=owner, interview=i, text="Q", position=k)
        for i in made[::3]
        for k in range(2)
    )
    NextStep.objects.bulk_create(
        NextStep(
            owner=owner,
            interview=i,
            contact=i.contact,
            text="Next",
            done_at=now if keeps_up and rng.random() < 0.9 else None,
        )
        for i in made[::4]
    )
    Interaction.objects.bulk_create(
        Interaction(
            owner=owner,
            contact=people[n % contacts],
            happened_at=now - datetime.timedelta(days=rng.randint(1, 60 if keeps_up else 400)),
        )
        for n in range(contacts // 5)
    )
    KeepInTouch.objects.bulk_create(
        KeepInTouch(owner=owner, contact=p, cadence_days=30) for p in people[: contacts // 10]
    )
    try:
        from coffeechat.outreach.models import Message
    except ImportError:
        return
    Message.objects.bulk_create(
        Message(
            owner=owner,
            contact=people[n % contacts],
            kind="request",
            state=rng.choice(["draft", "sent", "replied"]),
            sent_at=now - datetime.timedelta(days=rng.randint(1, 60)),
        )
        for n in range(messages)
    )


def count_queries(func):
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "provider", [*interview_due.PROVIDERS, conversation_due.keep_in_touch], ids=lambda p: p.__name__
)
def test_each_interview_provider_runs_at_most_two_queries(
    owner, provider, django_assert_max_num_queries
):
    fill_account(owner)
    owner = type(owner).objects.get(pk=owner.pk)  # nothing cached
    with django_assert_max_num_queries(2):  # the profile, then one query
        list(provider(owner, timezone.localdate()))


def test_the_agenda_costs_the_same_queries_for_a_small_and_the_benchmark_account(owner, outsider):
    fill_account(outsider, contacts=20, interviews=10, messages=30)
    fill_account(owner, contacts=5000, interviews=1000, messages=10000)
    today = timezone.localdate()

    def fresh(user):
        return type(user).objects.get(pk=user.pk)

    small, big = fresh(outsider), fresh(owner)
    small_count = count_queries(lambda: due_items(small, today))
    big_count = count_queries(lambda: due_items(big, today))
    assert big_count == small_count
    started = time.perf_counter()
    items = due_items(fresh(owner), today)
    elapsed = time.perf_counter() - started
    assert items, "the benchmark account has something due"
    print(f"agenda for the benchmark account: {len(items)} items, {elapsed * 1000:.1f} ms")


def test_the_home_page_costs_the_same_queries_for_a_small_and_the_benchmark_account(
    owner, outsider, owner_client, outsider_client
):
    fill_account(outsider, contacts=20, interviews=10, messages=30)
    fill_account(owner, contacts=5000, interviews=1000, messages=10000)
    outsider_client.get("/")  # warm the session's time zone
    owner_client.get("/")
    small = count_queries(lambda: outsider_client.get("/"))
    big = count_queries(lambda: owner_client.get("/"))
    assert big == small


def _queries_for(client, url):
    client.get(url)  # the session's time zone is stored on the first request
    return count_queries(lambda: client.get(url))


@pytest.mark.parametrize("page", ["", "prepare/", "sheet/", "notes/", "reflect/"])
def test_the_interview_pages_cost_the_same_queries_however_full(owner, owner_client, page):
    contact = Contact.objects.create(owner=owner, first_name="Ada")
    small = Interview.objects.create(owner=owner, contact=contact)
    big = Interview.objects.create(owner=owner, contact=contact)
    for n in range(30):
        InterviewQuestion.objects.create(owner=owner, interview=big, text=f"Q{n}", position=n)
        NextStep.objects.create(owner=owner, interview=big, contact=contact, text=f"T{n}")
        big.log("note", f"entry {n}")
    assert _queries_for(owner_client, f"/interviews/{big.pk}/{page}") == _queries_for(
        owner_client, f"/interviews/{small.pk}/{page}"
    )


def test_the_interview_list_costs_the_same_queries_for_5_and_60(
    owner, outsider, owner_client, outsider_client
):
    fill_account(outsider, contacts=5, interviews=5, messages=0)
    fill_account(owner, contacts=60, interviews=60, messages=0)
    assert _queries_for(owner_client, "/interviews/") == _queries_for(
        outsider_client, "/interviews/"
    )
