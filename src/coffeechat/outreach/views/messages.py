"""One message: read it, edit the draft, send it one of four ways, record what happened.

POST-only actions look the message up before checking the method, so someone else's id
is a 404 whatever the method.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.models import Profile
from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.interviews.models import CLOSED_STAGES
from coffeechat.outreach import sending
from coffeechat.outreach.draft_check import blocked_text, check_draft, check_saved
from coffeechat.outreach.due import request_status, suggestions_for
from coffeechat.outreach.forms import DraftForm, MarkForm
from coffeechat.outreach.models import Channel, Message

PAGE_SIZE = 50
State = Message.State

FILTERS = {
    "": ("All", None),
    "draft": ("Drafts", State.DRAFT),
    "sent": ("Waiting for a reply", State.SENT),
    "replied": ("Replied", State.REPLIED),
}


def list_messages(request):
    state = request.GET.get("state", "")
    if state not in FILTERS:
        state = ""
    found = Message.objects.owned_by(request.user).select_related("contact__organization")
    if FILTERS[state][1]:
        found = found.filter(state=FILTERS[state][1])
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "state": state,
        "filters": [(key, label) for key, (label, _) in FILTERS.items()],
        "has_messages": page.paginator.count > 0 or Message.objects.owned_by(request.user).exists(),
    }
    return render(request, "outreach/list.html", context)


def get_message(request, pk):
    return get_owned_or_404(
        Message.objects.select_related(
            "contact__organization", "contact__referred_by", "follow_up_to", "interview"
        ),
        request.user,
        pk=pk,
    )


def message_detail(request, pk):
    message = get_message(request, pk)
    profile = Profile.for_user(request.user)
    report = check_saved(profile, message)
    send_anyway = request.GET.get("send_anyway") == "1"
    to_address = message.contact.primary_email
    context = {
        "message": message,
        "report": report,
        "send_open": message.is_draft and (not report.has_errors or send_anyway),
        "send_anyway": send_anyway and report.has_errors,
        "to_address": to_address,
        "mailto": sending.mailto_url(to_address, message.subject, message.body),
        "mailto_too_long": len(sending.mailto_url(to_address, message.subject, message.body))
        > sending.MAILTO_SAFE_LENGTH,
        "smtp": sending.smtp_configured(),
        "from_address": sending.from_address(),
        "mark_form": MarkForm(),
        "follow_ups": message.follow_ups.order_by("created_at"),
        "suggestions": suggestions_for(message)
        if message.kind == "request" and message.state == State.SENT
        else [],
        "after_reply_interview": _after_reply_interview(message),
        # When following up, then letting go, become the right step (the agenda's rules).
        "waiting": request_status(message, timezone.localdate())
        if message.kind == "request" and message.state == State.SENT
        else None,
    }
    return render(request, "outreach/detail.html", context)


def _after_reply_interview(message):
    """The conversation an answered request leads to: its own, else the contact's latest.

    A request written from the contact page has no interview; once they answer, the page
    offers the next step, and it should not offer to plan one that already exists.
    """
    if message.kind != "request" or message.state != State.REPLIED:
        return None
    if message.interview_id:
        return message.interview
    # A declined, unanswered or cancelled one is over: offer a new conversation instead.
    return (
        message.contact.interviews.exclude(stage__in=CLOSED_STAGES)
        .order_by("-created_at", "-id")
        .first()
    )


@require_http_methods(["GET", "POST"])
def edit_message(request, pk):
    message = get_message(request, pk)
    if not message.is_draft:
        messages.error(request, "This message was sent, so it stays as it was sent.")
        return redirect(message)
    form = DraftForm(request.POST or None, instance=message)
    if request.method == "POST" and form.is_valid() and request.POST.get("action") != "check":
        form.save()
        messages.success(request, "Draft saved.")
        return redirect(message)
    profile = Profile.for_user(request.user)
    data = (
        form.data
        if form.is_bound
        else {
            "channel": message.channel,
            "kind": message.kind,
            "subject": message.subject,
            "body": message.body,
        }
    )
    report = check_draft(
        profile,
        contact=message.contact,
        channel=data.get("channel") if data.get("channel") in Channel.values else "email",
        kind=message.kind,
        subject=data.get("subject", ""),
        body=(data.get("body") or "").replace("\r\n", "\n"),
    )
    context = {"message": message, "form": form, "report": report, "contact": message.contact}
    return render(request, "outreach/edit.html", context)


@require_http_methods(["GET", "POST"])
def delete_message(request, pk):
    message = get_message(request, pk)
    if request.method == "POST":
        contact = message.contact
        message.delete()
        messages.success(request, f"Deleted the message to {contact.full_name}.")
        return redirect(contact)
    return render(request, "outreach/confirm_delete.html", {"message": message})


def download_eml(request, pk):
    message = get_message(request, pk)
    if message.channel != Channel.EMAIL:
        messages.error(request, "A LinkedIn note can't be downloaded as an email.")
        return redirect(message)
    if message.is_draft and request.GET.get("send_anyway") != "1":
        report = check_saved(Profile.for_user(request.user), message)
        if report.has_errors:
            messages.error(request, blocked_text(report))
            return redirect(message)
    profile = Profile.for_user(request.user)
    content = sending.build_eml(
        subject=message.subject,
        body=message.body,
        to_name=message.contact.full_name,
        to_address=message.contact.primary_email,
        from_name=profile.name,
        from_address=sending.from_address() or None,
    )
    response = HttpResponse(content, content_type="message/rfc822")
    name = slugify(f"message to {message.contact.full_name}") or "message"
    response["Content-Disposition"] = f'attachment; filename="{name}.eml"'
    return response


def blocked(request, message, form) -> bool:
    """Refuse to send a message with errors unless the student said "send anyway"."""
    if not message.is_draft or form.cleaned_data.get("send_anyway"):
        return False
    report = check_saved(Profile.for_user(request.user), message)
    if report.has_errors:
        messages.error(request, blocked_text(report))
        return True
    return False


def form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
