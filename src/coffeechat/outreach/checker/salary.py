"""Asking what the reader earns — never acceptable; asking about the field's pay — fine.

Flagged: how much do you make, what's your salary, what does Acme pay you, what does
someone at your level (or a partner at your firm) take home. Not flagged: typical
ranges, what entry-level roles start at, compensation trends, "what do you make of ...".
"""

import re

from .text import Sentence, clause_before


def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.VERBOSE)


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
_SALARY_NEGATION = re.compile(r"\b(?:not|n't|never|without|won't)\b")


def salary_ask_in(sentence: Sentence) -> re.Match | None:
    low = sentence.low
    candidates = [m for pattern in _SALARY_PATTERNS for m in pattern.finditer(low)]
    candidates += [m for m in _YOUR_PAY.finditer(low) if _PRYING.search(low)]
    for match in sorted(candidates, key=lambda m: m.start()):
        before = low[max(0, match.start() - 40) : match.start()]
        if re.search(r"\b(?:love|admire|like|enjoy|appreciate|see)\s+$", before):
            continue
        if _SALARY_NEGATION.search(clause_before(low, match.start())):
            continue
        return match
    return None
