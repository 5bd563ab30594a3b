"""Drafting: pick a contact and a template, get a filled draft, edit it with live feedback."""

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.models import Profile
from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.models import Contact
from coffeechat.contacts.search import pick_contacts
from coffeechat.interviews.models import Interview
from coffeechat.outreach.checker.catalog import RULES
from coffeechat.outreach.draft_check import check_draft
from coffeechat.outreach.drafting import (
    available_templates,
    draft_from,
    first_line,
    merge_values,
    suggested_template_key,
)
from coffeechat.outreach.forms import DraftForm, DraftOptionsForm
from coffeechat.outreach.models import Kind, Message
from coffeechat.outreach.wording import as_phrase
from coffeechat.submissions.once import submitted_once


@require_http_methods(["GET", "POST"])
@submitted_once
def compose(request):
    """GET: the draft, filled from a template. POST: save it (or just check it, without JS)."""
    user = request.user
    source = request.POST if request.method == "POST" else request.GET
    follow_up_to = _owned_or_none(
        Message.objects.select_related("contact__organization", "interview"),
        user,
        source.get("follow_up_to"),
    )
    interview = _owned_or_none(
        Interview.objects.select_related("contact"), user, source.get("interview")
    )
    if follow_up_to is not None:
        problem = _why_no_follow_up(follow_up_to)
        if problem:
            messages.error(request, problem)
            return redirect(follow_up_to)
        started = follow_up_to.follow_ups.filter(state=Message.State.DRAFT).first()
        if started is not None and request.method == "GET":
            messages.info(request, "You already started this follow-up; here it is.")
            return redirect(started)
        contact = follow_up_to.contact
        interview = interview or follow_up_to.interview
    elif interview is not None:
        contact = interview.contact
    else:
        contact = _owned_or_none(
            Contact.objects.select_related("organization", "referred_by"),
            user,
            source.get("contact"),
        )
    if contact is None:
        return _pick_contact(request)

    profile = Profile.for_user(user)
    templates = available_templates(user)
    suggested = suggested_template_key(contact, follow_up_to=follow_up_to, interview=interview)
    options = DraftOptionsForm(
        {
            "template": source.get("template") or suggested,
            "their_work": source.get("their_work", as_phrase(contact.research_notes)),
            "their_field": source.get("their_field", contact.field),
            "what_i_hope_to_learn": source.get(
                "what_i_hope_to_learn", first_line(getattr(interview, "goal_learn", ""))
            ),
        },
        templates=templates,
    )
    options.is_valid()
    chosen_key = options.cleaned_data.get("template") or suggested
    template = next((t for t in templates if t.key == chosen_key), None)
    if template is None:
        template = next(t for t in templates if t.key == suggested)

    if request.method == "POST":
        form = DraftForm(request.POST)
        if form.is_valid() and request.POST.get("action") != "check":
            message = form.save(commit=False)
            message.owner = user
            message.contact = contact
            message.interview = interview
            message.follow_up_to = follow_up_to
            message.template_key = template.key
            if follow_up_to is not None:
                message.kind = Kind.FOLLOW_UP
            message.save()
            messages.success(request, "Draft saved. Check it over, then send it from here.")
            return redirect(message)
    else:
        values = merge_values(
            profile,
            contact,
            interview=interview,
            follow_up_to=follow_up_to,
            their_work=options.cleaned_data.get("their_work", ""),
            what_i_hope_to_learn=options.cleaned_data.get("what_i_hope_to_learn", ""),
            their_field=options.cleaned_data.get("their_field", ""),
        )
        draft = draft_from(
            template, values, follows=follow_up_to.body if follow_up_to is not None else ""
        )
        channel = template.channel
        if follow_up_to is not None:
            channel = follow_up_to.channel
        form = DraftForm(
            initial={
                "channel": channel,
                "kind": Kind.FOLLOW_UP if follow_up_to is not None else template.kind,
                "subject": draft.subject if channel == "email" else "",
                "body": draft.body,
            }
        )
    context = {
        "contact": contact,
        "follow_up_to": follow_up_to,
        "interview": interview,
        "template": template,
        "options": options,
        "form": form,
        "report": _report(profile, contact, form),
        "carry": {
            "contact": contact.pk,
            "follow_up_to": follow_up_to.pk if follow_up_to else "",
            "interview": interview.pk if interview else "",
        },
    }
    return render(request, "outreach/compose.html", context)


@require_POST
def check(request):
    """The live check: the findings and counts for whatever is in the editor now."""
    contact = _owned_or_none(
        Contact.objects.select_related("organization", "referred_by"),
        request.user,
        request.POST.get("contact"),
    )
    form = DraftForm(request.POST)
    form.is_valid()
    profile = Profile.for_user(request.user)
    return render(
        request, "outreach/_check.html", {"report": _report(profile, contact, form, live=True)}
    )


@require_http_methods(["GET"])
def list_rules(request):
    """Every rule the checker has: the same entries `coffeechat check --explain` prints."""
    return render(request, "outreach/rules.html", {"rules": RULES.values()})


@require_http_methods(["GET"])
def explain_rule(request, rule):
    """One rule, explained: where a finding's "Why?" link goes."""
    entry = RULES.get(rule)
    if entry is None:
        raise Http404("The checker has no rule by that name.")
    return render(request, "outreach/rule.html", {"rule": entry})


def _report(profile, contact, form, live=False):
    """Check what the form holds (valid or not: a half-written draft still gets feedback)."""
    data = form.data if form.is_bound else form.initial
    channel = data.get("channel") or "email"
    kind = data.get("kind") or "request"
    if channel not in ("email", "linkedin"):
        channel = "email"
    if kind not in Kind.values:
        kind = "request"
    return check_draft(
        profile,
        contact=contact,
        channel=channel,
        kind=kind,
        subject=(data.get("subject") or ""),
        body=(data.get("body") or "").replace("\r\n", "\n"),
    )


def _pick_contact(request):
    template = request.GET.get("template", "")
    query = request.GET.get("q", "").strip()
    context = {
        "query": query,
        "people": pick_contacts(request.user, query),
        "has_contacts": Contact.objects.owned_by(request.user).exists(),
        "keep_params": [("template", template)] if template else [],
        "pick_query": f"?template={quote(template)}&" if template else "?",
    }
    return render(request, "outreach/pick_contact.html", context)


def _owned_or_none(queryset, user, raw_id):
    """The user's record with this id; None when no id was given; 404 for anyone else's."""
    if raw_id in (None, ""):
        return None
    return get_owned_or_404(queryset, user, pk=raw_id)


def _why_no_follow_up(request_message) -> str:
    """Why this message can't be followed up now (empty when it can)."""
    if request_message.kind != Kind.REQUEST:
        return "Only a request can be followed up."
    if request_message.state == Message.State.DRAFT:
        return "This request hasn't been sent yet, so there is nothing to follow up."
    if request_message.state == Message.State.REPLIED:
        return "They already replied, so there is no need to follow up."
    if request_message.follow_ups.exclude(state=Message.State.DRAFT).exists():
        return (
            "You already followed up once. If they still don't answer, let it go and "
            "try someone else."
        )
    return ""
