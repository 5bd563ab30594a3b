"""Passwords: a rule beyond Django's validators (see AUTH_PASSWORD_VALIDATORS), and the
one-time link that sets a forgotten one, from email or from `coffeechat resetpassword`."""

import getpass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class UsernameInPasswordValidator:
    """Refuse a password that contains the username ("carolcarol" for carol).

    Django's similarity check compares the whole password with the username, so a
    username typed twice is only 67 % similar and passes; it is the first guess of anyone
    who knows the username. Usernames shorter than three characters are too common a
    substring to judge by.
    """

    MIN_LENGTH = 3

    def validate(self, password: str, user=None) -> None:
        username = (user.get_username() if user is not None else "") or ""
        username = username.strip().casefold()
        if len(username) >= self.MIN_LENGTH and username in password.casefold():
            raise ValidationError(
                "Your password can't contain your username.", code="password_has_username"
            )

    def get_help_text(self) -> str:
        return "Your password can't contain your username."


def email_is_configured() -> bool:
    """Whether this coffeechat can send mail (COFFEECHAT_SMTP_HOST is set)."""
    return bool(settings.EMAIL_HOST)


def reset_path(user) -> str:
    """The address (path only) of a one-time page that sets ``user``'s password.

    The same link Django's emailed reset uses: it stops working once the password is
    changed or the person logs in, and after PASSWORD_RESET_TIMEOUT (three days).
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", args=[uid, token])


def ask_password() -> str:
    """Ask for a new password twice on the terminal, for the console commands."""
    try:
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password (again): ")
    except EOFError:
        raise CommandError("no password given; pass --password when not typing it.") from None
    if first != second:
        raise CommandError("the two passwords differ; nothing was changed.")
    return first
