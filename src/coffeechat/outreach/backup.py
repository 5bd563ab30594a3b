"""The outreach part of the backup (the rules are in docs/BACKUP.md).

Sections (after the interviews', which messages point at): ``message_templates`` (the
user's own templates and their edited copies of the built-ins; the built-ins themselves are
part of coffeechat, not of anyone's data), then
``messages`` in every state, each pointing at its contact, its interview if any, and, for
a follow-up, the request it follows up (anywhere in the list).

A message remembers the template it was drafted from in ``template_key``: a built-in's key,
or ``mine-<id>`` for one of the user's own templates. That id is a database id, so the file
holds ``mine-<file id of the template>`` instead (``mine-`` alone when the template has
since been deleted), and a restore turns it back into the new template's id.
"""

from coffeechat import backup
from coffeechat.outreach.drafting import CUSTOM_PREFIX
from coffeechat.outreach.models import Message, MessageTemplate

TEMPLATES = "message_templates"


def _check_templates(pairs):
    for row, record in pairs:
        # Kept from one chunk of templates to the next (model_section's check).
        first_copy: dict[str, int] = row.ctx.memo.setdefault("builtin_key", {})
        key = record["values"].get("builtin_key", "")
        if key and key in first_copy:
            row.problem(
                "builtin_key",
                f"item {first_copy[key]} is already the edited copy of the built-in {key!r}; "
                "there can be only one",
            )
        first_copy.setdefault(key, row.position)


def _template_file_id(key: str) -> int | None | str:
    """For "mine-N": N; for "mine-": None; for anything else "mine-...": the bad rest."""
    rest = key.removeprefix(CUSTOM_PREFIX)
    if not rest:
        return None
    return int(rest) if rest.isascii() and rest.isdigit() else rest


def _export_template_key(item, ctx):
    key = item["template_key"]
    if key.startswith(CUSTOM_PREFIX):
        rest = _template_file_id(key)
        file_id = ctx.ref(TEMPLATES, rest) if isinstance(rest, int) else None
        item["template_key"] = f"{CUSTOM_PREFIX}{file_id or ''}"


def _check_messages(pairs):
    for row, record in pairs:
        values = record["values"]
        state = values.get("state")
        if state in (Message.State.SENT, Message.State.REPLIED) and values.get("sent_at") is None:
            row.problem("sent_at", f"is empty, but a {state} message has been sent at some time")
        if state == Message.State.REPLIED and values.get("replied_at") is None:
            row.problem("replied_at", "is empty, but the message is marked replied")
        key = values.get("template_key", "")
        if key.startswith(CUSTOM_PREFIX):
            file_id = _template_file_id(key)
            if isinstance(file_id, str):
                row.problem(
                    "template_key",
                    f"{key!r} should be {CUSTOM_PREFIX!r} followed by the id of one of the "
                    f"{TEMPLATES} in this file",
                )
            elif file_id is not None and not row.ctx.known(TEMPLATES, file_id):
                row.problem(
                    "template_key",
                    f"points to {TEMPLATES} id {file_id}, which is not in this file",
                )


def _restore_template_key(values, ctx):
    key = values.get("template_key", "")
    if key.startswith(CUSTOM_PREFIX):
        file_id = _template_file_id(key)
        if file_id is not None:
            values["template_key"] = f"{CUSTOM_PREFIX}{ctx.pk(TEMPLATES, file_id)}"


SECTIONS = [
    backup.model_section(
        TEMPLATES,
        MessageTemplate,
        label=("message template", "message templates"),
        check=_check_templates,
        fields={
            "name",
            "kind",
            "channel",
            "subject",
            "body",
            "builtin_key",
            "created_at",
            "updated_at",
        },
    ),
    backup.model_section(
        "messages",
        Message,
        label=("message", "messages"),
        links={
            "contact": ("contacts", False),
            "interview": ("interviews", True),
            "follow_up_to": ("messages", True),
        },
        check=_check_messages,
        export_hook=_export_template_key,
        restore_hook=_restore_template_key,
        needs=(TEMPLATES,),  # for template_key
        fields={
            "channel",
            "kind",
            "subject",
            "body",
            "state",
            "template_key",
            "created_at",
            "updated_at",
            "sent_at",
            "sent_via",
            "replied_at",
            "no_reply_at",
        },
    ),
]
