import time

from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.zones import zone_named

SESSION_KEY = "coffeechat_tz"
# How long a session trusts the time zone it read from the profile. A change made in
# another browser (or from the console) reaches this one within this many seconds.
RECHECK_SECONDS = 300


def remember_time_zone(request, name: str) -> None:
    request.session[SESSION_KEY] = [name, time.time()]
    _activate(name)


def session_time_zone(request) -> str | None:
    """The time zone this session read from the profile, unless it is due a re-read."""
    kept = request.session.get(SESSION_KEY)
    if isinstance(kept, list) and len(kept) == 2 and time.time() - kept[1] < RECHECK_SECONDS:
        return kept[0]
    return None


class UserTimezoneMiddleware:
    """Show dates in the user's own time zone. It is kept in the session to save a query
    on every request, and read from the profile again every few minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            name = session_time_zone(request)
            if name is None:
                remember_time_zone(request, Profile.for_user(request.user).time_zone)
            else:
                _activate(name)
        else:
            timezone.deactivate()
        return self.get_response(request)


def _activate(name: str) -> None:
    timezone.activate(zone_named(name))


class PrivatePagesMiddleware:
    """Pages for a signed-in person hold their private data, and their state changes: no
    shared cache may keep them, and no browser may show them again from its cache. With
    ``no-store`` the back button asks the server again, so going back after confirming an
    import or deleting a draft shows what is true now, not a form that can no longer work.
    A response that set its own Cache-Control (the calendar feed) keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response
