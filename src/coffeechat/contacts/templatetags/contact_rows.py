"""The contact list's table rows: each contact's values read once here into a plain dict,
the markup in a template (contacts/_contact_rows.html): name linked to the contact,
organization linked to the list filtered by it, title, how you know them, and tags linked
to their filter."""

from urllib.parse import quote

from django import template

from coffeechat.links import url_pattern

register = template.Library()


def contact_rows(contacts) -> list[dict]:
    detail = url_pattern("contacts:detail")
    return [
        {
            "url": detail.format(contact.pk),
            "name": contact.full_name,
            "organization_id": contact.organization_id,
            "organization": contact.organization.name if contact.organization_id else "",
            "title": contact.title,
            "source": contact.source_label,
            # (name, the name as the |urlencode filter writes it)
            "tags": [(tag.name, quote(tag.name, safe="/")) for tag in contact.tag_list],
        }
        for contact in contacts
    ]


@register.inclusion_tag("contacts/_contact_rows.html", name="contact_rows")
def contact_rows_tag(contacts):
    return {"rows": contact_rows(contacts)}
