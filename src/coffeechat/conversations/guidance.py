"""Guidance: the one thing to do next in a conversation, shown at the top of its page (a pure
function of its state and the time). Not to be confused with the student's own next steps
(``NextStep``), the list they write down after a conversation.

What is due after scheduling (prepare, reflect, thank) follows the rules beside the model
(``due_to_prepare`` …), the same the agenda reads.
"""

import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from coffeechat.interviews.models import Interview, due_to_prepare
from coffeechat.outreach.followup import FOLLOW_UP, SECOND_CONTACT, TRY_SOMEONE_ELSE

S = Interview.Stage


@dataclass(frozen=True)
class Guidance:
    text: str
    # A route name under "interviews:" taking the interview's id, or "" for none.
    action: str = ""
    label: str = ""
    # A full address instead of a route, for a step that happens in another app.
    href: str = ""


def _compose_url(interview):
    try:
        return reverse("outreach:compose") + f"?interview={interview.pk}"
    except NoReverseMatch:  # outreach's compose page isn't mounted
        return ""


def guidance(interview, now: datetime.datetime, *, prepared: bool, waiting=None) -> Guidance:
    """``waiting``: for a request not answered yet, where it stands by the follow-up rules
    (``outreach.due.request_status`` of the interview's request), if there is one."""
    name = interview.contact.full_name
    stage = interview.stage
    if stage == S.PLANNED:
        return Guidance(
            f"Write to {name}: say who you are, why them, and ask for 15–30 minutes. "
            "Once it's sent, this moves on by itself (or mark it as requested).",
            label="Write the request",
            href=_compose_url(interview),
        )
    if stage == S.REQUESTED:
        if interview.replied_at:
            return Guidance(
                f"{name} answered. Agree a date and time, then put it here.",
                "schedule",
                "Schedule the conversation",
            )
        return _waiting_step(interview, waiting)
    if stage == S.SCHEDULED:
        if interview.starts_at and interview.starts_at > now:
            if due_to_prepare(interview, now, prepared=prepared):
                return Guidance(
                    "Get ready: set your goals and choose your questions.",
                    "prepare",
                    "Prepare",
                )
            return Guidance(
                "You're prepared. Print your prep sheet and be a few minutes early.",
                "sheet",
                "Open the prep sheet",
            )
        if interview.ends_at and interview.ends_at > now:
            return Guidance("It's happening now: take notes as you go.", "notes", "Take notes")
        return Guidance(
            f"Did you meet {name}? Mark it done, then write down what you learned.",
        )
    if stage == S.DONE:
        if not interview.reflected_at:
            return Guidance(
                "Write your reflection while the conversation is fresh.",
                "reflect",
                "Reflect",
            )
        deadline = interview.thank_you_deadline
        if deadline and now > deadline:
            return Guidance(
                f"Your thank-you to {name} is overdue: send it today.",
                label="Go to the thank-you",
                href="#thank-you",
            )
        return Guidance(
            f"Thank {name} within a day of meeting, naming what helped you most.",
            label="Go to the thank-you",
            href="#thank-you",
        )
    if stage == S.THANKED:
        return Guidance(
            f"{name} is part of your network now. Move this to keeping in touch and "
            "send them news as you go."
        )
    if stage == S.KEEPING_IN_TOUCH:
        return Guidance(f"Send {name} an update from time to time; the agenda will remind you.")
    return Guidance("Nothing to do here. Plan it again if things change, or talk to someone else.")


def _day(day: datetime.date) -> str:
    return day.strftime("%a %-d %b")


def _waiting_step(interview, waiting) -> Guidance:
    """What to do while a request goes unanswered, by the same rules as the agenda."""
    name = interview.contact.full_name
    if waiting is None:  # marked as asked by hand: no sent request to time it from
        return Guidance(
            f"Wait for {name} to answer. If a week or two goes by in silence, follow up once."
        )
    status, request = waiting
    if status.kind == FOLLOW_UP:
        return Guidance(
            f"No answer from {name} since you wrote: time to follow up, once and briefly.",
            label="Write the follow-up",
            href=_outreach_url("outreach:compose", f"?follow_up_to={request.pk}"),
        )
    if status.kind == TRY_SOMEONE_ELSE:
        return Guidance(
            "No answer to your follow-up either. Let this one go (it happens to everyone) "
            "and try someone else: the request's page suggests who.",
            label="Open the request",
            href=request.get_absolute_url(),
        )
    if status.kind == SECOND_CONTACT:
        organization = interview.contact.organization
        where = f" at {organization.name}" if organization else ""
        return Guidance(
            f"Three business days without an answer: with 3B7, write to a second "
            f"person{where} if you haven't yet. The follow-up to {name} is due on "
            f"{_day(status.follow_up_on)}.",
            label="See what's due",
            href=_outreach_url("agenda:due", ""),
        )
    if status.followed_up:
        return Guidance(
            f"You followed up. If {name} still hasn't answered by {_day(status.day)}, "
            "let it go and try someone else."
        )
    return Guidance(f"Wait for {name} to answer. No reply by {_day(status.day)}? Follow up once.")


def _outreach_url(route: str, query: str) -> str:
    try:
        return reverse(route) + query
    except NoReverseMatch:  # that app's pages aren't mounted
        return ""
