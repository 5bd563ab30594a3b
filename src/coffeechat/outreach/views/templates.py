"""The student's templates: the built-ins (which they may edit for themselves) and their own."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.outreach.builtin_messages import BY_KEY
from coffeechat.outreach.drafting import available_templates
from coffeechat.outreach.forms import TemplateForm
from coffeechat.outreach.merge import FIELDS
from coffeechat.outreach.models import MessageTemplate
from coffeechat.submissions.once import submitted_once


def list_templates(request):
    templates = available_templates(request.user)
    return render(request, "outreach/templates_list.html", {"templates": templates})


@require_http_methods(["GET", "POST"])
@submitted_once
def create_template(request):
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.owner = request.user
        template.save()
        messages.success(request, f"Added the template “{template.name}”.")
        return redirect("outreach:templates")
    return render(request, "outreach/template_form.html", _editor(form, title="Add a template"))


@require_http_methods(["GET", "POST"])
def edit_template(request, pk):
    template = get_owned_or_404(MessageTemplate.objects.filter(builtin_key=""), request.user, pk=pk)
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved “{template.name}”.")
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/template_form.html",
        _editor(form, title=f"Edit “{template.name}”", template=template),
    )


@require_http_methods(["GET", "POST"])
def delete_template(request, pk):
    template = get_owned_or_404(MessageTemplate.objects.filter(builtin_key=""), request.user, pk=pk)
    if request.method == "POST":
        template.delete()
        messages.success(request, f"Deleted the template “{template.name}”.")
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/template_confirm.html",
        {
            "title": f"Delete “{template.name}”?",
            "text": "Messages already drafted from it keep their text.",
            "button": "Delete template",
        },
    )


@require_http_methods(["GET", "POST"])
def edit_builtin(request, key):
    builtin = _builtin(key)
    copy = MessageTemplate.objects.owned_by(request.user).filter(builtin_key=key).first()
    initial = {
        "name": builtin.name,
        "kind": builtin.kind,
        "channel": builtin.channel,
        "subject": builtin.subject,
        "body": builtin.body,
    }
    form = TemplateForm(request.POST or None, instance=copy, initial=None if copy else initial)
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.owner = request.user
        template.builtin_key = key
        template.save()
        messages.success(
            request, f"Saved your version of “{template.name}”. You can reset it at any time."
        )
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/template_form.html",
        _editor(form, title=f"Edit “{builtin.name}”", builtin=builtin, edited=copy is not None),
    )


@require_http_methods(["GET", "POST"])
def reset_builtin(request, key):
    builtin = _builtin(key)
    if request.method == "POST":
        MessageTemplate.objects.owned_by(request.user).filter(builtin_key=key).delete()
        messages.success(request, f"“{builtin.name}” is back to coffeechat's version.")
        return redirect("outreach:templates")
    return render(
        request,
        "outreach/template_confirm.html",
        {
            "title": f"Reset “{builtin.name}”?",
            "text": "Your changes to this template are discarded and coffeechat's version "
            "comes back. Messages already drafted from it keep their text.",
            "button": "Reset template",
        },
    )


def _builtin(key):
    try:
        return BY_KEY[key]
    except KeyError:
        raise Http404("There is no built-in template with that name.") from None


def _editor(form, **extra):
    return {"form": form, "fields": FIELDS, **extra}
