"""A section made from one model: the usual shape of an app's part of the backup.

``model_section`` builds the export, parse and restore of a model whose rows belong to one
user: every plain field (``plain_fields``), plus links to records of earlier sections, or of
its own section (a follow-up pointing at the request it follows). What it does for you:

- each link is checked on parse: it must name a record of its section that is in the file;
  a one-to-one link may not be shared by two records, and a link to its own section may not
  point at the record itself;
- on restore, links to earlier sections become the new rows' ids; links within the section,
  and the ``auto_now``/``auto_now_add`` timestamps that inserting overwrote, are set once
  every row exists (one UPDATE per row, as the contacts section does);
- ``fields`` names the fields every file with this section has; any field the model gains
  later is optional on restore, so those files still restore (the field gets its default).

Rules that need more than one value's type and limits go in ``check``, which sees the rows
with their checked records a chunk at a time (``CHECK_CHUNK``), in the file's order: a rule
comparing records keeps what it needs from earlier chunks in ``row.ctx.memo`` (cleared for
each section), as outreach's one-edited-copy-per-built-in rule does.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from coffeechat.backup.bulk import create_all, update_each
from coffeechat.backup.fields import (
    EXPORT_CHUNK,
    ExportContext,
    ParseContext,
    RestoreContext,
    Row,
    encode_fields,
    plain_fields,
)
from coffeechat.backup.registry import Section

# Rows handed to a section's ``check`` at a time.
CHECK_CHUNK = 500


def model_section(
    key: str,
    model,
    *,
    label: tuple[str, str],
    fields: set[str],
    links: dict[str, tuple[str, bool]] | None = None,
    check: Callable[[list[tuple[Row, dict]]], None] | None = None,
    export_hook: Callable[[dict, ExportContext], None] | None = None,
    restore_hook: Callable[[dict, RestoreContext], None] | None = None,
    listed: bool = True,
    needs: tuple[str, ...] = (),
) -> Section:
    """The section ``key`` holding ``model``'s rows (list it in the app's SECTIONS).

    links: field name -> (section it points into, whether it may be empty).
    check(pairs): more rules, called for each chunk of the section's rows in turn; ``pairs``
        are (row, record) with record ``{"id", "refs": {link: file id}, "values": {field:
        value}}``; report with ``row.problem``, name other items by ``row.position``.
        Records of rows with problems may lack values: use ``.get``.
    export_hook(item, ctx) / restore_hook(values, ctx): rewrite a value that holds an id
        (outreach's ``template_key``) into a file id and back.
    needs: sections this one needs restored first besides those its links point into.
    listed: False for records that only exist as part of another section's (an interview's
        questions): they then neither count towards "this account already has..." nor appear
        in the restore summary, which speak of the records they belong to.
    """
    links = links or {}
    names = plain_fields(model)
    unknown = set(fields) - set(names)
    if unknown:
        raise ImproperlyConfigured(
            f"backup section {key!r}: {sorted(unknown)} are not plain fields of {model.__name__}."
        )
    optional = set(names) - set(fields)
    attnames = {name: model._meta.get_field(name).attname for name in links}
    unique = {name for name in links if model._meta.get_field(name).unique}
    own = [name for name, (section, _) in links.items() if section == key]
    stamps = [
        f.name
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]

    def export(user, ctx: ExportContext):
        # Numbered first (own links may point anywhere), then read and written in chunks.
        rows = ctx.number_all(key, model.objects.owned_by(user))
        return _items(rows.iterator(chunk_size=EXPORT_CHUNK), ctx)

    def _items(objs, ctx: ExportContext):
        for obj in objs:
            item = {"id": ctx.ref(key, obj.pk)}
            for name, (section, _) in links.items():
                item[name] = ctx.ref(section, getattr(obj, attnames[name]))
            item.update(encode_fields(obj, names))
            if export_hook:
                export_hook(item, ctx)
            yield item

    def parse(raw, ctx: ParseContext):
        # A generator: the restore takes its records in chunks (files.RESTORE_CHUNK), and
        # ``check`` sees each chunk's rows in turn.
        first_with: dict[str, dict[int, int]] = {name: {} for name in unique}
        pairs = []
        for row in ctx.each_row(raw, key):
            refs = {
                name: row.ref(name, section, null=null) for name, (section, null) in links.items()
            }
            for name in own:
                if refs[name] is not None and refs[name] == row.id:
                    row.problem(name, "points to the record itself")
            for name in unique:
                target, seen = refs[name], first_with[name]
                if target is not None and target in seen:
                    row.problem(
                        name,
                        f"points to {links[name][0]} id {target}, as item {seen[target]} does; "
                        f"each of those has at most one {label[0]}",
                    )
                elif target is not None:
                    seen[target] = row.position
            values = row.values(model, names, optional=optional)
            row.no_other_keys()
            pairs.append((row, {"id": row.id, "refs": refs, "values": values}))
            if len(pairs) == CHECK_CHUNK:
                yield from _checked(pairs)
                pairs = []
        yield from _checked(pairs)

    def _checked(pairs):
        if check:
            check(pairs)
        return [record for _, record in pairs]

    def restore(user, records, ctx: RestoreContext):
        rows = []
        for record in records:
            values = dict(record["values"])
            if restore_hook:
                restore_hook(values, ctx)
            rows.append(values)
        objs = create_all(
            model,
            [
                model(
                    owner=user,
                    **values,
                    **{
                        attnames[name]: ctx.pk(section, record["refs"][name])
                        for name, (section, _) in links.items()
                        if section != key
                    },
                )
                for record, values in zip(records, rows, strict=True)
            ],
        )
        for record, obj in zip(records, objs, strict=True):
            ctx.remember(key, record["id"], obj.pk)
        # Now these rows exist: links within the section (to a record not written yet: once
        # the whole section is, ctx.link_later), and the timestamps that auto_now/auto_now_add
        # overwrote on insert (the file's, or the insert's when an older file lacks one).
        if stamps or own:
            update_each(
                model,
                [model._meta.get_field(name) for name in stamps + own],
                [
                    [values.get(name, getattr(obj, name)) for name in stamps]
                    + [_own_link(ctx, obj, name, record["refs"][name]) for name in own]
                    + [obj.pk]
                    for record, values, obj in zip(records, rows, objs, strict=True)
                ],
            )
        return len(objs) if listed else None

    def _own_link(ctx: RestoreContext, obj, name: str, file_id: int | None):
        if file_id is None or ctx.has(key, file_id):
            return ctx.pk(key, file_id)
        ctx.link_later(model, name, obj.pk, key, file_id)
        return None

    section = Section(
        key,
        export,
        parse,
        restore,
        count=(lambda user: model.objects.owned_by(user).count()) if listed else (lambda user: 0),
        label=label,
        needs=tuple(
            dict.fromkeys([*(section for section, _ in links.values() if section != key), *needs])
        ),
    )
    return section
