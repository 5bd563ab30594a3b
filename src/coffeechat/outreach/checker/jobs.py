"""Asking the reader for a job, an internship or a referral, judged by meaning.

A sentence asks for a job (rule ``job-ask``) when it has one of

- a phrase that only ever means it — refer me for a role, put in a good word, pass my
  resume to the hiring manager, hire me, consider me for, keep me in mind, get me an
  interview, let me know if a position opens up, is your team hiring;
- a request aimed at the reader ("could you", "I was hoping you", "please", "do you
  have", "is there any way") whose object is a job the student would get: a verb of
  getting (get, land, find, have, offer, ...) followed by a job, internship, position,
  role, opening or spot — or asking whether such openings exist;
- the student's own aim (I'm looking for / applying for / interested in a position)
  joined to a plea for help with it, or a wish to join the reader's team or lab.

It is **not** a job ask when the job is theirs ("your role"), a kind of job being
discussed ("what entry-level roles look like", "how people find internships", "advice
on applying"), a modifier ("internship search"), negated ("I'm not asking for a job"),
or something the reader offered ("thank you for offering to refer me").
"""

import re

from .patterns import lazy
from .patterns import verbose as _c
from .text import Sentence, clause_before

# --- pieces shared by the job-ask patterns ------------------------------------------

_HIRING_PEOPLE = (
    r"(?:recruit\w*|hiring(?:\s+(?:manager|team|committee|lead|partner)s?)?|hr\b|human\s+"
    r"resources|talent(?:\s+acquisition)?|people\s+team|person\s+(?:in\s+charge\s+of|who\s+"
    r"handles)\s+hiring)"
)
_JOB_WORDS = r"(?:jobs?|internships?|positions?|roles?|openings?|vacanc(?:y|ies)|spots?)"
_WORKPLACE = (
    r"(?:team|company|firm|lab|laboratory|group|organi[sz]ation|office|department|practice|"
    r"agency|studio|startup|start-up|business|division|unit|program|project|research)"
)

# "I'm not asking for a job": a negation ahead of the ask, unless "but" turns it around.
_NEGATION = _c(
    r"""\b(?:not|n't|never)\b(?:\s+[\w']+){0,4}?\s+
        (?:ask\w*|look\w*|seek\w*|request\w*|expect\w*|here|writing|reaching|after|about|
           trying|hoping|interested|angling|fishing)\b
      | \b(?:not|n't)\s+(?:a|an)\s+(?:job|internship|request)
      | \b(?:rather\s+than|instead\s+of|without|no\s+need\s+to)\s+
           (?:ask\w*|look\w*|seek\w*|request\w*)
    """
)
_CONTRAST = lazy(r"\b(?:but|however|though|although|yet)\b")
# The reader raised it first: engaging is fine.
_THEY_OFFERED = _c(
    r"""\byou\s+(?:\w+\s+)?(?:offered|mentioned|suggested|said|brought\s+up|raised|told\s+me|
           recommended|encouraged|invited)\b
      | \boffer(?:ed|ing)\s+to\b | \byour\s+(?:kind\s+)?offer\b
      | \bthanks?\s+(?:you\s+)?(?:\w+\s+){0,2}for\s+(?:the|your)\s+(?:\w+\s+)?
           (?:referral|introduction|intro)\b"""
)

_STRONG = [
    # refer me / a referral — except to a person to talk to ("refer me to a colleague").
    _c(
        rf"""\brefer(?:ring)?\s+me\b
             (?!\s+to\s+(?!(?:the|a|an|your|their)\s+(?:[\w-]+\s+){{0,2}}
                 (?:{_HIRING_PEOPLE}|{_JOB_WORDS}|application|opening|posting)))
             (?!\s+(?:on|back|to\s+(?:[a-z]+\s+){{0,2}}(?:else|other|others|who|that)))"""
    ),
    _c(
        rf"""\b(?:a|an|any|employee|internal|job|the)\s+referral\b
             (?!\s+to\s+(?!(?:the|a|an|your)\s+(?:[\w-]+\s+){{0,2}}(?:{_HIRING_PEOPLE}|{_JOB_WORDS})))
             (?!\s+(?:from|network|program|bonus|process|you\s+gave|you\s+made))"""
    ),
    _c(
        r"\bput\s+in\s+a\s+(?:good\s+)?word\b|\bput\s+a\s+good\s+word\s+in\b|\bgood\s+word\s+for\s+me\b"
    ),
    _c(
        rf"""\b(?:pass|passing|forward|forwarding|send|sending|share|sharing|hand|handing|submit|
               submitting|give|giving|get|getting|put|route|flag|show)\s+
             (?:along\s+|on\s+)?(?:my|this|it|the\s+attached|me)\s*
             (?:r[eé]sum[eé]|cv|application|name|profile|materials|information|info|portfolio)?\s*
             (?:along\s+|on\s+|forward\s+|over\s+)?(?:to|with|in\s+front\s+of)\s+
             (?:the\s+|your\s+|a\s+|someone\s+(?:on|in|from)\s+(?:the\s+|your\s+)?)?
             (?:[\w-]+\s+)?{_HIRING_PEOPLE}"""
    ),
    _c(r"\bput\s+(?:my\s+name|me)\s+(?:forward|in\s+for|up\s+for)\b"),
    _c(r"\b(?:hire|hiring|employ|onboard)\s+me\b|\b(?:take|bring)\s+me\s+(?:on|onto|aboard|in)\b"),
    _c(
        r"""\bconsider(?:ing)?\s+me\b(?!\s+(?:a|an|as\s+a\s+(?:friend|mentee)))
          | \b(?:be|being|get|getting)\s+considered\b
          | \bconsider\s+(?:hiring|my\s+(?:application|candidacy|r[eé]sum[eé]|cv))"""
    ),
    _c(
        r"""\bkeep\s+me\s+in\s+mind\b(?!\s+(?:if|when|should)\s+you\s+(?:hear|think|know)\s+of\s+
              (?:anyone|someone|somebody|people|others|a\s+(?:person|colleague|contact))
              |\s+for\s+(?:future\s+|any\s+)?(?:events?|panels?|conversations?|gatherings?|
              meetups?|workshops?|talks?))
          | \bkeep\s+my\s+(?:r[eé]sum[eé]|cv|name|application|information|info)\s+on\s+file\b
          | \bthink\s+of\s+me\s+(?:for|if|when|should)\b"""
    ),
    _c(
        rf"""\b(?:recommend|vouch\s+for|advocate\s+for|endorse)\s+me\s+
             (?:for|to\s+(?:the|your|a)\s+(?:[\w-]+\s+)?(?:{_HIRING_PEOPLE}|{_JOB_WORDS}|manager))
          | \bvouch\s+for\s+me\b"""
    ),
    _c(
        r"""\bget\s+me\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:job|internship|position|role|spot|
              place|offer|interview|opening|foot)s?\b
          | \bget\s+me\s+(?:hired|in\s+the\s+door|into\s+(?:the|your)\s+(?:company|firm|team|
              program|organi[sz]ation))
          | \b(?:offer|give|find|land)\s+me\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}
              (?:job|internship|position|role|spot|place|offer|interview|opening)s?\b
          | \bget\s+my\s+foot\s+in\s+(?:the|your)\s+door\b"""
    ),
    _c(
        rf"""\b(?:if|when|whenever|should|once|as\s+soon\s+as)\s+
             (?:(?:a|an|any)\s+(?:[\w-]+\s+){{0,3}}{_JOB_WORDS}|(?:[\w-]+\s+){{0,2}}{_JOB_WORDS})\s+
             (?:(?:opens?|opened|frees?|pops?)\s+up|becomes?\s+(?:available|open)|
                (?:is|are)\s+(?:available|open)\b)
          | \b(?:if|when|whenever|should|once)\s+(?:anything|something)\s+(?:opens?\s+up|
             becomes?\s+available)\b(?!\s+(?:in|on)\s+your\s+(?:schedule|calendar))"""
    ),
    _c(
        rf"""\b(?:connect|introduce|put)\s+me\s+(?:in\s+touch\s+)?(?:to|with)\s+
             (?:the\s+|a\s+|your\s+|someone\s+(?:on|in|from)\s+(?:the\s+|your\s+)?)
             (?:[\w-]+\s+)?{_HIRING_PEOPLE}"""
    ),
    _c(
        rf"""\b(?:good|great|strong|right|perfect)\s+(?:fit|candidate|match|addition)\s+
             (?:for|to)\s+(?:your|the)\s+
             (?:[\w-]+\s+)?(?:{_WORKPLACE}|role|position|opening|job|internship)\b"""
    ),
    _c(
        r"""\bwho\s+(?:\w+\s+){0,3}(?:hiring\s+manager|recruiter|handles\s+(?:the\s+)?(?:hiring|
             recruiting)|is\s+hiring|does\s+(?:the\s+)?(?:hiring|recruiting))"""
    ),
    _c(
        r"\bconsider\s+(?:this|my)\s+(?:email|note|message|letter)\s+(?:as\s+)?(?:my|an)\s+application"
    ),
    _c(
        r"\b(?:inquire|inquiring|enquire|enquiring)\s+(?:about|regarding|after|into)\s+(?:any\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:opportunit\w+|openings?|positions?|vacanc\w+|jobs?|internships?|"
        r"employment|roles?)\b"
    ),
    _c(
        r"""\b(?:know|hear)\s+(?:of\s+)?(?:anyone|anybody|someone|any\s+(?:companies|firms|teams|
             labs|places|organi[sz]ations))\s+(?:who\s+(?:is|are|might\s+be)\s+|that\s+(?:is|are)\s+)?
             (?:hiring|looking\s+for\s+(?:an?\s+)?(?:interns?|new\s+grads?|analysts?|help|
             candidates|someone))"""
    ),
]
_WHOEVER_HIRES = (
    r"(?:whoever|whomever|anyone\s+who|someone\s+who|somebody\s+who|the\s+(?:right\s+)?"
    r"(?:person|people|folks|team)\s+(?:who|that))\s+(?:\w+\s+)?(?:handles?|does|do|runs?|"
    r"manages?|is\s+in\s+charge\s+of|are\s+in\s+charge\s+of|oversees?|makes?|looks?\s+after|"
    r"decides?\s+on|is\s+responsible\s+for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:hiring|recruit\w*|"
    r"hires|internships?|applications?|staffing)"
)
_STRONG += [
    # "forward my resume to whoever handles hiring"
    _c(rf"\b(?:to|with|in\s+front\s+of)\s+{_WHOEVER_HIRES}\b"),
    # "give me referral for SDE post": a referral, with or without its article
    _c(
        r"""\b(?:give|get|provide|offer|write|do|arrange)\s+(?:me\s+)?(?:a\s+|an\s+)?
             (?:job\s+|employee\s+|internal\s+)?referral\b
          | \breferral\s+(?:for|to)\s+(?:the\s+|a\s+|an\s+|your\s+|any\s+)?(?:[\w-]+\s+){0,3}
             (?:post|posts|role|roles|position|positions|job|jobs|opening|openings|internships?|
             opportunit\w+|vacanc\w+|req|requisition|program)\b"""
    ),
    # "if your team ever needs an extra pair of hands, I'd jump at the chance"
    _c(
        r"""\b(?:if|when|whenever|should|in\s+case)\s+(?:your|the|you)\s+(?:[\w-]+\s+){0,2}
             (?:ever\s+)?(?:needs?|could\s+use|can\s+use|is\s+looking\s+for|are\s+looking\s+for|
             wants?|requires?)\s+(?:an?\s+|any\s+|some\s+)?(?:extra\s+|another\s+|more\s+|
             additional\s+|spare\s+)?(?:pair\s+of\s+hands|hands|help|intern|interns|
             assistants?|research\s+assistants?|juniors?|analysts?|people|someone|a\s+person|
             support|volunteers?)\b"""
    ),
    _c(r"\b(?:extra|spare|another)\s+pair\s+of\s+hands\b"),
    # "the right person in HR"
    _c(
        rf"""\b(?:to|with)\s+(?:the\s+|a\s+)?(?:right|appropriate|relevant)?\s*(?:person|people|
             team|contact|someone)\s+(?:in|on|at|from)\s+(?:the\s+|your\s+)?{_HIRING_PEOPLE}"""
    ),
    # "any room for an intern"
    _c(
        r"""\b(?:room|space|spot|place|opening|need)\s+for\s+(?:an?\s+|another\s+|one\s+more\s+)?
             (?:intern|interns|research\s+assistant|assistant|new\s+grad|junior|trainee)\b"""
    ),
    _c(
        r"""\bjump\s+at\s+(?:the|any)\s+(?:chance|opportunity)\s+to\s+(?:join|work|intern|
             help\s+out|contribute|be\s+part)"""
    ),
]
# "Is your team hiring?" — only as a question or an "if/whether" clause.
_HIRING_QUESTION = _c(
    r"""\b(?:are|is)\s+(?:you|your\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+|[\w&.-]+)\s+
        (?:currently\s+|still\s+|now\s+|actively\s+)?(?:hiring|recruiting|taking\s+on|
        accepting\s+(?:interns?|applications|new\s+grads?|students|research\s+assistants?))\b
      | \b(?:take|taking|bring|bringing)\s+on\s+(?:an?\s+|any\s+|new\s+)?(?:interns?|new\s+grads?|
        research\s+assistants?|undergrad\w*|students?)\b
      | \b(?:if|whether)\s+(?:you|your\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+|[\w&.-]+)\s+
        (?:are|is)\s+(?:currently\s+|still\s+|now\s+)?(?:hiring|recruiting|taking\s+on)\b"""
)

# --- a job as the object of a request --------------------------------------------------

_NOUN = _c(
    r"""\b(?:jobs?|internships?|positions?|roles?|openings?|vacanc(?:y|ies)|placements?|
           co-?ops?|externships?|(?:job|return|internship|full-time)\s+offers?|spots?|
           opportunit(?:y|ies)|interviews?|space|room|place|seat)\b"""
)
_MODIFIED = _c(
    r"""\s+(?:search\w*|hunt\w*|recruit\w*|program\w*|season|process\w*|application\w*|cycle|
           fairs?|experiences?|market|interview\w*|posting\w*|boards?|descriptions?|
           requirements?|responsibilit\w*|titles?|history|track|models?|prep\w*|levels?|
           expectations?|landscape|trends?|outlook|rotations?|structure|paths?|pipeline|
           timelines?|deadlines?|openings?|positions?|roles?|spots?|opportunit\w*|offers?|
           play|playing|stipend|coordinator|supervisor|mentor|cohort|class|credit|report)\b"""
)
_POSSESSIVE = lazy(
    r"\b(?:your|their|his|her|my|our|its|(?!(?:it|that|there|what|here|who|he|she|let|where|how)'s)"
    r"[a-z]+'s)$"
)
_NOT_AN_ADJECTIVE_WORDS = """
a an any the some has have had is are was were be for of to in on at with about and or
if whether
"""
_NOT_AN_ADJECTIVE = set(_NOT_AN_ADJECTIVE_WORDS.split())
_LIKE_YOURS = _c(
    r"^\s+(?:like|similar\s+to|such\s+as|comparable\s+to)\s+(?:yours|your\s+own|theirs)"
)
# "openings in this field" are a question about the field, not a request for one.
_IN_THE_FIELD = _c(
    r"""\s+(?:in|within|across|for)\s+(?:this|the|my|that|your|our|a|an)\s+(?:[\w-]+\s+)?
        (?:field|industry|area|sector|space|profession|world|market|line\s+of\s+work|career)s?\b"""
)
_HELD_BY_THEM = _c(
    r"^\s+(?:that\s+|which\s+)?you\s+(?:have|hold|had|held|are\s+in|were\s+in|took|started|do|play)"
)
_NOT_A_JOB = {
    "role": _c(r"^\s+(?:of|model|play)\b"),
    "position": _c(r"^\s+(?:of|to|yourself|myself|themselves|itself)\b"),
    "interview": _c(
        rf"^(?!\s+(?:with|at|for)\s+(?:your|the|a|an)\s+(?:[\w-]+\s+){{0,2}}"
        rf"(?:{_WORKPLACE}|role|position|job|internship|opening)\b|\s+for\s+me\b(?!\s+to\b))"
    ),
    "opening": _c(r"^\s+(?:a|an|the|up|my|your|doors?|remarks?|keynote|session|night|act)\b"),
    "spot": _c(
        rf"^(?!\s+(?:on|in|at|with)\s+(?:your|the)\s+(?:[\w-]+\s+)?{_WORKPLACE}\b|\s+for\s+me\b(?!\s+to\b))"
    ),
    "opportunit": _c(
        rf"""^(?!\s+(?:at|on|with|in)\s+(?:your|the)\s+(?:[\w-]+\s+)?{_WORKPLACE}\b
             |\s+to\s+(?:work|intern|join)\b|\s+for\s+me\b(?!\s+to\b))"""
    ),
}
_NOT_A_JOB_BEFORE = {
    "role": _c(r"\bplay(?:s|ed|ing)?\s+(?:a|an|the)?\s*(?:[\w-]+\s+)?$"),
    "position": _c(r"\bin\s+a\s+(?:[\w-]+\s+)?$"),
    "opening": _c(r"-$"),
    "interview": _c(r"\b(?:informational|info|an\s+informal|this|our|the)\s+$"),
}
_PLACES = {"spot", "spots", "space", "room", "place", "seat"}  # only "... in your lab/team"
_JOBLIKE_OPPORTUNITY = _c(
    r"""\b(?:job|internship|employment|work|career|open|paid|hiring|intern|full-time|part-time|
           summer|entry-level|research)\s+$"""
)

# A request aimed at the reader.
_ASK_FRAME = _c(
    r"""\b(?:could|would|can|will|might)\s+you\b
      | \b(?:could|can|may|might)\s+i\b
      | \bwould\s+it\s+be\s+possible\b | \bis\s+there\s+(?:any|a|some)\s+(?:way|chance)\b
      | \bany\s+chance\b
      | \b(?:i'm|i\s+am|i\s+was|i'd\s+been|i\s+had\s+been)\s+(?:\w+\s+)?(?:hoping|wondering)\s+
          (?:if\s+|whether\s+|that\s+)?(?:you|your)\b
      | \bi\s+(?:hope|wonder|wondered)\s+(?:if\s+|whether\s+|that\s+)?(?:you|your)\b
      | \bplease\b
      | \bi(?:'d|\s+would)\s+(?:\w+\s+)?(?:appreciate|be\s+(?:\w+\s+)?(?:grateful|thankful))\b
      | \b(?:if|whether)\s+(?:you|your\s+[\w-]+)\s+(?:could|would|might|can|are|were|have|has|
          know|hear|happen)\b
      | \blet\s+me\s+know\b | \bdo\s+you\s+(?:have|know)\b | \bdoes\s+(?:your|the)\b"""
)
_EXISTS = _c(
    r"""(?:\b(?:are|is)\s+there|\b(?:whether|if)\s+there(?:'s|\s+(?:are|is|might\s+be|may\s+be))|
         \bthere(?:'s|\s+(?:are|is))\s+(?=any)|\bdo\s+you\s+(?:have|know\s+of|see)|
         \b(?:does|do)\s+(?:your|the)\s+[\w-]+(?:\s+[\w-]+)?\s+have|
         \b(?:if|whether)\s+(?:you|your\s+[\w-]+)\s+(?:have|has|know\s+of|hear\s+(?:of|about)|see|
           come\s+across)|\blet\s+me\s+know\s+(?:of|about)|\bany\s+chance\s+(?:there(?:'s|\s+(?:is|are|might\s+be))|you\s+(?:have|might\s+have)))
       \s+(?:(?:any|an?|some)\s+)?(?P<lead>(?:[\w-]+\s+){0,2})$"""
)
_FILLER_WORDS = """
to about of for on in with how that which and or advice tips resources information
questions insight suggestions recommendations time minutes no not many much enough few
plenty lots more fewer typically usually often generally really
"""
_FILLER = set(_FILLER_WORDS.split())
_SELF_AIM = _c(
    r"""\b(?:looking|searching|hunting|hoping|applying|interested|seeking|aiming|trying)\s+
        (?:for|in|to\s+(?:get|land|find|secure|obtain))\s+(?:a|an|any|the|one)\s+
        (?P<lead>(?:[\w-]+\s+){0,3})$"""
)
_HELP = _c(
    r"""\bhelp\s+(?:me\s+)?(?:get|find|land|secure|obtain|with\s+(?:it|this|that|my\s+application|
           the\s+process|getting|applying))\b
      | \b(?:could|can|might|would|able\s+to)\s+help\b(?!\s+me\s+(?:understand|learn|think|
           figure|decide|see|explore|prepare))
      | \bany\s+(?:help|assistance|support)\b(?!\s+(?:understanding|learning|figuring|thinking|
           exploring|preparing))
      | \b(?:assist|support)\s+(?:me\s+)?(?:with|in)\s+(?:getting|finding|landing|securing|my\s+
           application)
      | \b(?:refer|vouch|leads?|point\s+me\s+(?:to|toward)|connect\s+me|put\s+me\s+in\s+touch|
           keep\s+me\s+in\s+mind|know\s+of|anything\s+you\s+(?:can|could)|a\s+good\s+word|
           pass\s+(?:it|my)|forward)\b
      | \blet\s+me\s+know\s+(?:if|of|about|whether)\s+(?:any|there|you\s+hear|anything|something)"""
)
_WANT_YOURS = _c(
    rf"""\bi(?:'d|\s+would)\s+(?:really\s+|truly\s+|absolutely\s+)?love\s+(?:a|an|the)\s+
         (?:[\w-]+\s+){{0,3}}{_JOB_WORDS}\s+(?:at|on|with|in|for)\s+(?:your|you|the)\b"""
)
_JOIN = _c(
    rf"""\b(?:join|joining|be\s+part\s+of|become\s+part\s+of|work\s+(?:for|at|with|on|in|
           alongside|under)|intern\s+(?:at|for|with|on|in|under)|contribute\s+to)\s+
         (?:you|your|the)\s+(?:[\w-]+\s+){{0,2}}{_WORKPLACE}\b(?!'s|\s+(?:call|meeting|event|
         webinar|session|open\s+house|info\s+session|panel|chat|newsletter|mailing\s+list))
      | \b(?:work|working|intern|interning)\s+(?:for|with|under|alongside)\s+you\b
         (?!\s+(?:and|to|about|on\s+(?:a|the|this)\s+(?:call|chat)))"""
)
_JOIN_FRAME = _c(
    r"""\b(?:could|can|may|might)\s+i\b|\bwould\s+you\b|\bis\s+there\s+(?:any\s+)?(?:way|chance)\b|
        \bany\s+chance\b|\bi(?:'d|\s+would)\s+(?:\w+\s+)?(?:love|like|welcome|appreciate)\b|
        \bi(?:\s+really)?\s+(?:hope|want|wish)\s+to\b|\b(?:the\s+)?(?:chance|opportunity)\s+to\b|
        \bplease\b|\b(?:let|allow|have)\s+me\b|\bhaving\s+me\b|\bif\s+(?:i|you)\s+could\b|
        \bwhether\s+i\s+could\b|\bi'm\s+hoping\s+to\b|\bi\s+am\s+hoping\s+to\b|
        \b(?:would|'d)\s+(?:really\s+|truly\s+|absolutely\s+)?(?:love|like)\s+to\b|
        \b(?:hoping|eager|excited|keen|looking|wanting|aiming|trying|dying)\s+to\b"""
)
# Words that turn a mention of a job into a question about jobs in general.
_ABOUT_JOBS = _c(
    r"""\b(?:how|what|what's|which|where|when|why|advice|tips?|insights?|guidance|strateg\w*|
           suggestions?|learn\w*|hear\w*|understand\w*|know\s+more|talk\w*|chat\w*|
           tell\s+me\s+(?:about|how|what|more|a\s+bit)|
           discuss\w*|walk\s+me\s+through|prepar\w*|about|regarding|on|into|explor\w*|
           experiences?|curious|questions?|navigat\w*|thoughts?|views?|perspectives?|
           typical\w*|usual\w*|general\w*|common\w*|stand\s+out|competitive|compet\w*|process)\b"""
)


_WINDOW = 300  # how far back a frame can govern a job; keeps long pastes fast


def _window(low: str, position: int) -> str:
    return low[max(0, position - _WINDOW) : position]


def _negated(low: str, position: int) -> bool:
    before = _window(low, position)
    return any(not _CONTRAST.search(before, m.end()) for m in _NEGATION.finditer(before))


def _possessed(before: str) -> bool:
    """Is the job someone's ("your role", "my internship"), not one being asked for?"""
    words = before.split()
    for back in range(1, min(len(words), 4) + 1):
        word = words[-back]
        if _POSSESSIVE.search(word):
            return True
        if word in _NOT_AN_ADJECTIVE:
            return False
    return False


def _is_job_noun(low: str, match: re.Match) -> bool:
    word = match.group()
    before = _window(low, match.start())
    after = low[match.end() : match.end() + _WINDOW]
    stem = "spot" if word in _PLACES else next((k for k in _NOT_A_JOB if word.startswith(k)), None)
    if stem == "opportunit":
        if not (_JOBLIKE_OPPORTUNITY.search(before) or not _NOT_A_JOB[stem].search(after)):
            return False
    elif stem and _NOT_A_JOB[stem].search(after):
        return False
    if stem in _NOT_A_JOB_BEFORE and _NOT_A_JOB_BEFORE[stem].search(before):
        return False
    if _possessed(before) or _LIKE_YOURS.search(after) or _IN_THE_FIELD.match(after):
        return False
    if re.search(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}$", before) and _HELD_BY_THEM.search(
        after
    ):
        return False
    return not (" " not in word and _MODIFIED.match(after))


def _window_ok(lead: str) -> bool:
    """The words between a frame and the job may only describe the job."""
    return not any(word in _FILLER for word in lead.split())


def _job_object_asked(low: str, noun: re.Match) -> bool:
    before = _window(low, noun.start())
    offset = noun.start() - len(before)
    exists = _EXISTS.search(before)
    if (
        exists
        and _window_ok(exists.group("lead"))
        and not _ABOUT_JOBS.search(clause_before(low, offset + exists.start()))
    ):
        return True
    if _ABOUT_JOBS.search(clause_before(low, noun.start())):
        return False
    for frame in _ASK_FRAME.finditer(before):
        lead = before[frame.end() :]
        getting = re.search(
            r"\b(?:get|getting|land|landing|secure|securing|find|finding|obtain|obtaining|"
            r"offer|offering|give|giving|have|has|provide|providing|arrange|fill|score|snag|"
            r"apply\s+for|considered\s+for|interview\s+for)\s+(?:me\s+|us\s+)?"
            r"(?:(?:a|an|any|the|one|some|that|this|your\s+open|an\s+open)\s+)?"
            r"((?:[\w-]+\s+){0,3})$",
            lead,
        )
        if getting and _window_ok(getting.group(1)):
            return True
    aim = _SELF_AIM.search(before)
    return bool(aim and _window_ok(aim.group("lead")) and _HELP.search(low, offset + aim.start()))


_AT_YOURS = _c(
    rf"""\b(?:any\s+)?(?:[\w-]+\s+){{0,2}}(?P<noun>opportunit(?:y|ies)|openings?|positions?|
         vacanc(?:y|ies)|internships?)\s+(?:available\s+|open\s+)?(?:at|on|with|in|within)\s+
         (?:your|the)\s+(?:[\w-]+\s+)?{_WORKPLACE}\b"""
)
_DISCUSSING = _c(
    r"""\b(?:ask\w*|learn\w*|hear\w*|know|about|regarding|discuss\w*|chat\w*|talk\w*|
         curious|interested|explore|exploring|information|info|details|leads?|help|assist\w*|
         grateful|appreciate\w*|love|like|hoping|hope|want|wanted|looking|seeking|searching|
         considered|pursue|pursuing)\b"""
)
_NOT_JOBS_THERE = lazy(
    r"\b(?:volunteer\w*|networking|mentor\w*|learning|speaking|shadowing|training|development|"
    r"events?)\s+opportunit"
)
_QUESTION_WORD = lazy(r"\b(?:how|what|which|where|why|when)\b")


def _asks_about_openings_there(low: str) -> re.Match | None:
    """Interest in openings at the reader's workplace: "internship opportunities at your firm"."""
    for match in _AT_YOURS.finditer(low):
        if _NOT_JOBS_THERE.search(match.group()):
            continue
        clause = clause_before(low, match.start("noun"))
        if (
            _DISCUSSING.search(clause)
            and not _QUESTION_WORD.search(clause)
            and not _negated(low, match.start())
        ):
            return match
    return None


def job_ask_in(sentence: Sentence) -> re.Match | None:
    """Where ``sentence`` asks the reader for a job, or None."""
    low = sentence.low
    if _THEY_OFFERED.search(low):
        return None
    for pattern in _STRONG:
        for match in pattern.finditer(low):
            if not _negated(low, match.start()):
                return match
    for match in _HIRING_QUESTION.finditer(low):
        if (sentence.is_question or match.group().startswith(("if", "whether"))) and not (
            _negated(low, match.start())
        ):
            return match
    for match in _WANT_YOURS.finditer(low):
        if not _negated(low, match.start()):
            return match
    match = _asks_about_openings_there(low)
    if match:
        return match
    for match in _JOIN.finditer(low):
        before = _window(low, match.start())
        if (
            _JOIN_FRAME.search(before)
            and not _ABOUT_JOBS.search(clause_before(low, match.start()))
            and not _negated(low, match.start())
        ):
            return match
    for noun in _NOUN.finditer(low):
        if (
            _is_job_noun(low, noun)
            and _job_object_asked(low, noun)
            and not _negated(low, noun.start())
        ):
            return noun
    return None
