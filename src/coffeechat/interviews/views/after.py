"""After the meeting: reflection, scores, next steps and the thank-you draft."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.interviews.forms import NextStepForm, ReflectionForm
from coffeechat.interviews.models import NextStep
from coffeechat.interviews.views import post_only
from coffeechat.interviews.views.interviews import get_interview
from coffeechat.saving import saved_status
from coffeechat.submissions.once import submitted_once


@require_http_methods(["GET", "POST"])
def reflect(request, pk):
    interview = get_interview(request, pk)
    form = ReflectionForm(request.POST or None, interview=interview)
    if request.method == "POST" and request.htmx:
        return saved_status(request, form)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Reflection saved.")
        return redirect(reverse("interviews:reflect", args=[interview.pk]))
    context = {
        "interview": interview,
        "form": form,
        "todo_form": NextStepForm(),
        "todos": interview.todos.order_by("done_at", "due_date", "id"),
    }
    return render(request, "interviews/reflect.html", context)


@post_only
@submitted_once
def add_todo(request, pk):
    interview = get_interview(request, pk)
    form = NextStepForm(request.POST)
    if form.is_valid():
        todo = form.save(commit=False)
        todo.owner = request.user
        todo.interview = interview
        todo.contact = interview.contact
        todo.save()
        messages.success(request, "Next step added.")
    else:
        errors = " ".join(" ".join(e) for e in form.errors.values())
        messages.error(request, f"That next step wasn't added. {errors}")
    return redirect(
        _back(request, reverse("interviews:reflect", args=[interview.pk]) + "#next-steps")
    )


def _back(request, default):
    """Return to the page the form was on, if it is one of ours."""
    target = request.POST.get("next", "")
    # A path on this site only: not "//elsewhere" nor "/\\elsewhere", which browsers
    # read as another site.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@post_only
def toggle_todo(request, todo_pk):
    todo = get_owned_or_404(NextStep, request.user, pk=todo_pk)
    if todo.done_at:
        todo.undo()
        messages.success(request, "Back on your list.")
    else:
        todo.mark_done()
        messages.success(request, "Done. Nice work.")
    return redirect(_back(request, reverse("interviews:todos")))


def list_todos(request):
    show_done = request.GET.get("show") == "done"
    todos = NextStep.objects.owned_by(request.user).select_related("contact", "interview")
    todos = todos.exclude(done_at=None) if show_done else todos.filter(done_at=None)
    order = ["-done_at", "-id"] if show_done else ["due_date", "id"]
    page = Paginator(todos.order_by(*order), 100).get_page(request.GET.get("page"))
    return render(request, "interviews/todos.html", {"page": page, "show_done": show_done})
