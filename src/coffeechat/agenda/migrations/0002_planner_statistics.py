"""Extended statistics for the agenda's queries on PostgreSQL (issue 14).

The planner multiplies the selectivity of each condition as if the columns were
independent. They are not: a request that was let go is one whose state is still "sent"
and whose no_reply_at is set, and a meeting whose reflection is missing is nearly always
a recent one. Planned on independent guesses, the open requests were estimated at 19
times their number at a few thousand messages (and 11,123 against 585 at 4x the bench
account, enough to switch on JIT), and the plan read every contact to join them. A list
of the most common combinations (MCV) of those columns, kept by ANALYZE, gives the right
count. Nothing on SQLite, whose planner does not use such statistics.
"""

from django.db import migrations

STATISTICS = {
    # The agenda's open requests: owner, state, kind and "not let go" together.
    "message_open_stats": ("outreach_message", "state, kind, no_reply_at"),
    # Meetings to reflect on or thank for: stage with the moments that say it is done.
    "interview_due_stats": ("interviews_interview", "stage, reflected_at, thanked_at"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in STATISTICS.items():
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {name} (mcv) ON {columns} FROM {table}"
        )
        schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in STATISTICS:
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_calendar_feed"),
        ("outreach", "0002_speed_indexes"),
        ("interviews", "0005_todo_is_next_step"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
