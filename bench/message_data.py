"""Messages for the home-page benchmark: the interviews' own, then cold outreach.

Called through ``make_messages`` in bench/generate.py after ``make_interviews``
(bench/agenda_data.py), whose plans say which messages each interview had.
"""

from __future__ import annotations

import random

from bench.agenda_data import (
    DAY,
    HOUR,
    NEVER_LET_GO,
    Sent,
    business_days_after,
    follow_up_delay,
    given_timestamps,
    planned_request,
    weighted,
)
from bench.agenda_words import (
    BODY_ASKS,
    BODY_OPENINGS,
    BODY_OTHER,
    REQUEST_TEMPLATES,
    SUBJECTS,
    VIA_WEIGHTS,
)


def make_messages(owner, rng: random.Random, contacts, count=10_000, *, interviews=(), now=None):
    """``count`` messages: those of the interviews' plans first (requests, follow-ups,
    thank-yous, check-ins), then cold outreach to other contacts over two years, with
    replies, follow-ups, requests let go, and drafts."""
    from django.utils import timezone

    from coffeechat.outreach.models import Message

    now = now or timezone.now()
    planned: list[tuple[object, object, Sent]] = []  # (contact_id, interview, sent)
    for interview in interviews:
        for sent in interview.bench_plan.messages:
            planned.append((interview.contact_id, interview, sent))
    interviewed = {interview.contact_id for interview in interviews}
    others = [c.pk for c in contacts if c.pk not in interviewed] or [c.pk for c in contacts]

    def size(sent):
        return 1 + (sent.follow_up is not None)

    total = sum(size(sent) for _, _, sent in planned)

    # Cold outreach over four years: requests (a third answered), a follow-up on 3B7's
    # day 7 or a little later, most unanswered threads let go a few days after coffeechat
    # suggests it; with 3B7, a request to a colleague of the first person on day 3 for
    # about half; a few drafts.
    colleagues: dict[int, list[int]] = {}
    for contact in contacts:
        if contact.organization_id and contact.pk not in interviewed:
            colleagues.setdefault(contact.organization_id, []).append(contact.pk)
    organization_of = {c.pk: c.organization_id for c in contacts}
    while total < count:
        contact_id = rng.choice(others)
        if rng.random() < 0.04 or count - total == 1:
            at = now - rng.uniform(0, 30) * DAY
            planned.append((contact_id, None, Sent("request", at, "draft")))
            total += 1
            continue
        sent = now - (rng.random() ** 1.1) * 1460 * DAY
        planned.append((contact_id, None, _cold_request(rng, sent, now)))
        total += size(planned[-1][2])
        team = colleagues.get(organization_of[contact_id], [])
        if len(team) > 1 and count - total >= 2 and rng.random() < 0.5:
            second = rng.choice([pk for pk in team[:50] if pk != contact_id])
            at = business_days_after(sent, 3) + rng.uniform(0, 2) * DAY
            if at < now:
                planned.append((second, None, _cold_request(rng, at, now)))
                total += size(planned[-1][2])
    while total > count:  # the interviews' own messages alone were more than ``count``
        total -= size(planned.pop()[2])

    rows, follow_ups = [], []
    for contact_id, interview, sent in planned:
        rows.append(_message(owner, rng, contact_id, interview, sent))
        if sent.follow_up is not None:
            follow_ups.append((len(rows) - 1, contact_id, interview, sent.follow_up))
    with given_timestamps(Message):
        made = Message.objects.bulk_create(rows, batch_size=500)
        made += Message.objects.bulk_create(
            [
                _message(owner, rng, contact_id, interview, sent, follow_up_to=made[i])
                for i, contact_id, interview, sent in follow_ups
            ],
            batch_size=500,
        )
    return made


def _cold_request(rng, sent, now):
    if rng.random() < 0.3:
        return planned_request(rng, sent, replied_after=rng.uniform(0.2, 8) * DAY, now=now)
    request = planned_request(
        rng,
        sent,
        now=now,
        follow_up_after=follow_up_delay(rng, sent),
        # A follow-up left as a draft: only among recent requests.
        follow_up_draft=now - sent < 30 * DAY and rng.random() < 0.1,
        replied_after=rng.uniform(9, 20) * DAY if rng.random() < 0.1 else None,
    )
    follow_up = request.follow_up
    if follow_up is not None and follow_up.state == "sent" and request.state == "sent":
        # coffeechat suggests letting go on day 7 after the follow-up (business days).
        let_go = follow_up_delay(rng, follow_up.at) + follow_up.at
        if let_go < now and rng.random() > NEVER_LET_GO:
            request.no_reply_at = let_go
    return request


def _message(owner, rng, contact_id, interview, sent: Sent, follow_up_to=None):
    from coffeechat.outreach.models import Message

    kind = sent.kind
    channel = follow_up_to.channel if follow_up_to is not None else sent.channel
    if kind != "request" and follow_up_to is None:
        channel = "email"
    field_name = rng.choice(["research", "consulting", "public health", "software", "policy"])
    if kind == "request":
        body = f"{rng.choice(BODY_OPENINGS)} {rng.choice(BODY_ASKS)}".format(field=field_name)
    else:
        body = BODY_OTHER[kind].format(field=field_name)
    if channel == "email":
        body = f"Hello,\n\n{body}\n\nBest wishes,\nBea"
    draft = sent.state == "draft"
    last_change = max(m for m in (sent.at, sent.replied_at, sent.no_reply_at) if m is not None)
    return Message(
        owner=owner,
        contact_id=contact_id,
        interview=interview,
        channel=channel,
        kind=kind,
        subject="" if channel == "linkedin" else rng.choice(SUBJECTS[kind]),
        body=body,
        state=sent.state,
        template_key=(
            "linkedin-note"
            if channel == "linkedin" and kind == "request"
            else rng.choice(REQUEST_TEMPLATES)
            if kind == "request"
            else kind
        ),
        follow_up_to=follow_up_to,
        created_at=sent.at - rng.uniform(0, 2) * HOUR,
        updated_at=last_change,
        sent_at=None if draft else sent.at,
        sent_via="" if draft else weighted(rng, VIA_WEIGHTS),
        replied_at=sent.replied_at,
        no_reply_at=sent.no_reply_at,
    )
