from coffeechat.community.access import network_on
from coffeechat.notifications.models import Notification


def unread(request) -> dict:
    """The unread count beside Notifications in the menu (one indexed count; only in
    career-office mode, where notices come from)."""
    user = getattr(request, "user", None)
    if not network_on() or not getattr(user, "is_authenticated", False):
        return {"unread_notifications": 0}
    return {"unread_notifications": Notification.objects.filter(owner=user, read_at=None).count()}
