"""Building the contact list's query from its search box and filters.

Typed words are folded as the stored search columns are (``coffeechat.textsearch``), so
"jose", "muller" and "oneil" find José, Müller and O'Neil on both databases. Each typed
word must start a word of the contact's text, of their organization's name or of one of
their tags ("eng" finds "engineer", "neer" does not), as in the network's directory: that
is what the indexes answer (FTS5 on SQLite, trigrams on PostgreSQL; contacts migration
0009), so a search costs about the same in 500 contacts as in 50,000.
"""

from django.db import connection

from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.contacts.normalize import without_nul
from coffeechat.textsearch import fold, words, words_or_ids

FTS_TABLE = "contacts_contact_fts"  # contacts migration 0009


def search_contacts(owner, *, q="", source="", field="", organization="", tag=""):
    # No contact holds a null character, and PostgreSQL refuses a query that carries one.
    q, source, field, organization, tag = without_nul([q, source, field, organization, tag])
    contacts = Contact.objects.owned_by(owner)
    typed = {}
    for word in words(q):
        # Organizations and tags are matched once, in subqueries that don't depend on
        # the row, rather than by a join or EXISTS per contact, and with the text's
        # matches make one list of ids (see textsearch.words_or_ids and bench/README.md).
        at_word_start = f" {word}"  # folded columns start with a space
        at_organizations = Contact.objects.filter(
            organization__in=_organizations(owner, search_name__contains=at_word_start)
        ).values("pk")
        typed[word] = [at_organizations, _tagged(owner, search_name__contains=at_word_start)]
    contacts = contacts.filter(
        words_or_ids(Contact.objects.owned_by(owner), "search_text", FTS_TABLE, typed)
    )
    if source:
        contacts = contacts.filter(source=source)
    if field:
        contacts = contacts.filter(field__iexact=field)
    if organization:
        if organization.isdigit():
            contacts = contacts.filter(organization_id=int(organization))
        else:
            contacts = contacts.filter(
                organization__in=_organizations(owner, search_name__contains=fold(organization))
            )
    if tag:
        contacts = contacts.filter(pk__in=_tagged(owner, name__iexact=tag))
    return contacts


def distinct_fields(owner) -> list[str]:
    """The owner's fields (the list's filter offers them), each once, in order.

    Read by jumping from one field to the next in the (owner, field) index: one step per
    field, not one per contact (a DISTINCT reads every contact's entry: 7 ms in 50,000).
    """
    table = connection.ops.quote_name(Contact._meta.db_table)
    sql = f"""
        WITH RECURSIVE found(field) AS (
            SELECT MIN(field) FROM {table} WHERE owner_id = %s AND field > ''
            UNION ALL
            SELECT (SELECT MIN(c.field) FROM {table} c
                    WHERE c.owner_id = %s AND c.field > found.field)
            FROM found WHERE found.field IS NOT NULL
        )
        SELECT field FROM found WHERE field IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [owner.pk, owner.pk])
        return [field for (field,) in cursor.fetchall()]


def _organizations(owner, **lookup):
    return Organization.objects.owned_by(owner).filter(**lookup).values("pk")


def _tagged(owner, **tag_lookup):
    """The ids of the owner's contacts with a tag matching ``tag_lookup``."""
    tags = Tag.objects.owned_by(owner).filter(**tag_lookup).values("pk")
    return Contact.tags.through.objects.filter(tag__in=tags).values("contact_id")


PICKER_SIZE = 20


def pick_contacts(owner, q: str = ""):
    """The people a "who with?" picker lists: those matching ``q`` (as the contact list's
    search), else the most recently added or changed; with their organization, so two
    people of one name can be told apart."""
    q = without_nul(q).strip()
    contacts = (
        search_contacts(owner, q=q)
        if q
        else Contact.objects.owned_by(owner).order_by("-updated_at")
    )
    return list(contacts.select_related("organization")[:PICKER_SIZE])
