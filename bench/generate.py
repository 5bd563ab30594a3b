"""Deterministic, realistic data for the benchmark: a heavy user and a LinkedIn export.

Everything comes from one seeded ``random.Random``, so two runs build the same rows
(timestamps aside). Each model has its own ``make_*`` function that takes the owner,
the generator and what it depends on, and writes with ``bulk_create``; ``generate()``
calls them in order. A later model (messages, interviews) gets its own ``make_*``
function and a flag in ``generate()``: ``make_interviews`` and ``make_messages`` (written
in bench/agenda_data.py and bench/message_data.py) draw from generators of their own.

Used by bench/run.py; also usable on its own from a Django shell:

    from bench.generate import generate
    dataset = generate(user)            # 5,000 contacts across 1,500 organizations
    dataset = generate(user, with_interviews=True, with_messages=True)  # + the agenda
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from coffeechat.contacts.normalize import fold

SEED = 20240115


def _words(text: str) -> list[str]:
    """Split a block of words on white space; an underscore stands for a space."""
    return [word.replace("_", " ") for word in text.split()]


# Names from many places, with accents and other non-ASCII letters, as real lists have.
FIRST_NAMES = _words(
    """
Ada Aisha Akira Alejandro Amara Ana Andrés Anjali Ayşe Bea Benedikt Björn Camille Carlos
Chen Chloé Chidi Dalia Daniel Darius Deepa Diego Dmitri Élodie Emeka Emily Émile Eun-ji
Fatima Felipe François Freya Gabriel Grace Grzegorz Hana Hannah Håkon Ibrahim Inês Ingrid
Isabel Jakub James Jia Joaquín José Jürgen Kai Kalani Karin Kenji Kofi Lars Laura Léa Leila
Liam Lucía Łukasz Maja Malik Marcus María Mateo Mei Miguel Mina Nadia Naoko Nikhil Noor Olga
Oluwaseun Omar Paulo Priya Rafael Ravi Renée Rohan Rosa Ruth Sakura Samir Sarah Seo-yeon
Siobhán Søren Sofía Stéphane Sven Tanvi Thảo Tomás Uma Valentina Wei Xavier Yasmin Yusuf
Zainab Zoë Zoltán
"""
)

LAST_NAMES = _words(
    """
Abara Adeyemi Ahmed Alvarez Andersen Ansari Bauer Becker Bianchi Brennan Brown Castillo
Chakraborty Chen Costa Cruz Dąbrowski Da_Silva Dubois Eriksson Fernández Fischer Fitzgerald
García Gómez González Gupta Haddad Hansen Hernández Hoang Horvát Huang Ibáñez Ito Jensen
Johansson Jones Kapoor Kaur Kawasaki Khan Kim Kowalski Kuznetsova Larsen Lee Lefèvre Li
López Martín Martínez Mehta Mensah Mikkelsen Mohamed Moreau Müller Murphy Nakamura Ndiaye
Nguyễn Nielsen Novák Núñez O'Brien Okafor Okonkwo Olsen Ortiz Park Patel Pereira Petrov
Popescu Quispe Ramírez Reyes Rodríguez Rossi Sánchez Santos Sato Schmidt Schneider Shah
Silva Singh Smith Sørensen Suzuki Takahashi Tanaka Torres Tran Van_der_Berg Vargas Wagner
Wang Weber Williams Wiśniewski Wong Yamamoto Yilmaz Zhang Żukowski
"""
)

# A surname given to only a handful of contacts: the "rare word" search.
RARE_LAST_NAME = "Quennerstedt"
RARE_COUNT = 3

ORG_STEMS = _words(
    """
Acorn Alder Alpine Amber Apex Arbor Aspen Atlas Aurora Beacon Birch Blue Bright Brook
Cascade Cedar Cinder Clear Cobalt Compass Copper Coral Crescent Crest Delta Ember Evergreen
Falcon Fern Fjord Forge Granite Harbor Hawthorn Helix Heron Horizon Indigo Ionic Iris
Juniper Keystone Kestrel Lantern Larch Laurel Linden Lumen Lynx Maple Marble Meadow Meridian
Mesa Nimbus North Oak Onyx Orbit Orchid Osprey Pacific Pine Pioneer Polaris Prairie Quarry
Quartz Raven Redwood Ridge River Rowan Saffron Sage Sequoia Sierra Silver Slate Solstice
Spruce Summit Tamarack Tidewater Timber Topaz Trillium Tundra Union Vale Vantage Verdant
Vista Willow Zenith Zéphyr Mühlbach Søndre Ñandú Łąka
"""
)

ORG_KINDS = _words(
    """
Labs Bank Health Partners Analytics Capital Foundation Energy Therapeutics Media Studios
Robotics Consulting Foods Logistics Systems Biosciences Architecture Insurance Works
Hospital Institute Press Software Pharmaceuticals Ventures Advisory Materials Networks
"""
)

ORG_SUFFIXES = ["", "", "", "", " Inc.", " LLC", " Group", " & Co."]

INDUSTRIES = """
Banking|Biotechnology|Consulting|Education|Energy|Environmental services|Financial services|
Government|Health care|Higher education|Hospitality|Insurance|Journalism|Law|Manufacturing|
Media|Nonprofit|Pharmaceuticals|Public health|Publishing|Real estate|Research|Retail|
Software|Telecommunications|Transportation|Venture capital|Architecture|Museums|Robotics
""".replace("\n", "").split("|")

TITLE_LEVELS = [
    "",
    "",
    "Senior ",
    "Junior ",
    "Lead ",
    "Principal ",
    "Associate ",
    "Assistant ",
    "Staff ",
    "Chief ",
]
TITLE_ROLES = [
    "Software Engineer",
    "Data Scientist",
    "Product Manager",
    "Research Scientist",
    "Analyst",
    "Consultant",
    "Designer",
    "Editor",
    "Reporter",
    "Attorney",
    "Nurse Practitioner",
    "Physician",
    "Policy Advisor",
    "Program Officer",
    "Teacher",
    "Professor",
    "Recruiter",
    "Account Executive",
    "Marketing Manager",
    "Civil Engineer",
    "Mechanical Engineer",
    "Chemist",
    "Curator",
    "Architect",
    "Portfolio Manager",
    "Investment Banking Analyst",
    "Lab Manager",
    "Operations Manager",
    "Founder",
    "Director of Engineering",
]

# About twenty tags, as a student's own labels would be.
TAG_NAMES = [
    "alumni",
    "biotech",
    "boston",
    "new york",
    "remote",
    "finance",
    "consulting",
    "climate",
    "policy",
    "faculty",
    "mentor",
    "warm lead",
    "follow up",
    "met at career fair",
    "résumé review",
    "grad school",
    "startups",
    "non-profit",
    "health",
    "design",
    "data",
]

LOCATIONS = [
    "Boston, MA",
    "New York, NY",
    "San Francisco, CA",
    "Chicago, IL",
    "Seattle, WA",
    "Washington, DC",
    "Austin, TX",
    "Toronto, ON",
    "London, UK",
    "Berlin, Germany",
    "Montréal, QC",
    "São Paulo, Brazil",
    "Remote",
    "",
    "",
]

NOTE_SENTENCES = [
    "Met at the fall career fair.",
    "Introduced by a professor after a seminar.",
    "Alum from the same major; replied quickly last time.",
    "Works on the climate team; ask about their move from research.",
    "Prefers video calls in the morning.",
    "Sent a connection request on LinkedIn, no reply yet.",
    "Mentioned they hire summer interns, but don't ask directly.",
    "Talked for 20 minutes about switching from consulting to product.",
    "Shared a reading list about health policy.",
    "Suggested I also talk to someone on their data team.",
    "Went to the same high school.",
    "Runs the alumni mentoring circle in Boston.",
    "Very busy in Q4; try again in January.",
    "Café chat near campus was easy to arrange.",
]

RESEARCH_SENTENCES = [
    "Their organization published an annual report on water access.",
    "Wrote a blog post on moving from academia to industry.",
    "Team recently launched a new product line.",
    "Gave a conference talk about hiring junior analysts.",
    "Organization is expanding its Chicago office.",
    "Co-authored a paper on battery chemistry.",
]

SOURCES_WEIGHTED = [
    ("linkedin", 30),
    ("alum", 20),
    ("peer", 10),
    ("faculty", 8),
    ("referral", 8),
    ("coworker", 6),
    ("employer", 5),
    ("friend", 4),
    ("family", 3),
    ("supervisor", 2),
    ("coach", 1),
    ("career-adviser", 1),
    ("alumni-platform", 1),
    ("other", 1),
]

EMAIL_DOMAINS = ["gmail.com", "outlook.com", "alumni.example.edu", "yahoo.com", "proton.me"]

MONTHS = _words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")

# Not LinkedIn's own wording: the importer must skip any such preamble, whatever it says.
LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    "\"Some email addresses may be missing from this export: a connection's address "
    "is included only when that person allows their connections to download it. "
    'See your privacy settings for details."\r\n'
    "\r\n"
)
LINKEDIN_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]


@dataclass
class Dataset:
    """What ``generate()`` made, with a few handles the benchmark needs."""

    owner: object
    organizations: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    common_word: str = "engineer"
    rare_word: str = RARE_LAST_NAME
    filter_tag: str = "alumni"
    interviews: list = field(default_factory=list)
    messages: list = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "organizations": len(self.organizations),
            "tags": len(self.tags),
            "contacts": len(self.contacts),
            "interviews": len(self.interviews),
            "messages": len(self.messages),
        }


# --- names and strings -------------------------------------------------------------


def organization_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct (case-insensitively) organization names, some with commas."""
    names: dict[str, str] = {}
    while len(names) < count:
        stem = rng.choice(ORG_STEMS)
        if rng.random() < 0.3:
            stem = f"{stem} {rng.choice(ORG_STEMS)}"
        name = f"{stem} {rng.choice(ORG_KINDS)}{rng.choice(ORG_SUFFIXES)}"
        if rng.random() < 0.03:
            # LinkedIn quotes these: "Bright, Cedar & Partners"
            name = f"{stem}, {rng.choice(ORG_STEMS)} & Partners"
        names.setdefault(name.casefold(), name)
    return list(names.values())


def title(rng: random.Random) -> str:
    role = rng.choice(TITLE_ROLES)
    text = f"{rng.choice(TITLE_LEVELS)}{role}"
    if rng.random() < 0.05:
        text = f"{text}, {rng.choice(['Platform', 'Growth', 'Oncology', 'Climate', 'EMEA'])}"
    return text


def slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in fold(text)).strip("-")


def email_for(rng: random.Random, first: str, last: str, domain: str | None = None) -> str:
    local = f"{slug(first)}.{slug(last)}".replace("-", "") or "someone"
    if rng.random() < 0.5:
        local = f"{local}{rng.randint(1, 99)}"
    return f"{local}@{domain or rng.choice(EMAIL_DOMAINS)}"


def weighted_source(rng: random.Random) -> str:
    values, weights = zip(*SOURCES_WEIGHTED, strict=True)
    return rng.choices(values, weights)[0]


def random_date(rng: random.Random, start_year=2012, end_year=2025) -> dt.date:
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def linkedin_date(day: dt.date) -> str:
    """LinkedIn's own format: '15 Jan 2024' (day not zero-padded)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- one function per model --------------------------------------------------------


def make_owner(username="bench", password="a-long-bench-password-42"):
    from django.contrib.auth import get_user_model

    from coffeechat.accounts.models import Profile

    user = get_user_model().objects.create_user(username, password=password)
    # Dalton's 3B7 routine on: the outreach agenda then also suggests a second person at
    # the same organization, its heaviest path.
    Profile.objects.create(
        owner=user,
        name="Bea Bench",
        school="Wellesley",
        major="Chemistry",
        time_zone="America/New_York",
        use_3b7=True,
    )
    return user


def make_organizations(owner, rng: random.Random, count=1500) -> list:
    from coffeechat.contacts.models import Organization

    rows = [
        Organization(
            owner=owner,
            name=name,
            website=f"https://{slug(name)[:40]}.example" if rng.random() < 0.4 else "",
            industry=rng.choice(INDUSTRIES) if rng.random() < 0.7 else "",
            notes=rng.choice(RESEARCH_SENTENCES) if rng.random() < 0.1 else "",
        )
        for name in organization_names(rng, count)
    ]
    return Organization.objects.bulk_create(rows, batch_size=500)


def make_tags(owner, rng: random.Random, names=TAG_NAMES) -> list:
    from coffeechat.contacts.models import Tag

    return Tag.objects.bulk_create([Tag(owner=owner, name=name) for name in names])


def make_contacts(owner, rng: random.Random, organizations, tags, count=5000) -> list:
    """Contacts spread over the organizations (a few big employers, a long tail), with
    emails, tags, notes, and some referred by another contact."""
    from coffeechat.contacts.models import Contact

    # Popularity: a handful of organizations employ many contacts, most employ one or two.
    weights = [1 / (rank + 1) ** 0.6 for rank in range(len(organizations))]
    rare_slots = set(rng.sample(range(count), min(RARE_COUNT, count)))
    rows = []
    for index in range(count):
        first = rng.choice(FIRST_NAMES)
        last = RARE_LAST_NAME if index in rare_slots else rng.choice(LAST_NAMES)
        org = rng.choices(organizations, weights)[0] if rng.random() < 0.92 else None
        roll = rng.random()
        if roll < 0.25:
            emails = []
        elif roll < 0.85:
            emails = [email_for(rng, first, last)]
        else:
            emails = [email_for(rng, first, last) for _ in range(rng.randint(2, 3))]
        emails = list(dict.fromkeys(emails))
        has_profile = rng.random() < 0.8
        rows.append(
            Contact(
                owner=owner,
                first_name=first,
                last_name=last,
                title=title(rng) if rng.random() < 0.9 else "",
                organization=org,
                field=org.industry if org and org.industry else rng.choice(INDUSTRIES),
                emails=emails,
                phone=f"+1 617 555 {rng.randint(0, 9999):04d}" if rng.random() < 0.2 else "",
                linkedin_url=(
                    f"https://www.linkedin.com/in/{slug(first)}-{slug(last)}-{index:05d}"
                    if has_profile
                    else ""
                ),
                location=rng.choice(LOCATIONS),
                source=weighted_source(rng),
                notes=" ".join(rng.sample(NOTE_SENTENCES, rng.randint(0, 3))),
                research_notes=rng.choice(RESEARCH_SENTENCES) if rng.random() < 0.15 else "",
                connected_on=random_date(rng) if has_profile else None,
            )
        )
    contacts = Contact.objects.bulk_create(rows, batch_size=500)

    # Tags: a few per contact (zero to four).
    through = Contact.tags.through
    links = []
    for contact in contacts:
        for tag in rng.sample(tags, rng.choice([0, 1, 1, 2, 2, 3, 4])):
            links.append(through(contact_id=contact.pk, tag_id=tag.pk))
    through.objects.bulk_create(links, batch_size=1000)

    # Referrals: about one contact in ten was introduced by another.
    referred = []
    for contact in rng.sample(contacts, len(contacts) // 10):
        referrer = rng.choice(contacts)
        if referrer.pk != contact.pk:
            contact.referred_by = referrer
            referred.append(contact)
    Contact.objects.bulk_update(referred, ["referred_by"], batch_size=500)
    return contacts


def make_interviews(owner, rng: random.Random, contacts, count=1000) -> list:
    """1,000 interviews at every stage with their questions, notes, reflections, timeline,
    next steps, keep-in-touch cadences and interactions (bench/agenda_data.py)."""
    from bench.agenda_data import make_interviews as make

    return make(owner, rng, contacts, count)


def make_messages(owner, rng: random.Random, contacts, count=10_000, interviews=()) -> list:
    """10,000 messages: the interviews' own, then cold outreach (bench/message_data.py)."""
    from bench.message_data import make_messages as make

    return make(owner, rng, contacts, count, interviews=interviews)


def generate(
    owner,
    *,
    contacts=5000,
    organizations=1500,
    seed=SEED,
    with_interviews=False,
    with_messages=False,
    interviews=1000,
    messages=10_000,
) -> Dataset:
    """Fill ``owner``'s account. Deterministic for a given ``seed``."""
    rng = random.Random(seed)
    dataset = Dataset(owner=owner)
    dataset.organizations = make_organizations(owner, rng, organizations)
    dataset.tags = make_tags(owner, rng)
    dataset.contacts = make_contacts(
        owner, rng, dataset.organizations, dataset.tags, count=contacts
    )
    # Later models draw from their own generators so adding them never changes the
    # contacts above.
    if with_interviews:
        dataset.interviews = make_interviews(
            owner, random.Random(seed + 1), dataset.contacts, count=interviews
        )
    if with_messages:
        dataset.messages = make_messages(
            owner,
            random.Random(seed + 2),
            dataset.contacts,
            count=messages,
            interviews=dataset.interviews,
        )
    return dataset


# --- the LinkedIn export -----------------------------------------------------------


def linkedin_rows(rng: random.Random, rows: int, existing=(), overlap=2000) -> list[list[str]]:
    """Rows as LinkedIn writes them. ``overlap`` of them are people from ``existing``
    (same LinkedIn URL, or the same name and company with no URL), so an import merges
    them; the rest are new people at a wide spread of companies."""
    existing = list(existing)
    overlap = min(overlap, len(existing), rows)
    companies = organization_names(random.Random(rng.random()), 6000)
    out = []
    for contact in rng.sample(existing, overlap):
        company = contact.organization.name if contact.organization_id else ""
        url = contact.linkedin_url or ""
        email = contact.emails[0] if contact.emails and rng.random() < 0.3 else ""
        day = contact.connected_on or random_date(rng)
        out.append(
            [
                contact.first_name,
                contact.last_name,
                url,
                email,
                company,
                contact.title,
                linkedin_date(day),
            ]
        )
    for index in range(rows - overlap):
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        company = rng.choice(companies) if rng.random() < 0.95 else ""
        out.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{slug(first)}-{slug(last)}-x{index:06d}",
                # LinkedIn leaves most addresses out.
                email_for(rng, first, last) if rng.random() < 0.04 else "",
                company,
                title(rng) if rng.random() < 0.93 else "",
                linkedin_date(random_date(rng, 2010, 2025)),
            ]
        )
    rng.shuffle(out)
    return out


def write_linkedin_csv(
    path, rows=30_000, *, existing=(), overlap=2000, seed=SEED + 10, preamble=True
) -> Path:
    """Write a Connections.csv as LinkedIn exports it: UTF-8, CRLF line ends, a
    ``Notes:`` preamble and a blank line before the header, minimal quoting (commas in
    companies and positions are quoted)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        if preamble:
            handle.write(LINKEDIN_PREAMBLE)
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LINKEDIN_HEADER)
        writer.writerows(linkedin_rows(rng, rows, existing, overlap))
    return path
