"""Forms that save themselves as you type (``data-keep`` in the page, see app.js)."""

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def saved_status(request: HttpRequest, form: BaseForm) -> HttpResponse:
    """Save a valid form and answer with its status line, never a whole page.

    An invalid form saves nothing and the line says why; the page keeps what was typed.
    """
    if form.is_valid():
        form.save()
        return render(request, "_saved_status.html", {"saved_at": timezone.now()})
    errors = [error for field_errors in form.errors.values() for error in field_errors]
    return render(request, "_saved_status.html", {"errors": errors})
