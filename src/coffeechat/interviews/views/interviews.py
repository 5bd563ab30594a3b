"""The interview itself: list, start, overview, stage moves, scheduling and the invite."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat import ical
from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.interviews.forms import (
    CancelForm,
    ScheduleForm,
    StageFilterForm,
)
from coffeechat.interviews.models import (
    CLOSED_STAGES,
    Interview,
    duration_warning,
)
from coffeechat.interviews.views import post_only
from coffeechat.links import absolute_url
from coffeechat.refusals import shows_refusals
from coffeechat.zones import user_zone

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


@post_only
@shows_refusals
def move_interview(request, pk, action):
    interview = get_interview(request, pk)
    method = BUTTON_MOVES.get(action)
    if method is None:
        raise Http404("No such move.")
    getattr(interview, method)()
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
        except ValueError as refused:  # Refused too: shown on the form, beside its fields
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Moved." if rescheduling else "Scheduled.")
            if warning := duration_warning(data["duration_minutes"]):
                messages.warning(request, warning)
            return redirect(interview)
    context = {"interview": interview, "form": form, "rescheduling": rescheduling}
    return render(request, "interviews/schedule.html", context)


@require_http_methods(["GET", "POST"])
@shows_refusals
def cancel_interview(request, pk):
    interview = get_interview(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        interview.cancel(form.cleaned_data["reason"].strip())
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
