"""Interviews and messages for the home-page benchmark: a heavy user's agenda.

Called through ``make_interviews`` in bench/generate.py (``make_messages``, in
bench/message_data.py, writes the messages the plans made here describe). Everything
is drawn from the seeded generator it is given and placed relative to one ``now``, so
the agenda has work of every kind whenever the benchmark runs: meetings today and this
week, preparation still to do, conversations awaiting a reflection or a thank-you,
people due a check-in on every cadence, open next steps, and requests waiting for a
reply (follow-ups, 3B7's second person, letting go).

Rows are written with ``bulk_create``. Their ``created_at`` and ``updated_at`` are set
here (see ``given_timestamps``) so that a message written a year ago looks it.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from contextlib import contextmanager
from dataclasses import dataclass, field

from bench.agenda_words import (
    ANSWER_NOTES,
    CHECKLIST_KEYS,
    GOALS_DECIDE,
    GOALS_LEARN,
    INTERACTION_NOTES,
    MEETING_ZONES,
    NOTE_LINES,
    QUESTION_KEYS,
    REFLECTION_ANSWERS,
    TODO_KIND_WEIGHTS,
    TODO_TEXTS,
)

DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)

# Share of the interviews at each stage (adds up to 1). Most of a heavy user's
# conversations are long past; a few are in flight.
STAGE_SHARES = [
    ("planned", 0.07),
    ("requested", 0.05),
    ("scheduled", 0.08),
    ("done", 0.02),
    ("thanked", 0.10),
    ("keeping-in-touch", 0.45),
    ("declined", 0.06),
    ("no-reply", 0.12),
    ("cancelled", 0.05),
]

# How the student keeps up: coffeechat suggests a step on its day, and they act on it a
# few days later (so a handful of each kind is due at any time), or, for a few threads,
# never.
LAG_DAYS = (0, 4)
NEVER_LET_GO = 0.01
DUE_CHECK_IN = 0.15  # share of the people kept in touch with who are due a check-in


@contextmanager
def given_timestamps(*models):
    """Let ``bulk_create`` keep the ``created_at``/``updated_at`` set on each row.

    ``auto_now``/``auto_now_add`` would stamp every row with the moment of the bulk insert;
    a heavy user's account spans years. Restored on exit.
    """
    saved = []
    for model in models:
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False) or getattr(
                model_field, "auto_now_add", False
            ):
                saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
                model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def stage_counts(count: int) -> list[tuple[str, int]]:
    """Split ``count`` over the stages; each stage gets at least one when count allows."""
    counts = [(stage, max(1, round(share * count))) for stage, share in STAGE_SHARES]
    surplus = sum(n for _, n in counts) - count
    # Take any rounding surplus (or deficit) from the largest stage.
    biggest = max(range(len(counts)), key=lambda i: counts[i][1])
    stage, n = counts[biggest]
    counts[biggest] = (stage, max(1, n - surplus))
    return counts


def follow_up_delay(rng, sent):
    """When the follow-up goes out: on 3B7's day 7 (business days), or a few days late."""
    return business_days_after(sent, 7) - sent + rng.uniform(*LAG_DAYS) * DAY


def business_days_after(day: dt.datetime, days: int) -> dt.datetime:
    current = day
    while days:
        current += DAY
        if current.weekday() < 5:
            days -= 1
    return current


# --- the plan: what happened with each interview, shared by both make_ functions ------


@dataclass
class Sent:
    """One message to write: state, times, and what it belongs to."""

    kind: str
    at: dt.datetime  # created; also sent unless draft
    state: str = "sent"  # draft, sent or replied
    replied_at: dt.datetime | None = None
    no_reply_at: dt.datetime | None = None
    follow_up: Sent | None = None  # for a request
    channel: str = "email"


@dataclass
class Plan:
    """What happened with one interview; ``make_messages`` writes its messages."""

    messages: list[Sent] = field(default_factory=list)


def planned_request(
    rng, at, *, replied_after=None, now, follow_up_after=None, follow_up_draft=False
):
    """A request sent at ``at``: maybe answered, maybe followed up."""
    channel = "linkedin" if rng.random() < 0.2 else "email"
    request = Sent("request", at, channel=channel)
    if follow_up_after is not None and at + follow_up_after < now:
        request.follow_up = Sent(
            "follow-up", at + follow_up_after, state="draft" if follow_up_draft else "sent"
        )
    if replied_after is not None and at + replied_after < now:
        request.state, request.replied_at = "replied", at + replied_after
        if request.follow_up is not None and request.follow_up.state == "sent":
            # They answered the follow-up: both count as replied.
            request.follow_up.at = min(request.follow_up.at, request.replied_at - HOUR)
            request.follow_up.state, request.follow_up.replied_at = "replied", request.replied_at
    return request


def make_interviews(owner, rng: random.Random, contacts, count=1000, *, now=None) -> list:
    """``count`` interviews at every stage, with their schedule, questions, notes,
    reflections, timeline, next steps, keep-in-touch cadences and interactions.

    Each interview carries a ``bench_plan`` (its messages) for ``make_messages``.
    """
    from django.utils import timezone

    from coffeechat.interviews.models import (
        Interview,
        TimelineEntry,
    )

    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(owner.profile.time_zone or "UTC")
    local_now = now.astimezone(zone)
    today = local_now.date()
    count = min(count, len(contacts))
    people = rng.sample(list(contacts), count)

    def on_day(offset_days, hour, minute=0):
        day = today + dt.timedelta(days=offset_days)
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    def meeting_time(offset_days):
        return on_day(offset_days, rng.randint(8, 17), rng.choice([0, 15, 30, 45]))

    interviews, plans = [], []
    timeline: list[tuple[int, dt.datetime, str, str]] = []  # (index, at, kind, text)
    index = 0
    for stage, n in stage_counts(count):
        for _ in range(n):
            contact = people[index]
            plan = Plan()
            row = Interview(owner=owner, contact=contact, stage=stage)
            row.mode = weighted(rng, [("video", 6), ("phone", 2), ("in-person", 2)])
            row.duration_minutes = rng.choice([20, 30, 30, 30, 15, 25])
            row.time_zone = rng.choice(MEETING_ZONES)
            events: list[tuple[dt.datetime, str, str]] = []

            if stage == "planned":
                created = now - rng.uniform(0, 60) * DAY
                if rng.random() < 0.3:
                    plan.messages.append(Sent("request", created + HOUR, state="draft"))
            elif stage == "requested":
                sent = now - rng.uniform(0.2, 25) * DAY
                created = sent - rng.uniform(0, 10) * DAY
                if rng.random() < 0.35:
                    request = planned_request(
                        rng, sent, replied_after=rng.uniform(0.2, 5) * DAY, now=now
                    )
                else:
                    request = planned_request(
                        rng,
                        sent,
                        now=now,
                        follow_up_after=follow_up_delay(rng, sent),
                        follow_up_draft=rng.random() < 0.1,
                    )
                plan.messages.append(request)
                events.append((sent, "stage", "Planned → Requested"))
                if request.replied_at:
                    row.replied_at = request.replied_at
                    events.append((request.replied_at, "message", "They answered"))
            elif stage in ("scheduled", "cancelled"):
                roll = rng.random()
                if stage == "cancelled":
                    starts = meeting_time(-rng.randint(3, 400))
                elif roll < 0.05:
                    starts = meeting_time(0)  # today, some already over
                elif roll < 0.2:
                    starts = meeting_time(rng.randint(1, 6))  # this week
                elif roll < 0.9:
                    starts = meeting_time(rng.randint(7, 35))
                else:
                    starts = meeting_time(-rng.randint(1, 6))  # met, not marked done yet
                sent = min(starts, now) - rng.uniform(5, 25) * DAY
                created = sent - rng.uniform(0, 7) * DAY
                request = planned_request(
                    rng, sent, replied_after=rng.uniform(0.3, 4) * DAY, now=now
                )
                plan.messages.append(request)
                row.replied_at = request.replied_at
                row.starts_at = starts
                row.ends_at = starts + dt.timedelta(minutes=row.duration_minutes)
                row.sequence = 1 if rng.random() < 0.1 else 0
                row.place = _place(rng, row.mode, index)
                events.append((sent, "stage", "Planned → Requested"))
                scheduled_at = min((request.replied_at or sent) + HOUR, now)
                events.append((scheduled_at, "stage", "Scheduled"))
                if stage == "cancelled":
                    row.sequence += 1
                    events.append((starts - rng.uniform(1, 48) * HOUR, "stage", "Cancelled"))
                _prepare(rng, row, thorough=rng.random() < 0.55)
            elif stage in ("declined", "no-reply"):
                sent = now - rng.uniform(10, 500) * DAY
                created = sent - rng.uniform(0, 10) * DAY
                if stage == "declined":
                    request = planned_request(
                        rng, sent, replied_after=rng.uniform(0.5, 6) * DAY, now=now
                    )
                    events.append((request.replied_at or sent, "stage", "Requested → Declined"))
                else:
                    request = planned_request(
                        rng, sent, now=now, follow_up_after=follow_up_delay(rng, sent)
                    )
                    request.no_reply_at = min(now, sent + rng.uniform(20, 40) * DAY)
                    events.append((request.no_reply_at, "stage", "Requested → No reply"))
                plan.messages.append(request)
                events.insert(0, (sent, "stage", "Planned → Requested"))
            else:  # met: done, thanked, keeping in touch
                if stage == "done":
                    ends = now - rng.uniform(2 / 24, 20) * DAY
                elif stage == "thanked":
                    ends = now - rng.uniform(2, 60) * DAY
                else:
                    ends = now - rng.uniform(45, 1000) * DAY
                row.ends_at = ends
                row.starts_at = ends - dt.timedelta(minutes=row.duration_minutes)
                row.place = _place(rng, row.mode, index)
                sent = row.starts_at - rng.uniform(14, 30) * DAY
                created = sent - rng.uniform(0, 7) * DAY
                request = planned_request(
                    rng, sent, replied_after=rng.uniform(0.3, 4) * DAY, now=now
                )
                if rng.random() < 0.2:  # it took a follow-up to get the answer
                    request = planned_request(
                        rng,
                        sent,
                        replied_after=rng.uniform(9, 12) * DAY,
                        follow_up_after=rng.uniform(7, 8) * DAY,
                        now=now,
                    )
                plan.messages.append(request)
                row.replied_at = request.replied_at
                _prepare(rng, row, thorough=rng.random() < 0.8)
                row.free_notes = " ".join(rng.sample(NOTE_LINES, rng.randint(1, 4)))
                reflect_chance = {"done": 0.4, "thanked": 0.9, "keeping-in-touch": 0.98}[stage]
                if rng.random() < reflect_chance:
                    row.reflected_at = min(now, ends + rng.uniform(0.5, 72) * HOUR)
                    row.reflection = {
                        key: rng.choice(answers)
                        for key, answers in REFLECTION_ANSWERS.items()
                        if rng.random() < 0.7
                    }
                    row.interest_score = rng.randint(1, 5)
                    row.fit_score = rng.randint(1, 5)
                events += [
                    (sent, "stage", "Planned → Requested"),
                    (request.replied_at or sent, "stage", "Scheduled"),
                    (ends, "stage", "Met"),
                ]
                if stage == "done" and rng.random() < 0.3:
                    plan.messages.append(
                        Sent("thank-you", ends + rng.uniform(1, 6) * HOUR, "draft")
                    )
                if stage != "done":
                    row.thanked_at = min(now, ends + rng.uniform(2, 30) * HOUR)
                    events.append((row.thanked_at, "stage", "Sent the thank-you"))
                    # Most thank-yous go through coffeechat; the rest are noted by hand.
                    thanks = Sent("thank-you", row.thanked_at)
                    row.bench_thanked_by_hand = rng.random() < 0.15
                    if not row.bench_thanked_by_hand:
                        plan.messages.append(thanks)
                if stage == "keeping-in-touch":
                    events.append((row.thanked_at + DAY, "stage", "Now part of your network"))
                if rng.random() < 0.03:
                    plan.messages.append(Sent("running-late", row.starts_at - 0.1 * HOUR))

            row.created_at = created
            last_event = max([created, *(at for at, _, _ in events)])
            row.stage_changed_at = last_event
            row.updated_at = last_event
            for at, kind, text in [(created, "note", "Planned a conversation"), *events]:
                timeline.append((index, min(at, now), kind, text))
            row.bench_plan = plan
            interviews.append(row)
            plans.append(plan)
            index += 1

    with given_timestamps(Interview):
        made = Interview.objects.bulk_create(interviews, batch_size=500)
    for row, plan in zip(made, plans, strict=True):
        row.bench_plan = plan

    TimelineEntry.objects.bulk_create(
        [
            TimelineEntry(owner=owner, interview=made[i], at=at, kind=kind, text=text)
            for i, at, kind, text in timeline
        ],
        batch_size=1000,
    )
    _make_questions(owner, rng, made)
    _make_todos(owner, rng, made, contacts, now=now, today=today)
    _make_touches(owner, rng, made, contacts, now=now)
    return made


def _place(rng, mode, index):
    if mode == "video":
        return f"https://meet.example/{index:04d}-{rng.randint(100, 999)}"
    if mode == "phone":
        return f"+1 617 555 {rng.randint(0, 9999):04d}"
    return rng.choice(["Café on Main St.", "Their office, 4th floor", "Campus library lobby"])


def _prepare(rng, row, *, thorough):
    """Goals and the checklist; the questions come in ``_make_questions``."""
    row.bench_questions = rng.randint(3, 9) if thorough else rng.randint(0, 2)
    if thorough or rng.random() < 0.3:
        row.goal_learn = rng.choice(GOALS_LEARN)
        row.goal_decision = rng.choice(GOALS_DECIDE)
    if rng.random() < 0.15:
        row.checklist = list(CHECKLIST_KEYS)
    elif rng.random() < 0.4:
        row.checklist = rng.sample(CHECKLIST_KEYS, rng.randint(1, 4))
    if rng.random() < 0.5:
        row.research_organization = "Mid-sized, growing; opened a second office last year."


def _make_questions(owner, rng, interviews):
    from coffeechat.interviews.models import InterviewQuestion

    rows = []
    for interview in interviews:
        met = interview.stage in ("done", "thanked", "keeping-in-touch")
        for position, (key, text) in enumerate(
            rng.sample(QUESTION_KEYS, getattr(interview, "bench_questions", 0))
        ):
            rows.append(
                InterviewQuestion(
                    owner=owner,
                    interview=interview,
                    position=position,
                    text=text,
                    bank_key=key,
                    notes=rng.choice(ANSWER_NOTES) if met else "",
                )
            )
    InterviewQuestion.objects.bulk_create(rows, batch_size=1000)


def _make_todos(owner, rng, interviews, contacts, *, now, today):
    """Next steps after conversations: most old ones done, recent ones open, some overdue;
    and a few not tied to a conversation."""
    from coffeechat.interviews.models import Todo

    done_chance = {"done": 0.2, "thanked": 0.8, "keeping-in-touch": 0.97}
    rows = []
    for interview in interviews:
        if interview.stage not in done_chance:
            continue
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            kind = weighted(rng, TODO_KIND_WEIGHTS)
            created = min(now, interview.ends_at + rng.uniform(1, 48) * HOUR)
            due = None
            if rng.random() < 0.7:
                due = created.date() + dt.timedelta(days=rng.randint(2, 30))
            is_done = rng.random() < done_chance[interview.stage]
            rows.append(
                Todo(
                    owner=owner,
                    interview=interview,
                    contact_id=interview.contact_id,
                    kind=kind,
                    text=rng.choice(TODO_TEXTS[kind]),
                    due_date=due,
                    done_at=min(now, created + rng.uniform(1, 20) * DAY) if is_done else None,
                    created_at=created,
                )
            )
    # Next steps of the student's own: some about a contact, some about nobody in particular.
    for _ in range(max(2, len(interviews) // 25)):
        kind = weighted(rng, TODO_KIND_WEIGHTS)
        created = now - rng.uniform(0, 90) * DAY
        rows.append(
            Todo(
                owner=owner,
                contact=rng.choice(contacts) if rng.random() < 0.5 else None,
                kind=kind,
                text=rng.choice(TODO_TEXTS[kind]),
                due_date=today + dt.timedelta(days=rng.randint(-20, 20))
                if rng.random() < 0.8
                else None,
                done_at=created + DAY if rng.random() < 0.5 else None,
                created_at=created,
            )
        )
    with given_timestamps(Todo):
        Todo.objects.bulk_create(rows, batch_size=1000)


def _make_touches(owner, rng, interviews, contacts, *, now):
    """Meetings as interactions, thank-yous noted by hand, check-ins since, and the
    keep-in-touch cadences (about a quarter of the people met are due a check-in)."""
    from coffeechat.interviews.models import Interaction, KeepInTouch

    interactions, cadences = [], []
    met_contacts = set()
    for interview in interviews:
        if interview.stage not in ("done", "thanked", "keeping-in-touch"):
            continue
        met_contacts.add(interview.contact_id)
        interactions.append(
            Interaction(
                owner=owner,
                contact_id=interview.contact_id,
                interview=interview,
                kind="meeting",
                happened_at=interview.ends_at,
                note="Informational interview",
            )
        )
        if getattr(interview, "bench_thanked_by_hand", False):
            interactions.append(
                Interaction(
                    owner=owner,
                    contact_id=interview.contact_id,
                    interview=interview,
                    kind="thank-you",
                    happened_at=interview.thanked_at,
                )
            )
        if interview.stage == "done":
            continue
        # A cadence of their own for most; the rest keep the default (no row), a few none.
        roll = rng.random()
        cadence = 90
        if roll < 0.7:
            cadence = weighted(rng, [(30, 2), (60, 3), (90, 4), (180, 2)])
            cadences.append((interview.contact_id, cadence, interview.thanked_at))
        elif roll < 0.75:
            cadences.append((interview.contact_id, None, interview.thanked_at))
            cadence = None
        if interview.stage != "keeping-in-touch" or cadence is None:
            continue
        # The last check-in: within the cadence for about three in four (not due yet),
        # longer ago for the rest (due, some long overdue).
        if rng.random() > DUE_CHECK_IN:
            age = rng.uniform(0, cadence - 1) * DAY
        else:
            age = rng.uniform(cadence, cadence + 120) * DAY
        last = now - age
        if last <= interview.thanked_at:
            continue  # the thank-you was the last touch
        touches = [last] + [
            interview.thanked_at + rng.random() * (last - interview.thanked_at)
            for _ in range(rng.randint(0, 3))
        ]
        for at in touches:
            if rng.random() < 0.5:
                interview.bench_plan.messages.append(Sent("keep-in-touch", at))
            else:
                interactions.append(
                    Interaction(
                        owner=owner,
                        contact_id=interview.contact_id,
                        kind=weighted(
                            rng, [("call", 2), ("email", 3), ("message", 2), ("update", 3)]
                        ),
                        happened_at=at,
                        note=rng.choice(INTERACTION_NOTES),
                    )
                )

    # People never interviewed but worth keeping up with (old coworkers, a coach...).
    others = [c for c in contacts if c.pk not in met_contacts]
    for contact in rng.sample(others, min(len(others), max(3, len(interviews) // 7))):
        since = now - rng.uniform(0, 400) * DAY
        cadence = weighted(rng, [(30, 2), (60, 2), (90, 3), (180, 2)])
        cadences.append((contact.pk, cadence, since))
        # As above: most were in touch within their cadence, some are due.
        due = rng.random() < DUE_CHECK_IN
        age = rng.uniform(cadence, 300) if due else rng.uniform(0, cadence - 1)
        if now - age * DAY > since:
            interactions.append(
                Interaction(
                    owner=owner,
                    contact_id=contact.pk,
                    kind=weighted(rng, [("call", 1), ("email", 2), ("other", 1)]),
                    happened_at=now - age * DAY,
                    note=rng.choice(INTERACTION_NOTES),
                )
            )
    Interaction.objects.bulk_create(interactions, batch_size=1000)
    with given_timestamps(KeepInTouch):
        KeepInTouch.objects.bulk_create(
            [
                KeepInTouch(
                    owner=owner,
                    contact_id=contact_id,
                    cadence_days=cadence,
                    created_at=since,
                    updated_at=since,
                )
                for contact_id, cadence, since in cadences
            ],
            batch_size=1000,
        )
