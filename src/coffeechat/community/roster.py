"""An administrator's roster (a CSV from an alumni database) into accounts to claim.

The file goes through the contacts importer's own parser (``parse_file``): the same
decoding, header finding and column guessing as a contact import. Two columns the
contact fields lack, class year and major, are read beside it by email address.
Each row with an email becomes an account with no password yet; its person claims it
by email (or from a link `coffeechat network links` prints).
"""

import csv
import io
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Lower

from coffeechat.community.models import VolunteerProfile
from coffeechat.community.roles import Role, grant
from coffeechat.contacts.importing import ImportFileError, parse_file

CREATE, EXISTS, SKIP = "create", "exists", "skip"
_YEAR = re.compile(r"^(class( year)?|class of|graduation year|grad year|year)$")
_MAJOR = re.compile(r"^(majors?|degree|field of study|concentration)$")


@dataclass
class RosterRow:
    row: int
    name: str
    email: str
    title: str = ""
    organization: str = ""
    location: str = ""
    industry: str = ""
    linkedin_url: str = ""
    class_year: int | None = None
    majors: str = ""
    action: str = CREATE
    problem: str = ""


def plan(data: bytes, filename: str) -> list[RosterRow]:
    """What confirming would do, row by row. Raises ImportFileError for an unreadable file."""
    parsed = parse_file(data, filename, "csv")
    extras = _extras(data)
    User = get_user_model()
    seen: set[str] = set()
    emails = [r.emails[0].lower() for r in parsed.records if r.emails]
    taken = set(
        User.objects.annotate(folded=Lower("email"))
        .filter(folded__in=emails)
        .values_list("folded", flat=True)
    )
    rows = []
    for record in parsed.records:
        record = _without_nul(record)
        email = record.emails[0] if record.emails else ""
        year, majors = extras.get(email.lower(), (None, ""))
        row = RosterRow(
            row=record.row,
            name=record.full_name,
            email=email,
            title=record.title,
            organization=record.organization,
            location=record.location,
            industry=record.field,
            linkedin_url=record.linkedin_url,
            class_year=year,
            majors=majors,
        )
        if record.problem:
            row.action, row.problem = SKIP, record.problem
        elif not email:
            row.action, row.problem = SKIP, "no email address: they could not claim the account"
        elif email.lower() in seen:
            row.action, row.problem = SKIP, "this address is on an earlier row"
        elif email.lower() in taken:
            row.action, row.problem = EXISTS, "already has an account: given the role"
        seen.add(email.lower())
        rows.append(row)
    return rows


def apply(rows: list[RosterRow], role: Role, community=None) -> dict[str, int]:
    """Create the planned accounts (and volunteers' profiles) in one transaction."""
    User = get_user_model()
    counts = {CREATE: 0, EXISTS: 0, SKIP: 0}
    with transaction.atomic():
        for row in rows:
            counts[row.action] += 1
            if row.action == SKIP:
                continue
            user = User.objects.filter(email__iexact=row.email).first()
            if user is None:
                first, _, last = row.name.partition(" ")
                user = User(
                    username=_username(row.email),
                    email=row.email,
                    first_name=first[:150],
                    last_name=last[:150],
                )
                user.set_unusable_password()
                user.save()
            grant(user, role)
            if community is not None:
                community.join(user)
            if role == Role.VOLUNTEER and not hasattr(user, "volunteer_profile"):
                profile = VolunteerProfile.objects.create(
                    owner=user,
                    name=row.name[:150],
                    title=row.title[:200],
                    organization=row.organization[:200],
                    location=row.location[:200],
                    industries=row.industry[:300],
                    majors=row.majors[:300],
                    class_year=row.class_year,
                    linkedin_url=row.linkedin_url[:500],
                    email=row.email,
                    joined=user.has_usable_password(),
                )
                profile.sync_facets()
    return counts


def _without_nul(record):
    """PostgreSQL stores no NUL character, and nobody can see one: take any out."""
    for name in ("first_name", "last_name", "title", "organization", "location", "field"):
        setattr(record, name, getattr(record, name).replace("\x00", ""))
    record.emails = [e.replace("\x00", "") for e in record.emails]
    record.linkedin_url = record.linkedin_url.replace("\x00", "")
    return record


def _username(email: str) -> str:
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0])[:120] or "member"
    User = get_user_model()
    candidate, number = base, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _extras(data: bytes) -> dict[str, tuple[int | None, str]]:
    """{email: (class year, majors)} from the columns contacts have no field for."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        reader = csv.DictReader(io.StringIO(text.replace("\x00", "")))
        headers = {
            h: " ".join(h.casefold().replace("_", " ").split())
            for h in reader.fieldnames or []
            if h
        }
        email_col = next((h for h, f in headers.items() if "mail" in f), None)
        year_col = next((h for h, f in headers.items() if _YEAR.match(f)), None)
        major_col = next((h for h, f in headers.items() if _MAJOR.match(f)), None)
        if not email_col or not (year_col or major_col):
            return {}
        extras = {}
        for line in reader:
            email = (line.get(email_col) or "").strip().lower()
            year = (line.get(year_col) or "").strip() if year_col else ""
            majors = (line.get(major_col) or "").strip() if major_col else ""
            number = int(year) if year.isdigit() and 1900 <= int(year) <= 2100 else None
            if email:
                extras[email] = (number, " ".join(majors.split())[:300])
        return extras
    except csv.Error:
        return {}


__all__ = ["ImportFileError", "RosterRow", "apply", "plan"]
