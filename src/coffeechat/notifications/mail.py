"""Notification email: plain text and HTML, with a one-click List-Unsubscribe (RFC 8058)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

UNSUBSCRIBE_SALT = "coffeechat.notifications.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_for_token(token: str):
    """The user an unsubscribe token names; None for a bad or unknown one."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return get_user_model().objects.filter(pk=int(data["user"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    """A link for an email. Mail is sent by the worker, with no page to take the address
    from: COFFEECHAT_PUBLIC_URL, else this machine's own (fine on a laptop only)."""
    root = settings.PUBLIC_URL or f"http://127.0.0.1:{settings.SERVE_PORT}"
    return root + path if path.startswith("/") else path


def email_configured() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", ""))


def build_email(user, subject: str, items: list, *, intro: str = "") -> EmailMultiAlternatives:
    """One email to ``user`` about ``items`` (notifications): plain and HTML alike."""
    unsubscribe = absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        "items": [
            {"subject": item.subject, "text": item.text, "url": absolute(item.url or "/")}
            for item in items
        ],
        "intro": intro,
        "preferences": absolute(reverse("notifications:preferences")),
        "unsubscribe": unsubscribe,
    }
    message = EmailMultiAlternatives(
        # SMTP always (as outreach sends): the configured server is the one to use.
        connection=get_connection("django.core.mail.backends.smtp.EmailBackend"),
        subject=subject,
        body=render_to_string("notifications/email.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    return message
