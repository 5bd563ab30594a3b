"""PostgreSQL plans the directory's facet filters from estimates that hold.

A facet filter is a pair (kind, value); each column alone is common, and without
statistics on the pair the planner multiplied their frequencies and expected a quarter
of the real rows, then walked the whole directory in name order (see migration 0003).
"""

import json

import pytest
from django.db import connection

from bench.generate import make_owner
from bench.network_data import add_volunteers, make_directory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner statistics"
)


def planned_and_actual(sql: str) -> tuple[float, float]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    return plan["Plan Rows"], plan["Actual Rows"]


@pytest.mark.django_db
def test_the_planner_estimates_a_facet_filter_within_a_factor_of_two():
    add_volunteers(make_directory(make_owner("student")), 4000, batch=4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE community_profilefacet")
    planned, actual = planned_and_actual(
        "SELECT profile_id FROM community_profilefacet "
        "WHERE kind = 'industries' AND folded = 'health care'"
    )
    assert actual > 100
    assert actual / 2 <= planned <= actual * 2, (planned, actual)
