"""Pure helpers that decide when two contact records are the same person.

No database here: the importer, the forms and the tests all use these.
"""

import functools
import re
import unicodedata
from urllib.parse import urlsplit

from coffeechat.text import without_nul  # noqa: F401 - here too, for search, notes and forms

_SPACE = re.compile(r"\s+")
_ORG_SUFFIX = re.compile(
    r"[,\s]+(inc|inc\.|llc|l\.l\.c\.|ltd|ltd\.|corp|corp\.|corporation|co|co\.|plc|gmbh|s\.a\.)$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces: 'José  Núñez' -> 'jose nunez'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", stripped).strip().casefold()


def organization_key(name: str) -> str:
    return fold(_ORG_SUFFIX.sub("", (name or "").strip()))


def name_key(first: str, last: str, organization: str) -> str | None:
    """Same person if the folded full name and organization agree; None without a name."""
    full = fold(f"{first} {last}")
    if not full:
        return None
    return f"{full}|{organization_key(organization)}"


def linkedin_key(url: str) -> str | None:
    """'https://www.linkedin.com/in/Jane-Doe/?trk=x' -> 'linkedin.com/in/jane-doe'."""
    url = (url or "").strip()
    if not url:
        return None
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    for prefix in ("m.", "mobile."):
        host = host.removeprefix(prefix)
    # A country's address for the same profile: fr.linkedin.com/in/x is linkedin.com/in/x.
    country, dot, rest = host.partition(".")
    if dot and rest == "linkedin.com" and len(country) == 2 and country.isalpha():
        host = rest
    path = parts.path.rstrip("/").lower()
    if not host:
        return None
    return f"{host}{path}"


def clean_linkedin_url(url: str) -> str:
    """A LinkedIn profile URL in one canonical form, or '' when there is none."""
    key = linkedin_key(url)
    return f"https://www.{key}" if key and key.startswith("linkedin.com") else (url or "").strip()


@functools.cache
def _email_validator():
    """email-validator, loaded on first use (a console command's start need not wait)."""
    from email_validator import EmailNotValidError, validate_email

    return validate_email, EmailNotValidError


def normalize_email(address: str) -> str | None:
    """A syntactically valid address, lower-cased domain, else None. No DNS lookups."""
    address = (address or "").strip().strip("<>").strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    if not address:
        return None
    validate_email, EmailNotValidError = _email_validator()
    try:
        result = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.normalized


def email_key(address: str) -> str:
    return address.strip().casefold()


def split_list(text: str) -> list[str]:
    """Split 'a, b; c\\nd' into ['a', 'b', 'c', 'd'], dropping blanks and repeats."""
    seen: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text or ""):
        item = part.strip()
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())
