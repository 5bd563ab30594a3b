"""Is this person already a contact? The import's rule, for one person typed into a form.

The same person: the same LinkedIn profile, else a shared email address, else the same
name (accents, case and spacing aside) at the same organization. A form may leave the
organization blank: then the same name anywhere is offered (the student chooses; the
import, which cannot ask, does not do this).
"""

from coffeechat.contacts.models import Contact
from coffeechat.contacts.normalize import email_key, linkedin_key, name_key


def same_person(
    owner,
    *,
    first_name: str,
    last_name: str,
    organization: str = "",
    emails: list[str] | tuple[str, ...] = (),
    linkedin_url: str = "",
) -> tuple[Contact | None, str]:
    """The owner's contact who is this person, with why; ``(None, "")`` if there is none."""
    profile = linkedin_key(linkedin_url)
    wanted_emails = {email_key(address) for address in emails if address}
    wanted_name = name_key(first_name, last_name, organization)
    any_organization = not organization.strip()
    by_email = by_name = None
    rows = Contact.objects.owned_by(owner).values_list(
        "pk", "first_name", "last_name", "organization__name", "emails", "linkedin_url"
    )
    for pk, first, last, org, their_emails, their_url in rows.order_by("pk").iterator():
        theirs = linkedin_key(their_url)
        if profile and theirs == profile:
            return Contact.objects.get(pk=pk), "the same LinkedIn profile"
        if by_email is None and wanted_emails & {email_key(a) for a in their_emails or []}:
            by_email = pk
        if (
            by_name is None
            and wanted_name
            and name_key(first, last, "" if any_organization else org or "") == wanted_name
            and not (profile and theirs and profile != theirs)  # two profiles: two people
        ):
            by_name = pk
    if by_email is not None:
        return Contact.objects.get(pk=by_email), "the same email address"
    if by_name is not None:
        why = "the same name" if any_organization else "the same name and organization"
        return Contact.objects.get(pk=by_name), why
    return None, ""
