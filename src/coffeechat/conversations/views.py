"""The pages where a conversation moves across outreach and interviews.

The conversation's page (an interview's overview, with its next step and the state of its
request), planning one (from the start page or a referral), drafting the thank-you, and
recording that a message was sent,
answered or let go: each calls one function of ``conversations.moves``. Their addresses
and route names are the ones they always had (``coffeechat/urls.py`` mounts them beside
outreach's and interviews' own).
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404, post_only
from coffeechat.contacts.matching import same_person
from coffeechat.contacts.models import Contact, Organization, Source
from coffeechat.contacts.search import pick_contacts
from coffeechat.conversations import moves
from coffeechat.conversations.guidance import guidance
from coffeechat.interviews.forms import ReferralForm, StartInterviewForm
from coffeechat.interviews.models import TRANSITIONS, Interview, NextStep, TimelineEntry
from coffeechat.interviews.views import post_only as interview_post_only
from coffeechat.interviews.views.interviews import BUTTON_MOVES, get_interview
from coffeechat.interviews.views.meeting import meeting_page
from coffeechat.outreach.due import request_status
from coffeechat.outreach.forms import MarkForm
from coffeechat.outreach.models import Kind, Message
from coffeechat.outreach.views.messages import blocked, form_errors, get_message
from coffeechat.refusals import shows_refusals
from coffeechat.submissions.once import submitted_once
from coffeechat.zones import user_zone


@require_http_methods(["GET", "POST"])
@submitted_once
def start_interview(request):
    initial = {}
    contact_id = request.GET.get("contact")
    if contact_id:
        initial["contact"] = get_owned_or_404(Contact, request.user, pk=contact_id)
        if request.method == "GET" and (already := _under_way(request, initial["contact"])):
            return already
    form = StartInterviewForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        if already := _under_way(request, contact):
            return already
        interview = moves.plan(request.user, contact)
        messages.success(request, f"Planned a conversation with {contact.full_name}.")
        return redirect(interview)
    contact = initial.get("contact") or (form.is_bound and form.cleaned_data.get("contact"))
    query = request.GET.get("q", "").strip()
    context = {
        "form": form,
        "contact": contact or None,
        "has_contacts": bool(contact) or Contact.objects.owned_by(request.user).exists(),
        # Without a person yet: a search for them, with their organization shown.
        "query": query,
        "people": [] if contact else pick_contacts(request.user, query),
    }
    return render(request, "interviews/start.html", context)


def _under_way(request, contact):
    """One conversation at a time with each person: a redirect to the one under way."""
    interview = Interview.under_way(request.user, contact)
    if interview is None:
        return None
    messages.info(
        request, f"Your conversation with {contact.full_name} is already under way: here it is."
    )
    return redirect(interview)


def _waiting(interview):
    """(status, request) of the interview's unanswered request, for the next step."""
    if interview.stage != Interview.Stage.REQUESTED or interview.replied_at:
        return None
    sent = (
        interview.messages.filter(kind=Kind.REQUEST, state=Message.State.SENT)
        .order_by("-sent_at")
        .first()
    )
    status = request_status(sent, timezone.localdate()) if sent else None
    return (status, sent) if status else None


def interview_detail(request, pk):
    interview = get_interview(
        request,
        pk,
        Interview.objects.select_related("contact", "contact__organization").annotate(
            question_count=Count("questions")
        ),
    )
    now = timezone.now()
    prepared = interview.is_prepared(interview.question_count)
    actions = [
        (action, TRANSITIONS[action][2])
        for action in interview.allowed_actions()
        if action in BUTTON_MOVES and not (action == "reply" and interview.replied_at)
    ]
    context = {
        "interview": interview,
        "step": guidance(interview, now, prepared=prepared, waiting=_waiting(interview)),
        "prepared": prepared,
        "actions": actions,
        "can_schedule": "schedule" in interview.allowed_actions()
        or interview.stage == Interview.Stage.SCHEDULED,
        "can_cancel": "cancel" in interview.allowed_actions(),
        "timeline": interview.timeline.order_by("-at", "-id"),
        "todos": NextStep.objects.filter(interview=interview).order_by("done_at", "due_date", "id"),
        "user_zone": user_zone(request.user),
        "now": now,
        "thank_you_deadline": interview.thank_you_deadline,
        "messages_list": _messages_for(interview),
    }
    return render(request, "interviews/detail.html", context)


def _messages_for(interview):
    return list(interview.messages.order_by("-created_at")[:20])


@interview_post_only
def draft_thank_you(request, pk):
    interview = get_interview(
        request, pk, Interview.objects.select_related("contact", "contact__organization")
    )
    if not moves.thank_you_met(interview):
        messages.error(request, "A thank-you follows a meeting: mark the meeting done first.")
        return redirect(interview)
    message = moves.draft_thank_you(interview)
    messages.success(request, "Your thank-you is drafted. Read it through, then send it.")
    return redirect(message.get_absolute_url())


@interview_post_only
@submitted_once
def add_referral(request, pk):
    """ "They suggested I talk to…": the person (a new contact, or one the student already
    has), who suggested them, and a plan to talk."""
    interview = get_interview(request, pk)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return meeting_page(request, interview, form, status=400)
    data = form.cleaned_data
    chosen = request.POST.get("person", "")
    if chosen:
        person = get_owned_or_404(Contact, request.user, pk=chosen)
    elif request.POST.get("new_anyway"):
        person = None
    else:
        person, why = same_person(
            request.user,
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            organization=data["organization"],
            emails=[data["email"]] if data["email"] else [],
        )
        if person is not None:
            # Offer the person already there rather than making them twice.
            return meeting_page(request, interview, form, match=person, match_why=why)
    with transaction.atomic():
        if person is None:
            person = Contact.objects.create(
                owner=request.user,
                first_name=data["first_name"].strip(),
                last_name=data["last_name"].strip(),
                title=data["title"].strip(),
                organization=Organization.named(request.user, data["organization"]),
                emails=[data["email"].lower()] if data["email"] else [],
                source=Source.REFERRAL,
                referred_by=interview.contact,
                notes=data["note"].strip(),
            )
            added = f"Added {person.full_name}, referred by {interview.contact.full_name}"
        else:
            person.note_referral(interview.contact, data["note"].strip())
            added = f"{person.full_name} was already in your contacts: noted the suggestion"
        planned = Interview.under_way(request.user, person)
        if planned is None:
            planned = moves.plan(request.user, person)
            planned.log(TimelineEntry.Topic.STAGE, f"Suggested by {interview.contact.full_name}")
            added += ", with a conversation planned."
        else:
            added += "; your conversation with them is already under way."
        interview.log(TimelineEntry.Topic.NOTE, f"Suggested I talk to {person.full_name}")
    messages.success(request, added)
    return redirect(reverse("interviews:notes", args=[interview.pk]) + "#referral")


# -- a message: sent, answered, let go ------------------------------------------------

# Only a POST moves a message; someone else's id is a 404 whatever the method.
message_post_only = post_only(pk=Message)


@message_post_only
@shows_refusals
def mark_sent(request, pk):
    message = get_message(request, pk)
    form = MarkForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(message)
    if blocked(request, message, form):
        return redirect(message)
    via = form.cleaned_data["via"] or Message.Via.MANUAL
    moves.sent(message, form.moment(), via=via)
    messages.success(request, _sent_note(message))
    return redirect(message)


@message_post_only
@shows_refusals
def send_now(request, pk):
    """Send through the configured SMTP server, then record it as sent."""
    message = get_message(request, pk)
    form = MarkForm(request.POST)
    form.is_valid()
    moves.send_by_email(message, anyway=bool(form.cleaned_data.get("send_anyway")))
    messages.success(request, f"Sent to {message.contact.primary_email}. {_sent_note(message)}")
    return redirect(message)


@message_post_only
@shows_refusals
def mark_replied(request, pk):
    message = get_message(request, pk)
    form = MarkForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(message)
    moves.answered(message, form.moment())
    messages.success(
        request,
        f"Marked as answered. Nothing more is due for this message; "
        f"next, agree a time to talk with {message.contact.first_name or 'them'}.",
    )
    return redirect(message)


@message_post_only
@shows_refusals
def mark_no_reply(request, pk):
    message = get_message(request, pk)
    request_message = moves.let_go(message)
    messages.success(
        request,
        f"Let go of {request_message.contact.full_name}: no more reminders for this request. "
        "Most cold messages go unanswered; the next person may well say yes.",
    )
    return redirect(request_message)


def _sent_note(message) -> str:
    if message.kind == Kind.REQUEST:
        return "Marked as sent. coffeechat will remind you if no reply comes."
    return "Marked as sent."
