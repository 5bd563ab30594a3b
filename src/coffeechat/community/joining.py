"""Links that let people in: verify an address, claim a roster account. Sent by email
when coffeechat has a mail server, else printed by `coffeechat network links`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from coffeechat.community.models import AllowedDomain, VolunteerProfile
from coffeechat.community.roles import Role, grant

VERIFY_SALT = "coffeechat.community.verify-email"
VERIFY_DAYS = 3


def email_configured() -> bool:
    return bool(settings.EMAIL_HOST)


def verify_path(user) -> str:
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)
    return reverse("community:verify", args=[token])


def verify(token: str):
    """Activate the account the token names, with its domain's role; None if it can't."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_DAYS * 24 * 3600)
        user = get_user_model().objects.get(pk=data["user"], email=data["email"])
    except (signing.BadSignature, get_user_model().DoesNotExist, KeyError, TypeError, ValueError):
        return None
    domain = AllowedDomain.for_email(user.email)
    if domain is None:
        return None
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        grant(user, Role(domain.role))
    return user


def claim_path(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("community:claim_confirm", args=[uid, default_token_generator.make_token(user)])


def claimant(uidb64: str, token: str):
    """The unclaimed account a claim link names, if the link still holds."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
        user = get_user_model().objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


def finish_claim(user, password: str) -> None:
    with transaction.atomic():
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        VolunteerProfile.objects.filter(owner=user).update(joined=True)


def unclaimed():
    """Accounts made from a roster whose person has not set a password yet."""
    return get_user_model().objects.filter(password__startswith="!", email__gt="")


def awaiting_verification():
    return (
        get_user_model()
        .objects.filter(is_active=False, email__gt="")
        .exclude(password__startswith="!")
    )


def send_link(to: str, subject: str, intro: str, url: str) -> None:
    body = f"{intro}\n\n{url}\n\nIf you did not expect this, ignore this message.\n"
    send_mail(subject, body, None, [to])
