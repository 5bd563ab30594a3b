"""A career office's directory for the benchmark: N volunteer profiles (50,000 by default)
in eight communities, with their facets, written with ``bulk_create``.

Deterministic from its own seed, in batches so the same code can first build a small
directory (to count queries) and then grow it. Words come from bench/generate.py.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.generate import (
    FIRST_NAMES,
    INDUSTRIES,
    LAST_NAMES,
    LOCATIONS,
    ORG_KINDS,
    ORG_STEMS,
    TITLE_LEVELS,
    TITLE_ROLES,
)

SEED = 20261204
COMMUNITIES = [
    "Arts and media",
    "Business and finance",
    "Health",
    "Science and technology",
    "Education",
    "Government, law and policy",
    "Sustainability",
    "Entrepreneurship",
]
MAJORS = [
    "Economics",
    "Biology",
    "Chemistry",
    "Computer science",
    "English",
    "History",
    "Mathematics",
    "Neuroscience",
    "Physics",
    "Political science",
    "Psychology",
    "Sociology",
    "Studio art",
    "Environmental studies",
    "Philosophy",
    "Música",
]
TOPICS = [
    "graduate school",
    "changing fields",
    "first job",
    "internships",
    "networking",
    "work-life balance",
    "remote work",
    "startups",
    "medical school",
    "law school",
    "PhD applications",
    "consulting interviews",
    "portfolio reviews",
    "research careers",
    "public service",
    "working abroad",
    "negotiation",
    "career breaks",
    "freelancing",
    "management",
]
LANGUAGES = ["English"] * 6 + [
    "Español",
    "Français",
    "Português",
    "Deutsch",
    "中文",
    "日本語",
    "Kiswahili",
    "हिन्दी",
    "العربية",
    "Polski",
]
RARE_NAME = "Quennerstedt"  # on 3 profiles: a search that finds few
TIME_ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London"]


@dataclass
class Directory:
    viewer: object  # a student who searches
    communities: list
    volunteers: int = 0


def make_directory(student) -> Directory:
    from coffeechat.community.models import CareerCommunity
    from coffeechat.community.roles import Role, grant

    grant(student, Role.STUDENT)
    communities = [CareerCommunity.objects.create(name=name) for name in COMMUNITIES]
    return Directory(viewer=student, communities=communities)


def add_volunteers(directory: Directory, count: int, batch: int = 5000) -> None:
    """Add ``count`` volunteers (accounts, profiles, facets, memberships)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from coffeechat.community.models import CareerCommunity, ProfileFacet, VolunteerProfile
    from coffeechat.community.roles import Role
    from coffeechat.textsearch import fold

    User = get_user_model()
    group, _ = Group.objects.get_or_create(name=Role.VOLUNTEER.value)
    rng = random.Random(SEED + directory.volunteers)
    Membership = CareerCommunity.members.through
    Groups = User.groups.through
    done = 0
    while done < count:
        size = min(batch, count - done)
        start = directory.volunteers + done
        with transaction.atomic():
            users = User.objects.bulk_create(
                [User(username=f"volunteer{start + i}", password="!") for i in range(size)]
            )
            profiles = [_profile(rng, user, start + i) for i, user in enumerate(users)]
            for profile in profiles:
                profile.refresh_search()
            VolunteerProfile.objects.bulk_create(profiles)
            facets, memberships = [], []
            for profile in profiles:
                for kind in ("industries", "majors", "topics", "languages"):
                    for value in profile.values(kind):
                        facets.append(
                            ProfileFacet(
                                profile=profile, kind=kind, value=value, folded=fold(value)
                            )
                        )
                for community in rng.sample(directory.communities, rng.choice((1, 1, 2, 3))):
                    memberships.append(
                        Membership(user_id=profile.owner_id, careercommunity_id=community.pk)
                    )
            ProfileFacet.objects.bulk_create(facets)
            Membership.objects.bulk_create(memberships)
            Groups.objects.bulk_create([Groups(user_id=u.pk, group_id=group.pk) for u in users])
        done += size
    directory.volunteers += count


def _profile(rng: random.Random, user, number: int):
    from coffeechat.community.models import VolunteerProfile

    last = RARE_NAME if number in (7, 20_011, 41_999) else rng.choice(LAST_NAMES)
    name = f"{rng.choice(FIRST_NAMES)} {last}"
    paused = rng.random() < 0.1
    visibility = {}
    if rng.random() < 0.2:
        visibility["location"] = "students"
    if rng.random() < 0.1:
        visibility["organization"] = "accepted"
    return VolunteerProfile(
        owner=user,
        name=name,
        class_year=rng.randint(1975, 2025),
        majors=", ".join(rng.sample(MAJORS, rng.choice((1, 1, 2)))),
        title=f"{rng.choice(TITLE_LEVELS)}{rng.choice(TITLE_ROLES)}",
        organization=f"{rng.choice(ORG_STEMS)} {rng.choice(ORG_KINDS)}",
        industries=", ".join(rng.sample(INDUSTRIES, rng.choice((1, 2, 2, 3)))),
        location=rng.choice(LOCATIONS),
        time_zone=rng.choice(TIME_ZONES),
        career_path=f"{rng.choice(TITLE_ROLES)}\n{rng.choice(TITLE_ROLES)}",
        topics=", ".join(rng.sample(TOPICS, rng.randint(1, 4))),
        languages=", ".join(dict.fromkeys(rng.sample(LANGUAGES, rng.choice((1, 1, 2, 3))))),
        monthly_capacity=rng.choice((0, 1, 2, 2, 3, 4)),
        paused_until=dt.date(2099, 1, 1) if paused else None,
        visibility=visibility,
        email=f"volunteer{number}@alumni.example",
    )


def directory_pages(directory: Directory) -> list[tuple[str, str]]:
    """(row name, address) of the directory pages to time, as a student uses them."""
    health = next(c for c in directory.communities if c.name == "Health")
    return [
        ("directory, page 1", "/network/"),
        ("directory, page 50", "/network/?page=50"),
        ("search, common word (engineer)", "/network/?q=engineer"),
        (f"search, rare name ({RARE_NAME.lower()})", f"/network/?q={RARE_NAME.lower()}"),
        ("search, accents folded (nunez)", "/network/?q=nunez"),
        ("search, two words (senior analyst)", "/network/?q=senior+analyst"),
        ("filter, community + industry", f"/network/?community={health.pk}&industry=health+care"),
        ("filter, language + taking requests", "/network/?language=francais&available=on"),
        ("filter, title words + location", "/network/?title=data&location=boston"),
        ("filter, class year + major", "/network/?class_year=1999&major=economics"),
        ("filter, rare topic + organization", "/network/?topic=freelancing&organization=harbor"),
        (
            "search + community + taking requests",
            f"/network/?q=engineer&community={health.pk}&available=on",
        ),
    ]
