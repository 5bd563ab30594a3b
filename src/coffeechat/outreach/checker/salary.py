"""Asking about pay: what the reader earns (rule ``salary``), or the field's pay (``pay-talk``).

``salary``: how much do you make, what's your salary, what does Acme pay you, what does
someone at your level (or a partner at your firm) take home, the raise you got when you
changed employer, whether the pay is competitive where they work.

``pay-talk``: the same kind of question about a line of work in general — what entry-level
analysts earn, whether pay in consulting is competitive. A fair question once two people
are talking, but not in a first message; the interview-preparation pages use only
``salary``.

Neither: compensation trends as a research topic (the gender pay gap), "what do you
make of ...", "pay attention", a paid internship.
"""

import re
from dataclasses import dataclass

from .patterns import lazy
from .patterns import verbose as _c
from .text import Sentence, clause_before

_PAY_VERB = r"(?:make|earn|get\s+paid|take\s+home|bring\s+in|pull\s+in|pull\s+down|clear|gross|net)"
_SALARY_PATTERNS = [
    _c(
        rf"""\bhow\s+much\s+(?:money\s+)?(?:do|did|does|would|will|can|could)\s+you\s+
             (?:{_PAY_VERB}|get|charge|bill)\b"""
    ),
    _c(
        r"""\bhow\s+(?:much|well)\s+(?:are|were)\s+you\s+(?:being\s+)?(?:paid|making|earning|
             compensated|getting\s+paid|bringing\s+in|taking\s+home)\b"""
    ),
    _c(
        rf"""\b(?:how\s+much|what)\s+you\s+(?:currently\s+|actually\s+)?(?:{_PAY_VERB}|made|
             earned|are\s+paid|were\s+paid|got\s+paid|are\s+making|are\s+earning)\b
             (?!\s+(?:of|with|for|possible|happen|sense|time|a\s+difference|an\s+impact))"""
    ),
    _c(
        rf"""\bwhat\s+(?:do|did)\s+you\s+{_PAY_VERB}\b(?!\s+(?:of|with|for|sure|happen|sense|time))
          | \bwhat\s+(?:are|were)\s+you\s+(?:paid|making|earning)\b(?!\s+(?:of|with|for))"""
    ),
    _c(
        r"""\b(?:how\s+much|what|how\s+well)\s+(?:does|did|do|would)\s+(?:[\w&.'-]+\s+){1,3}
             pay\s+you\b"""
    ),
    _c(
        r"""\b(?:does|do|did|is|are)\s+(?:[\w&.'-]+\s+){1,3}(?:pay|paying)\s+you\s+
             (?:well|enough|fairly|much|a\s+lot|decently)\b"""
    ),
    _c(
        r"""\bhow\s+much\s+(?:does|did|do|would)\s+(?:your|their)\s+(?:current\s+)?
             (?:role|job|position|work|title)\s+pay\b"""
    ),
    _c(
        rf"""\b(?:someone|a\s+person|people|employees?|folks)\s+(?:in|at|with)\s+your\s+
             (?:position|role|level|job|seat|shoes|title|seniority|team)\b[^.?!]{{0,30}}
             \b(?:{_PAY_VERB}|paid|earn\w*|salary|compensat\w*)"""
    ),
    _c(r"\bwhat\s+(?:salary|pay|compensation|comp|wage|income)\s+(?:do|did|are|were)\s+you\b"),
    _c(
        r"""\b(?:jobs?|roles?|positions?|work)\s+like\s+yours\s+(?:pays?|paid)\b
          | \b(?:salary|salaries|pay|compensation|comp|earnings)\s+(?:\w+\s+){0,3}(?:at|in|for)\s+
             your\s+(?:level|position|role|seniority|title|job)\b"""
    ),
    _c(
        r"""\bare\s+you\s+(?:well|fairly|decently|adequately|properly)[\s-]+(?:paid|compensated)\b
          | \bare\s+you\s+(?:being\s+)?(?:paid|compensated)\s+(?:well|fairly|enough|decently)\b"""
    ),
    # "What does a partner at your firm take home?" — pay where they work is theirs too.
    _c(
        rf"""\b(?:what|how\s+much)\s+(?:(?:does|do|did|would|will|can)\s+)?(?:a|an|someone|
             people|the|most)\s+(?:[\w-]+\s+){{0,4}}?(?:at|in|on)\s+your\s+(?:[\w-]+\s+)?
             (?:firm|company|team|level|office|group|organi[sz]ation|department|position|role|
             employer|lab|agency)\s+(?:\w+\s+)?(?:{_PAY_VERB}|makes|earns|takes\s+home|
             gets\s+paid|brings\s+in|is\s+paid|are\s+paid)\b"""
    ),
]
_RAISE = (
    r"(?:(?:a|the|your|any|big|good|nice|decent|real|significant|huge|pay|salary|\d+%)\s+"
    r"(?:[\w-]+\s+)?raises?|raises\s+(?:at|when|after))"
)
_SCOPE_PEOPLE = (
    r"(?:someone|somebody|anyone|a\s+person|people|folks|those|employees?|colleagues|peers|"
    r"others|engineers|analysts|associates|consultants|managers|the\s+people|ppl)"
)
_THEIR_PAY_MORE = [
    # the raise they got when they changed employer
    _c(
        rf"""\b(?:{_RAISE}|(?:salary|pay)\s+bump|pay\s+(?:rise|increase|jump|bump|cut)|salary\s+(?:increase|jump|bump|
             cut|change)|increase\s+in\s+(?:pay|salary)|jump\s+in\s+(?:pay|salary))\b
             [^.?!]{{0,60}}\b(?:you|your)\b
          | \b(?:you|your)\b[^.?!]{{0,60}}\b(?:{_RAISE}|pay\s+(?:rise|increase|jump|bump|cut)|
             salary\s+(?:increase|jump|bump|cut)|(?:increase|jump|bump)\s+in\s+(?:pay|salary))\b"""
    ),
    # someone in your position / at your level / like you
    _c(
        rf"""\b{_SCOPE_PEOPLE}\s+(?:(?:in|at|with|holding|doing)\s+(?:your|a\s+(?:role|job|position)\s+
             like\s+yours)|like\s+(?:you|yourself)|in\s+(?:roles?|jobs?|positions?)\s+like\s+yours)
             \b[^.?!]{{0,40}}\b(?:{_PAY_VERB}|paid|earn\w*|makes?|salar\w*|compensat\w*|pay)\b"""
    ),
    # what a tenured professor like you earns
    _c(
        rf"""\b(?:a|an|someone|somebody|people|those)\s+(?:[\w-]+\s+){{0,3}}like\s+(?:you|yourself)\s+
             (?:\w+\s+)?(?:{_PAY_VERB}|earns|makes|takes\s+home|gets\s+paid|is\s+paid)\b"""
    ),
    # the pay is competitive at your firm / there
    _c(
        r"""\b(?:pay|salary|salaries|compensation|comp|wages?|benefits)\s+(?:is|are|was|were)\s+
             (?:\w+\s+)?(?:competitive|good|decent|fair|generous|high|low|enough|livable)\b
             [^.?!]{0,40}\b(?:at\s+your|with\s+your|in\s+your\s+(?:team|firm|company|office|
             group|lab|department)|there|for\s+you)\b
          | \b(?:is|are|was|were)\s+(?:the\s+)?(?:pay|salary|salaries|compensation|comp|wages?)\s+
             (?:\w+\s+)?(?:competitive|good|decent|fair|generous|high|low|enough|livable)\b
             [^.?!]{0,40}\b(?:at\s+your|with\s+your|in\s+your\s+(?:team|firm|company|office|
             group|lab|department)|there|for\s+you)\b
          | \b(?:does|do)\s+(?:your|the)\s+(?:[\w-]+\s+)?(?:firm|company|employer|team|
             organi[sz]ation|agency|lab|office)\s+pay\s+(?:well|competitively|fairly|enough)\b
          | \bhow\s+(?:well|much)\s+(?:does|do)\s+(?:your|the)\s+(?:[\w-]+\s+)?(?:firm|company|
             employer|team|organi[sz]ation|agency|lab|office)\s+pay\b"""
    ),
]
# Pay in a line of work: asked as a question, not discussed as a topic.
_FIELD_PAY = [
    _c(
        r"""\bhow\s+much\s+(?:[\w'-]+\s+){1,6}?(?:make|earn|take\s+home|get\s+paid|are\s+paid|
             is\s+paid)\b(?!\s+(?:of|with|for|sure|happen|sense|time|progress|friends|it))"""
    ),
    _c(
        rf"""\b(?:how\s+much|what)\s+(?:do|does|did|can|could|would|will|might|should)\s+
             (?:[\w'-]+\s+){{1,6}}?(?:{_PAY_VERB}|be\s+paid|get\s+paid|expect\s+to\s+(?:make|earn))\b
             (?!\s+(?:of|with|for|sure|happen|sense|time|a\s+difference|an\s+impact|progress|
             friends|it|the\s+(?:cut|most|switch|move|jump)))"""
    ),
    _c(
        rf"""\b(?:how\s+much|what)\s+(?:[\w'-]+\s+){{1,5}}?(?:typically|usually|generally|
             normally|can|could|might|tend\s+to)\s+(?:{_PAY_VERB}|earn|make|be\s+paid)\b"""
    ),
    _c(
        r"""\b(?:salary|salaries|pay|compensation|comp|wages?|earnings|income|starting\s+pay)\s+
             (?:range|ranges|levels?|bands?|expectations|look(?:s)?\s+like|is\s+like|are\s+like|
             (?:is|are)\s+(?:\w+\s+)?(?:competitive|good|decent|fair|high|low|enough|livable)|
             (?:to\s+)?expect|progression|growth|trajector\w*)\b
          | \b(?:typical|average|usual|median|starting|entry-level|realistic|competitive)\s+
             (?:salar\w*|pay|compensation|comp|wages?|earnings|income)\b
          | \bwhat\s+(?:[\w-]+\s+){0,4}(?:salar\w*|pay|compensation|comp|wages?)\s+
             (?:is|are|looks?|can|to\s+expect)\b
          | \bwell[\s-]+paid\b | \bpays?\s+(?:well|much|enough|decently|competitively)\b
          | \b(?:get|gets|are|is)\s+paid\s+(?:well|enough|fairly|decently|much|more|less)\b
          | \b(?:start|starts|starting|paid|make|makes|earn|earns|making|earning)\s+
             (?:at\s+|around\s+|about\s+|over\s+|roughly\s+)?\$?\d+(?:[,.]\d+)?\s*
             (?:k\b|,000|\s*thousand|\s*an\s+hour|/hr|\s*a\s+year)
          | \b(?:is|are|was|were)\s+(?:the\s+)?(?:pay|salary|salaries|compensation|comp|wages?)\s+
             (?:\w+\s+)?(?:competitive|good|decent|fair|generous|high|low|enough|livable)\b
          | \b(?:pay|salary|salaries|compensation|wages?)\s+(?:in|for|at|of)\s+(?:[\w-]+\s+){1,3}
             (?:is|are|was|were)\s+(?:\w+\s+)?(?:competitive|good|decent|fair|generous|high|low|
             enough|livable)\b
          | \b(?:(?:a|the|your|any|big|good|nice|decent|real|significant|huge|\d+%)\s+
             (?:[\w-]+\s+)?raises?|salary\s+bumps?|pay\s+bumps?|pay\s+(?:rise|increase|jump)s?|
             salary\s+(?:increase|jump)s?)\b"""
    ),
]
_ASKING = _c(
    r"""\?|\b(?:curious|wonder\w*|know|ask\w*|learn|hear|understand|idea|sense|share|tell|
           what|how\s+much|whether|if|realistic|expect)\b"""
)
_PAY_TOPIC = _c(
    r"""\b(?:pay|wage|gender|racial|salary)\s+(?:gaps?|equity|inequit\w*|transparency|
           disparit\w*|discrimination|compression|theft)\b
      | \bminimum\s+wage\b | \bwage\s+(?:growth|stagnation|theft|gaps?|laws?|polic\w*)\b
      | \b(?:paper|research|study|studies|work|article|book|report|thesis)\s+(?:on|about)\b
      | \bnegotiat\w*"""
)

_YOUR_PAY = _c(
    r"""\b(?:your|ur)\s+(?:own\s+|current\s+|starting\s+|annual\s+|base\s+|yearly\s+|total\s+|
           exact\s+|personal\s+)?(?:salary|salaries|pay|paycheck|compensation|comp|income|
           earnings|wages?|bonus(?:es)?|pay\s+package|compensation\s+package|pay\s+grade|
           total\s+comp|tc|hourly\s+rate)\b
        (?!\s+(?:negotiation\w*|guide|advice|tips|research|survey|data|transparency|report|article|
           post|podcast|book|newsletter|series|workshop|talk|webinar|tool|calculator|
           benchmark\w*|attention|it\s+forward))"""
)
_PRYING = _c(
    r"""\?|\b(?:share|sharing|tell|telling|ask|asking|mind|know|curious|wonder\w*|disclose|
           reveal|comfortable|open\s+about|discuss|talk\s+about|what|how\s+much|if\s+you|
           would\s+you|could\s+you|please)\b"""
)
_SALARY_NEGATION = lazy(r"\b(?:not|n't|never|without|won't)\b")


_THEIR_PLACE = _c(
    r"""\b(?:at|in|on|with|for|within)\s+(?:your|ur)\s+(?:[\w-]+\s+)?(?:firm|company|team|office|
           group|lab|department|organi[sz]ation|employer|agency|level|role|position|job|bank|
           school|hospital|startup)\b
      | \b(?:at|with|within)\s+(?:your|ur)\s+(?!(?:convenience|earliest|leisure|schedule|time|pace|
           discretion|disposal|side|own|field|industry|line|area|sector|profession)\b)[\w-]+\b
      | \b(?:your|ur)\s+(?:current\s+)?(?:role|position|level|job|title|employer)\b
      | \bthere\b(?=\s*(?:[?.!,;]|$))"""
)


def salary_ask_in(sentence: Sentence) -> re.Match | None:
    """Where ``sentence`` asks what the reader (or people where they work) earns, or None."""
    return _salary_ask_in(sentence) or _in_plain_words(_salary_ask_in, sentence)


def _salary_ask_in(sentence: Sentence) -> re.Match | None:
    low = sentence.low
    patterns = [*_SALARY_PATTERNS, *_THEIR_PAY_MORE]
    candidates = [m for pattern in patterns for m in pattern.finditer(low)]
    field = _pay_talk_in(sentence)
    if field and _THEIR_PLACE.search(low):
        candidates.append(field)
    candidates += [m for m in _YOUR_PAY.finditer(low) if _PRYING.search(low)]
    for match in sorted(candidates, key=lambda m: m.start()):
        before = low[max(0, match.start() - 40) : match.start()]
        if re.search(r"\b(?:love|admire|like|enjoy|appreciate|see)\s+$", before):
            continue
        if _SALARY_NEGATION.search(clause_before(low, match.start())):
            continue
        return match
    return None


@dataclass(frozen=True)
class _Whole:
    """The whole sentence as the match, when only its shorthand-free reading asks."""

    length: int

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return self.length


def _in_plain_words(finder, sentence: Sentence):
    """``finder`` once more over the sentence with "u"/"ur" written out."""
    from .structure import plain_shorthand

    plain = plain_shorthand(sentence.low)
    if plain == sentence.low:
        return None
    if finder(Sentence(sentence.start, sentence.end, sentence.text, plain)) is None:
        return None
    return _Whole(len(sentence.text))


def pay_talk_in(sentence: Sentence) -> re.Match | None:
    """Where ``sentence`` asks about pay in a line of work (not the reader's own), or None."""
    return _pay_talk_in(sentence) or _in_plain_words(_pay_talk_in, sentence)


def _pay_talk_in(sentence: Sentence) -> re.Match | None:
    low = sentence.low
    if _PAY_TOPIC.search(low) or not _ASKING.search(low):
        return None
    for pattern in _FIELD_PAY:
        for match in pattern.finditer(low):
            if _SALARY_NEGATION.search(clause_before(low, match.start())):
                continue
            return match
    return None
