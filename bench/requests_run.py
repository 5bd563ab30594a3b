"""`make bench BENCH_ARGS="--requests"`: a career office's network at scale (20,000
students, 50,000 volunteers, 500,000 requests by default): a volunteer's inbox, a student's
home page and requests, a request's page, and the request clock's run over the whole set.

Query counts are compared between the busiest person and an ordinary one: a page whose
count grows with what a person has fails. See bench/README.md.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict

PAGE_GOAL_MS = 50.0
CLOCK_GOAL_MS = 10_000.0


def run_requests(args, measure_page, count_queries, format_table, database_version, Result):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from bench.generate import make_owner
    from bench.network_data import add_volunteers, make_directory
    from bench.requests_data import add_requests, add_students
    from coffeechat.chats.clock import tick
    from coffeechat.chats.models import ChatRequest
    from coffeechat.community.models import VolunteerProfile

    settings.NETWORK = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    now = timezone.now()
    started = time.perf_counter()
    directory = make_directory(make_owner("adviser"))
    add_volunteers(directory, args.volunteers)
    students = add_students(args.students)
    made = add_requests(students, args.requests, now)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"Generated {args.volunteers:,} volunteers, {args.students:,} students and "
        f"{args.requests:,} requests ({made.by_state}) in {time.perf_counter() - started:.0f} s.",
        flush=True,
    )
    User = VolunteerProfile._meta.get_field("owner").related_model
    busy_student = User.objects.get(pk=made.busy_student)
    ordinary_student = User.objects.get(pk=students[len(students) // 2])
    busy_volunteer = made.busy_volunteer
    ordinary_volunteer = (
        VolunteerProfile.objects.listed()
        .filter(chat_requests__state="open")
        .exclude(pk=busy_volunteer.pk)
        .order_by("pk")
        .first()
    )
    a_request = ChatRequest.objects.filter(volunteer=busy_volunteer).order_by("-pk").first()

    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    pages = [
        (
            "a volunteer's inbox",
            busy_volunteer.owner,
            ordinary_volunteer.owner,
            "/network/requests/inbox/",
        ),
        ("a student's home page", busy_student, ordinary_student, "/"),
        ("a student's requests", busy_student, ordinary_student, "/network/requests/"),
        ("a request's page (volunteer)", busy_volunteer.owner, None, a_request.get_absolute_url()),
        ("notifications", busy_volunteer.owner, ordinary_volunteer.owner, "/notifications/"),
    ]
    minimal = client_for(busy_student)
    results = [measure_page("minimal Django view", minimal, "/bench/minimal/", args)]
    for name, busy, ordinary, url in pages:
        client = client_for(busy)
        result = measure_page(name, client, url, args, PAGE_GOAL_MS)
        if ordinary is not None:
            other = client_for(ordinary)
            other.get(url)  # a session's first request reads a few things once
            result.queries = count_queries(other, url)
            result.queries_after_import = count_queries(client, url)
        result.ratio, result.baseline = result.p50_ms / results[0].p50_ms, results[0].name
        result.passed = result.p95_ms < PAGE_GOAL_MS and (
            ordinary is None or result.queries == result.queries_after_import
        )
        results.append(result)
        print(f"  {name}: p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms", flush=True)
    for label in ("the request clock, first run after two days down", "the request clock, again"):
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        reminded, expired = tick(timezone.now())
        wall, cpu = time.perf_counter_ns() - start, time.process_time_ns() - start_cpu
        result = Result(
            name=label,
            n=1,
            p50_ms=wall / 1e6,
            p95_ms=wall / 1e6,
            cpu_p50_ms=cpu / 1e6,
            goal_ms=CLOCK_GOAL_MS,
            passed=wall / 1e6 < CLOCK_GOAL_MS,
            notes=[f"reminded {reminded}, expired {expired}"],
        )
        results.append(result)
        print(f"  {label}: {wall / 1e9:.1f} s, reminded {reminded}, expired {expired}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "database": f"{connection.vendor} {database_version(connection)}",
        "volunteers": args.volunteers,
        "students": args.students,
        "requests": made.by_state,
        "results": [asdict(result) for result in results],
    }
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print()
    table = format_table(results).replace(
        "per request at the generated size / after the import grew the account",
        "an ordinary person's page / the busiest person's",
    )
    print(table)
    print(f"{connection.vendor} {database_version(connection)}; results in {args.out}.")
    return results
