"""The private calendar feed: its settings page and the feed itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from coffeechat.agenda.feed import build_feed
from coffeechat.agenda.models import CalendarFeed
from coffeechat.agenda.sections import sections
from coffeechat.due import ahead, due_items
from coffeechat.links import absolute_url, is_local, site_root


def everything_due(request):
    """The whole due list; the home page shows the first few of each section."""
    today = timezone.localdate()  # in the user's time zone (UserTimezoneMiddleware)
    items = due_items(request.user, today, until=ahead(today))
    context = {"today": today, "due_sections": sections(items, today)}
    return render(request, "agenda/due.html", context)


def feed_url(request, feed):
    return absolute_url(request, reverse("agenda:feed", args=[feed.token]))


def calendar_settings(request):
    feed = CalendarFeed.for_user(request.user)
    url = feed_url(request, feed)
    context = {"feed": feed, "feed_url": url, "local": is_local(url)}
    return render(request, "agenda/calendar.html", context)


@require_http_methods(["GET", "POST"])
def regenerate_feed(request):
    feed = CalendarFeed.for_user(request.user)
    if request.method == "POST":
        feed.regenerate()
        messages.success(
            request,
            "Your calendar has a new address. The old one no longer works: "
            "subscribe again with the new one.",
        )
        return redirect("agenda:calendar")
    return render(request, "agenda/confirm_regenerate.html", {"feed": feed})


@login_not_required
@require_safe
def calendar_feed(request, token):
    """Calendar apps can't log in: the secret token in the address is the only key."""
    feed = CalendarFeed.objects.select_related("owner").filter(token=token).first()
    if feed is None:
        raise Http404("No calendar at this address.")
    body = build_feed(feed.owner, base_url=site_root(request))
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="coffeechat.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
