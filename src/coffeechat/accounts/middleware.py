import zoneinfo

from django.utils import timezone

SESSION_KEY = "coffeechat_tz"


def remember_time_zone(request, name: str) -> None:
    request.session[SESSION_KEY] = name
    timezone.activate(zoneinfo.ZoneInfo(name))


class UserTimezoneMiddleware:
    """Show dates in the user's own time zone (kept in the session to save a query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            name = request.session.get(SESSION_KEY)
            if name is None:
                from coffeechat.accounts.models import Profile

                name = Profile.for_user(request.user).time_zone
                request.session[SESSION_KEY] = name
            try:
                timezone.activate(zoneinfo.ZoneInfo(name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)
