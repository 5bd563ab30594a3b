"""PostgreSQL: statistics on (kind, folded) of the directory's facet rows together.

Alone, each column looks common ("industries" is a third of the rows), and the planner
multiplied the two: it expected 902 profiles in "health care" where there were 3,456,
and walked half the directory in name order probing each row (44 ms at 50,000 profiles,
more with parallel workers). With the pair's most common values known it estimates the
filters right and a community + industry page takes 4 ms (bench/README.md).
"""

from django.db import migrations

CREATE = (
    "CREATE STATISTICS IF NOT EXISTS community_facet_kind_folded (mcv, ndistinct, dependencies) "
    "ON kind, folded FROM community_profilefacet"
)
DROP = "DROP STATISTICS IF EXISTS community_facet_kind_folded"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        schema_editor.execute("ANALYZE community_profilefacet")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("community", "0002_search_index")]
    operations = [migrations.RunPython(forward, backward)]
