"""The contact list's rows, their values read once in Python and written by
contacts/_contact_rows.html, are what the loop over contacts wrote."""

from django.template import Context, Template

from coffeechat.contacts.models import Contact, Organization, Source

# The loop list.html had before the rows' values were read in Python.
TEMPLATE_ROWS = Template(
    """{% for contact in contacts %}
        <tr>
          <td><a href="{{ contact.get_absolute_url }}">{{ contact.full_name }}</a></td>
          <td>{% if contact.organization %}<a href="?organization={{ contact.organization_id }}">{{ contact.organization.name }}</a>{% endif %}</td>
          <td class="hide-narrow">{{ contact.title }}</td>
          <td>{{ contact.source_label }}</td>
          <td class="hide-narrow">{% for tag in contact.tag_list %}<a class="tag" href="?tag={{ tag.name|urlencode }}">{{ tag.name }}</a>{% endfor %}</td>
        </tr>{% endfor %}"""  # noqa: E501
)


def test_the_rows_match_the_template_for_awkward_values(owner):
    lab = Organization.objects.create(owner=owner, name='R&D "Labs" <Ltd>')
    hostile = Contact.objects.create(
        owner=owner,
        first_name="<script>alert(1)</script>",
        last_name="O'Brien & Søn",
        title='Head of "Things" > 5',
        organization=lab,
        source=Source.ALUM,
    )
    hostile.set_tags(["a&b", "é/ü ?#", "<b>"])
    plain = Contact.objects.create(owner=owner, last_name="Nobody")
    contacts = list(
        Contact.objects.filter(owner=owner).select_related("organization").order_by("id")
    )
    labels = dict(Source.choices)
    for contact in contacts:
        contact.tag_list = list(contact.tags.order_by("name"))
        contact.source_label = labels.get(contact.source, contact.source)

    ours = Template("{% load contact_rows %}{% contact_rows contacts %}").render(
        Context({"contacts": contacts})
    )
    theirs = TEMPLATE_ROWS.render(Context({"contacts": contacts}))

    assert ours == theirs
    assert "&lt;script&gt;" in ours and "<script>" not in ours
    assert f'href="/contacts/{plain.pk}/"' in ours
