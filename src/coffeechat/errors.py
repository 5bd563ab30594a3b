"""The 404 page: say what is gone in words, and offer the section it was in.

The 400, 403 and 500 pages are Django's own handlers with our templates (500.html is
rendered without the request or the database, so it works when they don't).
"""

from django.http import HttpRequest, HttpResponseNotFound
from django.template import loader
from django.urls import reverse

# Where to go on from a missing page, by the first part of its address.
SECTIONS = {
    "contacts": ("contacts:list", "Your contacts"),
    "outreach": ("outreach:messages", "Your messages"),
    "interviews": ("interviews:list", "Your interviews"),
    "agenda": ("agenda:due", "What is due"),
    "accounts": ("accounts:profile", "Your profile"),
}


def reason_for(exception: Exception | None) -> str:
    """Our own Http404 messages are written for people; Django's are not."""
    message = exception.args[0] if exception is not None and exception.args else None
    if not isinstance(message, str) or "matches the given query" in message:
        return ""
    return message.rstrip(".")


def page_not_found(request: HttpRequest, exception: Exception | None = None):
    first = request.path.strip("/").split("/", 1)[0]
    section = None
    if first in SECTIONS and request.user.is_authenticated:
        name, label = SECTIONS[first]
        section = {"url": reverse(name), "label": label}
    context = {"reason": reason_for(exception), "section": section}
    body = loader.render_to_string("404.html", context, request)
    return HttpResponseNotFound(body)
