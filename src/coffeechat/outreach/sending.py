"""The ways a message leaves coffeechat: a mailto: link, an .eml file, or SMTP.

None of these change a message's state; the views call ``Message.mark_sent`` after a
send succeeds (or when the student says they sent it from their own mail app).
"""

import email.policy
import smtplib
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage as DjangoEmailMessage
from django.core.mail import get_connection

# Some mail apps and browsers cut mailto: links longer than about this.
MAILTO_SAFE_LENGTH = 2000


class SendError(Exception):
    """Sending failed; the message says why and what to do, in plain words."""


def crlf(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def mailto_url(to: str | None, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) that opens a new message with subject and body filled in."""
    address = quote(to or "", safe="@")
    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    if body:
        # RFC 6068: line breaks in the body are written as %0D%0A.
        fields.append("body=" + quote(crlf(body), safe=""))
    return f"mailto:{address}" + ("?" + "&".join(fields) if fields else "")


def _address(name: str, address: str):
    try:
        return Address(display_name=name or "", addr_spec=address)
    except (ValueError, HeaderParseError, IndexError):
        return address


def build_eml(
    *,
    subject: str,
    body: str,
    to_name: str = "",
    to_address: str | None = None,
    from_name: str = "",
    from_address: str | None = None,
) -> bytes:
    """An unsent email as an .eml file: most mail apps open it as a draft ready to send."""
    message = EmailMessage(policy=email.policy.SMTP)
    if from_address:
        message["From"] = _address(from_name, from_address)
    if to_address:
        message["To"] = _address(to_name, to_address)
    message["Subject"] = subject or ""
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="coffeechat.invalid")
    # Outlook and Thunderbird open a file with this header as a draft, not a received mail.
    message["X-Unsent"] = "1"
    message.set_content((body or "").replace("\r\n", "\n"))
    return message.as_bytes()


def smtp_configured() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", ""))


def from_address() -> str:
    return getattr(settings, "OUTREACH_FROM_EMAIL", "") or ""


def send_by_smtp(
    *, subject: str, body: str, to_name: str, to_address: str, from_name: str = ""
) -> None:
    """Send one message through the configured SMTP server; SendError if it can't."""
    if not smtp_configured():
        raise SendError(
            "Sending by email isn't set up on this coffeechat. Open the message in your "
            "mail app instead, or see docs/CONFIGURATION.md (Email) to set up SMTP."
        )
    if not to_address:
        raise SendError("They have no email address yet. Add one on their contact page.")
    server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    connection = get_connection("django.core.mail.backends.smtp.EmailBackend")
    message = DjangoEmailMessage(
        subject=subject,
        body=(body or "").replace("\r\n", "\n"),
        from_email=formataddr((from_name, from_address())),
        to=[formataddr((to_name, to_address))],
        connection=connection,
    )
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPAuthenticationError as error:
        raise SendError(
            f"The mail server at {server} refused the user name or password "
            f"({_reason(error)}). Check COFFEECHAT_SMTP_USER and COFFEECHAT_SMTP_PASSWORD."
        ) from error
    except smtplib.SMTPRecipientsRefused as error:
        raise SendError(
            f"The mail server at {server} refused the address {to_address}. "
            "Check it on their contact page."
        ) from error
    except smtplib.SMTPException as error:
        raise SendError(f"The mail server at {server} said: {_reason(error)}.") from error
    except OSError as error:
        raise SendError(
            f"Couldn't reach the mail server at {server} ({error.strerror or error}). "
            "Check that it is running and that COFFEECHAT_SMTP_HOST and _PORT are right."
        ) from error


def _reason(error: smtplib.SMTPException) -> str:
    message = getattr(error, "smtp_error", None)
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    code = getattr(error, "smtp_code", None)
    text = message or str(error) or type(error).__name__
    return f"{code} {text}" if code else text
