"""Likely typos, with suggestions — and silence whenever a word might be right.

A false alarm on a correct word teaches a student to ignore the checker, so a word is
reported only when all of these hold:

- it is written in lower case (capitalised words are names, places and companies far
  more often than typos; acronyms and CamelCase are skipped too), has only ASCII letters
  (and an apostrophe), and at least three letters;
- it is not in pyspellchecker's English dictionary, a British spelling of a word that is,
  an inflection of one, a career or technology term from our list, or one of the names
  and words the caller passes (the contact, their organization, the student's school and
  personal dictionary);
- it is not part of a URL, an address, a handle, a number or a template blank;
- the dictionary knows a common word one edit away (a letter added, dropped, changed or
  two swapped) — jargon usually isn't one slip away from a common word, typos usually
  are; for words of up to four letters only swapped letters count ("teh", "wiht").

Repeated words ("the the") are reported under the same rule.
"""

import re
import threading
from collections.abc import Iterable
from functools import cache

from . import wordcache
from .findings import WARNING, Finding
from .patterns import lazy

SPELLING = "spelling"

# Words a student writing about careers uses that the general dictionary lacks.
_CAREER_WORDS = """
onboarding upskilling reskilling fintech healthtech edtech biotech medtech proptech insurtech
regtech cleantech climatetech deeptech adtech martech covid hackathon github gitlab sql ux ui
kpi kpis okr okrs roadmap roadmaps workflow workflows analytics dataset datasets frontend
backend fullstack devops mlops cybersecurity blockchain crypto esports podcast podcasts
webinar webinars bioinformatics econ comp sci polisci poli postbac postbacc gpa lsat mcat
gre gmat mba mbas jd skillset skillsets fulltime cofounder cofounders vc vcs saas paas b2b
b2c d2c dtc cpg fmcg mentee mentees pharma biopharma linkedin zoom ai ml nlp llm llms api
apis ios android javascript typescript kubernetes aws gcp azure figma tableau powerbi matlab
stata rstudio jupyter pytorch tensorflow numpy pandas microfinance ngo ngos dei esg hr pr
pm pms seo sem crm ehr qa swe sde sre ceo cfo coo cto cmo cio vp svp evp rn np pa emt slp
phd phds msc bsc mph mpa mpp msw llm hci stem steam ta tas ra ras gsi faq asap fyi eta
calendly slack notion substack youtube tiktok instagram gmail docusign pdf cv cvs resume
resumes alum alums alumni alumnae alumna alumnus upperclassman upperclassmen underclassman
underclassmen premed prelaw postgrad undergrad undergrads grad grads coop coops internship
internships externship externships capstone practicum practica clerkship clerkships
residency postdoc postdocs biostatistics epidemiology neuro bioengineering mechatronics
geospatial gis cad hvac ecommerce omnichannel nonprofit nonprofits startup startups
coworker coworkers teammate teammates cross-functional stakeholder stakeholders
ux-research productize monetization monetize scalable microservices codebase debugging
sustainability decarbonization renewables neurodiversity accessibility allyship dataviz
storytelling copywriting copyedit copyediting proofreading ghostwriting curation curatorial
biotechs fintechs edtechs inbox email emails emailed emailing online offline website websites
webpage zoomed zooming texted texting rideshare livestream livestreams tech techs comms dev
devs intro intros convo convos rec recs app apps admin admins bio bios org orgs thx btw webex
barista baristas underserved bipoc lgbtq lgbtqia latinx latine kanban onsite offsite telehealth
telemedicine greentech agritech agtech foodtech legaltech govtech nanotech wellbeing fundraise
crowdfunding grantmaking grantwriting microlending impactful upskill reskill coachable glassdoor
predoctoral prevet predental prepharmacy calc orgo chem anthro vlog vlogs vlogging canva
photoshop indesign autocad solidworks revit arduino infosec serverless sdk sdks middleware web3
nft nfts defi buyside sellside ipo ipos lbo lbos dcf cpa cpas cfa frm soa crispr nicu icu obgyn
ortho mentorship cofounded rebrand rebranding preprint preprints homeschool datathon ideathon
makerspace coworking nonclinical nonacademic microcredential bootcamp bootcamps upcycling
biomed biomech neurotech quant quants
"""
CAREER_WORDS = _CAREER_WORDS.split()

_BRITISH = [
    (r"(?<=[a-z]{2})our", "or"),
    (r"ise$", "ize"),
    (r"ised$", "ized"),
    (r"ises$", "izes"),
    (r"ising$", "izing"),
    (r"isation$", "ization"),
    (r"isations$", "izations"),
    (r"yse$", "yze"),
    (r"ysed$", "yzed"),
    (r"ysing$", "yzing"),
    (r"tre$", "ter"),
    (r"tres$", "ters"),
    (r"ogue$", "og"),
    (r"lled$", "led"),
    (r"lling$", "ling"),
    (r"ller$", "ler"),
    (r"mme$", "m"),
    (r"mmes$", "ms"),
    (r"ence$", "ense"),
    (r"ement$", "ment"),
    (r"(?<=[a-z])ae(?=[a-z]{4})", "e"),  # paediatric, haematology
    (r"(?<=[a-z]{2})oe(?=[a-z]{4})", "e"),  # oestrogen, manoeuvre (roughly)
]
_INFLECTIONS = ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "'s", "s'"]

# Prefixes that stand before a hyphen: "pre-law", "co-op", "non-profit", "mid-career".
_PREFIX_TEXT = """pre post co non re sub anti multi inter intra semi self ex mid cross over
under micro macro bio eco neo pro de un mis out well full part first second third fourth final"""
_PREFIXES = set(_PREFIX_TEXT.split())

_lock = threading.Lock()


@cache
def _dictionary():
    """pyspellchecker's English dictionary with our career words, loaded once."""
    with _lock:
        return wordcache.load(CAREER_WORDS)


def _known(word: str, extra: set[str]) -> bool:
    checker = _dictionary()
    if word in extra or word in checker:
        return True
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem in checker or stem in extra or (ending == "ing" and stem + "e" in checker):
                return True
    for pattern, american in _BRITISH:
        variant = re.sub(pattern, american, word)
        if variant != word and variant in checker:
            return True
    return False


def _suggestions(word: str) -> list[str]:
    checker = _dictionary()
    candidates = checker.known(checker.edit_distance_1(word))
    ranked = sorted(candidates, key=lambda w: (-checker.word_usage_frequency(w), w))
    # When the nearest words are rare, the word is more likely jargon than a slip.
    if not ranked or checker.word_usage_frequency(ranked[0]) < 1e-6:
        return []
    return [w for w in ranked if checker.word_usage_frequency(w) > 1e-7][:3]


_SKIP = lazy(
    r"""https?://\S{1,500} | www\.\S{1,500} | [^\s@]{1,64}@\S{1,255} | (?<!\w)[@#]\w{1,100}
      | \b[\w.-]{1,100}\.(?:com|org|edu|net|io|gov)\b\S{0,200}
      | \{\{[^\n]{0,100}?\}\} | \{[^}\n]{0,100}\} | \[[^\]\n]{0,100}\] | <[^>\n]{0,100}>""",
    re.VERBOSE,
)
_TOKEN = lazy(r"[A-Za-z\u00C0-\u024F0-9_]+(?:['\u2019][A-Za-z]+)*")
_REPEAT = lazy(r"\b([A-Za-z]+)\s+(\1)\b", re.IGNORECASE)
_FINE_TWICE = {"had", "that", "is", "do", "bye", "very", "so", "no", "yes", "ha", "knock"}


def find_misspellings(
    text: str, *, names: Iterable[str] = (), known_words: Iterable[str] = ()
) -> list[Finding]:
    extra = set()
    for entry in [*names, *known_words]:
        for piece in re.split(r"[\s,;/]+", str(entry).lower().replace("\u2019", "'")):
            piece = piece.strip(".'\"()-")
            if piece:
                extra.add(piece)
                extra.update(part for part in piece.split("-") if part)
    masked = _SKIP.sub(lambda m: " " * len(m.group()), text)
    findings = []
    for match in _TOKEN.finditer(masked):
        token = match.group().replace("\u2019", "'")
        before = masked[max(0, match.start() - 1) : match.start()]
        after = masked[match.end() : match.end() + 1]
        if before in ("-", ".") or after == "-":
            continue  # part of a hyphenated word (checked below) or of an abbreviation
        findings += _check_word(token, match.start(), extra)
    for match in re.finditer(r"(?<![\w.-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])", masked):
        joined = match.group().replace("-", "").lower()
        if _known(joined, extra) or match.group().lower() in extra:
            continue  # "pre-med" is "premed", "e-mail" is "email"
        for part in re.finditer(r"[A-Za-z]+", match.group()):
            if part.group().lower() in _PREFIXES:
                continue
            findings += _check_word(part.group(), match.start() + part.start(), extra)
    for match in _REPEAT.finditer(masked):
        word = match.group(1)
        if word.lower() in _FINE_TWICE or not word.isalpha():
            continue
        findings.append(
            Finding(
                SPELLING,
                WARNING,
                f"“{word}” appears twice in a row; delete one.",
                match.end(1),
                match.end(2),
                (word,),
            )
        )
    return findings


def _check_word(token: str, start: int, extra: set[str]) -> list[Finding]:
    if not re.fullmatch(r"[a-z]+(?:'[a-z]+)?", token) or not 3 <= len(token) <= 30:
        return []
    if _known(token, extra):
        return []
    base = token.split("'")[0]
    if "'" in token and _known(base, extra):
        return []
    suggestions = _suggestions(token)
    if len(token) <= 4:  # short words: only swapped letters ("teh", "wiht") are clear typos
        suggestions = [s for s in suggestions if sorted(s) == sorted(token)]
    if not suggestions:
        return []
    if len(suggestions) == 1:
        hint = f"did you mean “{suggestions[0]}”?"
    else:
        hint = "did you mean " + ", ".join(f"“{s}”" for s in suggestions[:-1])
        hint += f" or “{suggestions[-1]}”?"
    message = (
        f"“{token}” may be misspelled; {hint} If it is a name or a term you meant, "
        "add it to your dictionary so it isn't flagged again."
    )
    return [Finding(SPELLING, WARNING, message, start, start + len(token), tuple(suggestions))]
