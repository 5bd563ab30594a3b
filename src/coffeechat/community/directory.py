"""The directory's search: filters to one query, and why each person matched.

Every text comparison is folded (coffeechat.textsearch), so accents and case never
matter. A page costs the same few queries however many profiles there are: the page of
profiles, their facets, their communities.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from coffeechat.community.models import CareerCommunity, ProfileFacet, VolunteerProfile
from coffeechat.community.models.profiles import FACETS
from coffeechat.textsearch import fold, has_words, word_filter, words

PAGE_SIZE = 20
SEARCH_COLUMNS = ["search_all", "search_title", "search_organization", "search_location"]
FTS_TABLE = "community_profile_fts"
FACET_FILTERS = {
    "industry": "industries",
    "major": "majors",
    "topic": "topics",
    "language": "languages",
}
FACET_LABELS = {
    "industries": "industry",
    "majors": "major",
    "topics": "topic",
    "languages": "language",
}


@dataclass
class Filters:
    q: str = ""
    community: CareerCommunity | None = None
    industry: str = ""
    major: str = ""
    topic: str = ""
    language: str = ""
    organization: str = ""
    title: str = ""
    location: str = ""
    class_year: int | None = None
    available: bool = False

    @property
    def any(self) -> bool:
        return any(
            (
                self.q,
                self.community,
                self.industry,
                self.major,
                self.topic,
                self.language,
                self.organization,
                self.title,
                self.location,
                self.class_year,
                self.available,
            )
        )


@dataclass
class Result:
    profile: VolunteerProfile
    communities: list[CareerCommunity]
    facets: dict[str, list[str]]
    reasons: list[str] = field(default_factory=list)


def search(filters: Filters, today, page: int = 1):
    """(results on this page, whether there is a next page)."""
    queryset = VolunteerProfile.objects.listed()
    # The filters answered from indexes come first: SQLite tests them in this order as it
    # walks the list, and reads a row only for the ones after (class year, availability).
    queryset = queryset.filter(
        word_filter(
            VolunteerProfile._meta.db_table,
            {
                "search_all": words(filters.q),
                "search_title": words(filters.title),
                "search_organization": words(filters.organization),
                "search_location": words(filters.location),
            },
            FTS_TABLE,
        )
    )
    for name, kind in FACET_FILTERS.items():
        value = fold(getattr(filters, name))
        if value:
            queryset = queryset.filter(
                Exists(ProfileFacet.objects.filter(profile=OuterRef("pk"), kind=kind, folded=value))
            )
    if filters.community:
        membership = CareerCommunity.members.through.objects.filter(
            user_id=OuterRef("owner_id"), careercommunity_id=filters.community.pk
        )
        queryset = queryset.filter(Exists(membership))
    if filters.class_year:
        queryset = queryset.filter(class_year=filters.class_year)
    if filters.available:
        queryset = queryset.taking_requests(today)
    start = (page - 1) * PAGE_SIZE
    # Ids first, from the directory's index alone; then only the page's rows are read.
    ids = list(
        queryset.order_by("sort_name", "id").values_list("id", flat=True)[
            start : start + PAGE_SIZE + 1
        ]
    )
    has_next = len(ids) > PAGE_SIZE
    ids = ids[:PAGE_SIZE]
    rows = VolunteerProfile.objects.defer(*SEARCH_COLUMNS, "email", "phone").in_bulk(ids)
    profiles = [rows[pk] for pk in ids]
    return [_explain(result, filters) for result in attach(profiles)], has_next


def attach(profiles: list[VolunteerProfile]) -> list[Result]:
    """Each profile with its communities and facet values, in two queries."""
    by_owner = {profile.owner_id: [] for profile in profiles}
    memberships = CareerCommunity.members.through.objects.filter(
        user_id__in=by_owner
    ).select_related("careercommunity")
    for membership in memberships:
        by_owner[membership.user_id].append(membership.careercommunity)
    facets: dict[int, dict[str, list[str]]] = {profile.pk: {} for profile in profiles}
    rows = ProfileFacet.objects.filter(profile__in=[p.pk for p in profiles]).order_by("pk")
    for profile_id, kind, value in rows.values_list("profile_id", "kind", "value"):
        facets[profile_id].setdefault(kind, []).append(value)
    return [
        Result(p, sorted(by_owner[p.owner_id], key=lambda c: fold(c.name)), facets[p.pk])
        for p in profiles
    ]


def _explain(result: Result, filters: Filters) -> Result:
    """Say in words why ``result`` is in the list: each typed word and each filter."""
    profile, reasons = result.profile, result.reasons
    public_texts = {
        "name": profile.name,
        "title": profile.public("title"),
        "organization": profile.public("organization"),
        "location": profile.public("location"),
        **{FACET_LABELS[kind]: ", ".join(values) for kind, values in result.facets.items()},
        "career path": profile.public("career_path"),
    }
    for word in words(filters.q):
        where = next(
            (label for label, text in public_texts.items() if has_words(f" {fold(text)}", [word])),
            None,
        )
        if where:
            reasons.append(f"“{word}” in {where}: {_short(public_texts[where])}")
    for name in ("title", "organization", "location"):
        if words(getattr(filters, name)):
            reasons.append(f"{name}: {_short(public_texts[name])}")
    for name, kind in FACET_FILTERS.items():
        wanted = fold(getattr(filters, name))
        if wanted:
            value = next((v for v in result.facets.get(kind, []) if fold(v) == wanted), wanted)
            reasons.append(f"{name}: {value}")
    if filters.community:
        reasons.append(f"in the {filters.community.name} community")
    if filters.class_year:
        reasons.append(f"class of {filters.class_year}")
    if filters.available:
        reasons.append("taking requests now")
    return result


def _short(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["FACETS", "Filters", "Result", "attach", "search"]
