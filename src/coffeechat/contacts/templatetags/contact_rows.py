"""The contact list's table rows, written in Python (see coffeechat/markup.py for why).

The markup is what the template wrote: name linked to the contact, organization linked to
the list filtered by it, title, how you know them, and tags linked to their filter.
"""

from django import template
from django.utils.safestring import mark_safe

from coffeechat.markup import escape, query_value, url_pattern

register = template.Library()


@register.simple_tag
def contact_rows(contacts):
    detail = url_pattern("contacts:detail")
    rows = []
    for contact in contacts:
        organization = ""
        if contact.organization_id:
            organization = (
                f'<a href="?organization={contact.organization_id}">'
                f"{escape(contact.organization.name)}</a>"
            )
        tags = "".join(
            f'<a class="tag" href="?tag={query_value(tag.name)}">{escape(tag.name)}</a>'
            for tag in contact.tag_list
        )
        rows.append(
            "\n        <tr>"
            f'\n          <td><a href="{detail.format(contact.pk)}">'
            f"{escape(contact.full_name)}</a></td>"
            f"\n          <td>{organization}</td>"
            f'\n          <td class="hide-narrow">{escape(contact.title)}</td>'
            f"\n          <td>{escape(contact.source_label)}</td>"
            f'\n          <td class="hide-narrow">{tags}</td>'
            "\n        </tr>"
        )
    return mark_safe("".join(rows))
