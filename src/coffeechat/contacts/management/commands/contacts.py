import argparse
import json

from django.core.management.base import CommandError

from coffeechat.commands import CoffeechatCommand
from coffeechat.contacts.models import Contact
from coffeechat.contacts.search import search_contacts


def contact_as_json(contact: Contact) -> dict:
    return {
        "id": contact.pk,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.primary_email,
        "emails": list(contact.emails),
        "organization": contact.organization.name if contact.organization else None,
        "title": contact.title,
        "field": contact.field,
        "phone": contact.phone,
        "linkedin_url": contact.linkedin_url,
        "location": contact.location,
        "source": contact.source,
        "tags": sorted((tag.name for tag in contact.tags.all()), key=str.casefold),
        "connected_on": contact.connected_on.isoformat() if contact.connected_on else None,
    }


class Command(CoffeechatCommand):
    help = "List your contacts (coffeechat contacts list [--search Q] [--json])."
    takes_user = True

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="ACTION")
        listing = actions.add_parser(
            "list", help="list contacts, optionally only those matching a search"
        )
        listing.add_argument(
            "--search",
            "-s",
            default="",
            metavar="Q",
            help="words to look for in names, organizations, titles, fields, tags and notes",
        )
        listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
        # Let --user work after the action too: `coffeechat contacts list --user ana`.
        listing.add_argument(
            "--user", metavar="USERNAME", default=argparse.SUPPRESS, help="whose contacts to list"
        )

    def handle(self, *args, action=None, **options):
        if action != "list":
            raise CommandError("say what to do: `coffeechat contacts list [--search Q] [--json]`.")
        user = self.resolve_user(options)
        contacts = (
            search_contacts(user, q=options["search"])
            .select_related("organization")
            .prefetch_related("tags")
        )
        if options["json"]:
            self.stdout.write(json.dumps([contact_as_json(c) for c in contacts], indent=2))
            return
        count = 0
        for contact in contacts:
            count += 1
            where = " · ".join(
                part
                for part in (contact.title, contact.organization and contact.organization.name)
                if part
            )
            email = contact.primary_email or ""
            self.stdout.write(f"{contact.pk:>6}  {contact.full_name:<30} {where:<45} {email}")
        if not count:
            hint = "no contacts match" if options["search"] else "no contacts yet"
            self.stdout.write(f"({hint}; add some with `coffeechat import FILE` or in the web app)")
