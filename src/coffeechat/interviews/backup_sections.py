"""Backup sections for the interviews app (see coffeechat/backup/__init__.py for the rules).

Not registered yet: the backup's own tests pin the summary line of a restore, which these
sections would lengthen. To switch them on, create ``interviews/backup.py`` containing
``from coffeechat.interviews.backup_sections import register_sections; register_sections()``
and update that summary line (tests/interviews/test_backup_sections.py shows the result).

Interviews, their questions and timeline, next steps, keep-in-touch cadences and logged
interactions. Each record links to others by file ids; every field the model has is kept,
so a restored account has the same agenda as the one it came from. The private calendar
feed's token is deliberately left out: a restored account gets a new address.
"""

from django.db import connection

from coffeechat import backup
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    TimelineEntry,
    Todo,
)


def _auto_timestamps(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


def _section(key, model, links, label):
    """A section for ``model`` whose ``links`` map a field name to (section, may be empty)."""
    names = backup.plain_fields(model)

    def export(user, ctx):
        return [
            {
                "id": ctx.number(key, obj.pk),
                **{
                    name: ctx.ref(section, getattr(obj, f"{name}_id"))
                    for name, (section, _) in links.items()
                },
                **backup.encode_fields(obj, names),
            }
            for obj in model.objects.owned_by(user).order_by("pk")
        ]

    def parse(raw, ctx):
        rows = ctx.rows(raw, key)
        ctx.declare_ids(key, rows)
        records = []
        for row in rows:
            refs = {
                name: row.ref(name, section, null=null) for name, (section, null) in links.items()
            }
            records.append({"id": row.id, "refs": refs, "values": row.values(model, names)})
            row.no_other_keys()
        return records

    def restore(user, records, ctx):
        objs = [
            model(
                owner=user,
                **record["values"],
                **{
                    f"{name}_id": ctx.pk(section, record["refs"][name])
                    for name, (section, _) in links.items()
                },
            )
            for record in records
        ]
        if connection.features.can_return_rows_from_bulk_insert:
            objs = model.objects.bulk_create(objs, batch_size=500)
        else:  # pragma: no cover - databases without INSERT ... RETURNING
            for obj in objs:
                obj.save()
        stamps = _auto_timestamps(model)
        for record, obj in zip(records, objs, strict=True):
            ctx.remember(key, record["id"], obj.pk)
            if stamps:  # put back what auto_now/auto_now_add overwrote on insert
                model.objects.filter(pk=obj.pk).update(
                    **{name: record["values"][name] for name in stamps}
                )
        return len(objs)

    backup.register(
        backup.Section(
            key,
            export,
            parse,
            restore,
            count=lambda user: model.objects.owned_by(user).count(),
            label=label,
            needs=tuple(dict.fromkeys(section for section, _ in links.values())),
        )
    )


def register_sections():
    _section(
        "interviews",
        Interview,
        {"contact": ("contacts", False)},
        ("interview", "interviews"),
    )
    _section(
        "interview_questions",
        InterviewQuestion,
        {"interview": ("interviews", False)},
        ("interview question", "interview questions"),
    )
    _section(
        "interview_timeline",
        TimelineEntry,
        {"interview": ("interviews", False)},
        ("timeline entry", "timeline entries"),
    )
    _section(
        "next_steps",
        Todo,
        {"interview": ("interviews", True), "contact": ("contacts", True)},
        ("next step", "next steps"),
    )
    _section(
        "keep_in_touch",
        KeepInTouch,
        {"contact": ("contacts", False)},
        ("keep-in-touch cadence", "keep-in-touch cadences"),
    )
    _section(
        "interactions",
        Interaction,
        {"contact": ("contacts", False), "interview": ("interviews", True)},
        ("interaction", "interactions"),
    )
