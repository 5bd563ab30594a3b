"""The interview itself: list, start, overview, stage moves, scheduling and the invite."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.models import Contact
from coffeechat.contacts.search import pick_contacts
from coffeechat.interviews import ical
from coffeechat.interviews.forms import (
    CancelForm,
    ScheduleForm,
    StageFilterForm,
    StartInterviewForm,
)
from coffeechat.interviews.models import (
    CLOSED_STAGES,
    TRANSITIONS,
    Interview,
    Todo,
    TransitionRefused,
    duration_warning,
)
from coffeechat.interviews.next_step import next_step
from coffeechat.interviews.views import post_only
from coffeechat.interviews.zones import user_zone
from coffeechat.links import absolute_url
from coffeechat.submissions.once import submitted_once

PAGE_SIZE = 50

# Moves made with one button on the overview. Scheduling and cancelling have their own
# pages because they ask for details (and cancelling asks to confirm).
BUTTON_MOVES = {
    "request": "mark_requested",
    "reply": "mark_replied",
    "done": "mark_done",
    "thank": "mark_thanked",
    "keep-in-touch": "keep_in_touch",
    "decline": "mark_declined",
    "no-reply": "mark_no_reply",
    "reopen": "reopen",
}


def get_interview(request, pk, queryset=None):
    queryset = queryset if queryset is not None else Interview.objects.select_related("contact")
    return get_owned_or_404(queryset, request.user, pk=pk)


def list_interviews(request):
    form = StageFilterForm(request.GET or None)
    stage = form.cleaned_data["stage"] if form.is_valid() else ""
    interviews = Interview.objects.owned_by(request.user).select_related(
        "contact", "contact__organization"
    )
    if stage == "open":
        interviews = interviews.exclude(stage__in=CLOSED_STAGES)
    elif stage:
        interviews = interviews.filter(stage=stage)
    page = Paginator(interviews.order_by("-updated_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = dict(
        Interview.objects.owned_by(request.user)
        .values_list("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    stages = [(value, label, counts.get(value, 0)) for value, label in Interview.Stage.choices]
    context = {"form": form, "page": page, "stage": stage, "stages": stages}
    return render(request, "interviews/list.html", context)


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
        interview = Interview.plan(request.user, contact)
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
    from coffeechat.outreach.due import request_status

    sent = interview.messages.filter(kind="request", state="sent").order_by("-sent_at").first()
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
        "step": next_step(interview, now, prepared=prepared, waiting=_waiting(interview)),
        "prepared": prepared,
        "actions": actions,
        "can_schedule": "schedule" in interview.allowed_actions()
        or interview.stage == Interview.Stage.SCHEDULED,
        "can_cancel": "cancel" in interview.allowed_actions(),
        "timeline": interview.timeline.order_by("-at", "-id"),
        "todos": Todo.objects.filter(interview=interview).order_by("done_at", "due_date", "id"),
        "user_zone": user_zone(request.user),
        "now": now,
        "thank_you_deadline": interview.thank_you_deadline,
        "messages_list": _messages_for(interview),
    }
    return render(request, "interviews/detail.html", context)


def _messages_for(interview):
    try:
        return list(interview.messages.order_by("-created_at")[:20])
    except AttributeError:  # the outreach app isn't installed
        return []


@post_only
def move_interview(request, pk, action):
    interview = get_interview(request, pk)
    method = BUTTON_MOVES.get(action)
    if method is None:
        raise Http404("No such move.")
    try:
        getattr(interview, method)()
    except TransitionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _moved_note(action, interview))
    return redirect(interview)


# What each one-button move means, and what to do next, in a sentence.
MOVED_NOTES = {
    "request": "Marked as asked. When {name} answers, record it here.",
    "reply": "Marked as answered. Next: agree a time and schedule it.",
    "done": "Marked as met. Write down what you took from it while it's fresh, "
    "and thank {name} within a day.",
    "thank": "Marked as thanked. Keep in touch: a short update in a few weeks is welcome.",
    "keep-in-touch": "Keeping in touch with {name}: the contact page reminds you when "
    "it's time to check in.",
    "decline": "Marked as declined. Thank {name} for answering, and try someone else.",
    "no-reply": "Marked as no reply. No more reminders for this one.",
    "reopen": "Reopened. Pick up where you left off.",
}


def _moved_note(action, interview):
    name = interview.contact.first_name or interview.contact.full_name or "them"
    template = MOVED_NOTES.get(action, "Now: {stage}.")
    return template.format(name=name, stage=interview.get_stage_display().lower())


@require_http_methods(["GET", "POST"])
def schedule_interview(request, pk):
    interview = get_interview(request, pk)
    zone_name = getattr(user_zone(request.user), "key", "UTC")
    form = ScheduleForm(
        request.POST or None, initial=ScheduleForm.initial_for(interview, zone_name)
    )
    rescheduling = interview.stage == Interview.Stage.SCHEDULED
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interview.schedule(
                data["starts_at"],
                time_zone=data["time_zone"],
                duration_minutes=data["duration_minutes"],
                mode=data["mode"],
                place=data["place"].strip(),
            )
        except (TransitionRefused, ValueError) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Moved." if rescheduling else "Scheduled.")
            if warning := duration_warning(data["duration_minutes"]):
                messages.warning(request, warning)
            return redirect(interview)
    context = {"interview": interview, "form": form, "rescheduling": rescheduling}
    return render(request, "interviews/schedule.html", context)


@require_http_methods(["GET", "POST"])
def cancel_interview(request, pk):
    interview = get_interview(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interview.cancel(form.cleaned_data["reason"].strip())
        except TransitionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Cancelled. Let them know if you haven't yet.")
        return redirect(interview)
    return render(request, "interviews/confirm_cancel.html", {"interview": interview, "form": form})


def download_invite(request, pk):
    interview = get_interview(request, pk)
    if interview.stage != Interview.Stage.SCHEDULED or not interview.starts_at:
        messages.error(request, "Schedule the conversation first; then its invite can be saved.")
        return redirect(interview)
    cal = ical.new_calendar()
    cal.add_component(
        ical.meeting_event(interview, url=absolute_url(request, interview.get_absolute_url()))
    )
    response = HttpResponse(ical.finish(cal), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response
