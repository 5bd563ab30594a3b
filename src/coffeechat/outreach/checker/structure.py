"""The parts a good message has: who you are, why them, what you hope to learn, thanks.

Each cue is a small set of ways people actually say the thing, matched on the folded
text. They are deliberately generous: these rules give warnings and tips, and a student
who did say who they are should never be told they didn't.
"""

from .patterns import lazy
from .patterns import verbose as _c
from .text import Sentence

_SELF_NOUNS = (
    r"(?:students?|junior|senior|sophomore|freshman|first-year|second-year|third-year|"
    r"fourth-year|final-year|undergrad\w*|graduate|grad|major|minor|candidate|alum\w*|postdoc|"
    r"researcher|intern|analyst|engineer|professional|teacher|nurse|changer|member|fellow|phd|"
    r"mba|scholar|transfer|trainee|apprentice|veteran|designer|developer|scientist|assistant|"
    r"associate|consultant|manager|coordinator|specialist|writer|journalist|learner|athlete|"
    r"[123]l|masters?|master's|post-?bac\w*|pre-?med|pre-?law|hopeful|newcomer|educator|"
    r"librarian|paralegal|technician|artist|musician|founder|volunteer|organizer|tutor|"
    r"msc|bsc|btech|mtech|meng|beng|llm|jd|md|mph|mpa|mpp|"
    r"fresher|graduand|postgrad\w*|doctoral|medic|resident|pharmacist|"
    r"(?:final|first|second|third|fourth|last)[\s-]year)"
)
INTRO = _c(
    rf"""\bmy\s+name(?:\s+is|'s)\b
      | \bthis\s+is\s+[a-z]+(?:\s+[a-z]+)?\s*(?:,|from|and|-|\.)
      | \b(?:i'm|i\s+am|as)\s+(?:a|an|one\s+of\s+the|currently\s+a|now\s+a)\s+
           (?:[\w'-]+\s+){{0,5}}?{_SELF_NOUNS}\b
      | \bi(?:'m|\s+am)\s+(?:currently\s+|now\s+)?(?:studying|majoring|minoring|pursuing|
           completing|finishing|working|interning|teaching|researching|in\s+my\s+\w+\s+year|
           enrolled|attending|graduating|at\s+[a-z])\b
      | \bi\s+(?:study|attend|recently\s+graduated|graduated|work\s+(?:at|as|in|for)|
           will\s+graduate|transferred|teach|research|run|lead|manage)\b
      | \bi(?:'ll|\s+will)\s+(?:be\s+)?graduat\w*\b | \bi(?:'m|\s+am)\s+graduating\b
      | \bclass\s+of\s+'?\d{{2,4}}\b | (?<![\w'])'\d{{2}}\b
      | \b(?:fellow|current)\s+(?:[\w-]+\s+){{0,2}}(?:student|alum\w*|grad\w*|member|intern)
      | \bi(?:'m|\s+am)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|-)\s*(?:a|an|the)\b
      | ,\s+(?:a\s+|an\s+|the\s+)?(?:[\w'-]+\s+){{0,4}}?{_SELF_NOUNS}\b
      | \b(?:i'?m|i\s+am|im|myself)\s+(?:a\s+|an\s+|the\s+|currently\s+(?:a\s+|an\s+)?)?
           (?:[\w'-]+\s+){{0,5}}?{_SELF_NOUNS}\b
      | \b(?:i'?m|i\s+am|im)\s+(?:currently\s+)?(?:in\s+my|doing|at|from|with|on|an?\s+\w+\s+at)\b
      | \bmyself\s+[a-z]+ | ^\s*(?:i'?m|i\s+am|im|this\s+is)\s+[a-z]+(?:\s+[a-z]+)?\s*(?:[,.!-]|$)
      | \b{_SELF_NOUNS}\b[^.?!\n]{{0,50}}\bhere\b(?!\s+(?:is|are|at|in|to))
      | \b{_SELF_NOUNS}\s+(?:at|from|of|in)\s+[a-z]
      | \b(?:currently\s+)?(?:studying|majoring\s+in|pursuing)\s+[^.?!\n]{{0,50}}\b(?:at|in)\b"""
)
REASON = _c(
    r"""\byour\s+(?:[\w-]+\s+){0,2}(?:work|research|role|experience|experiences|career|path|
           journey|background|article|articles|post|posts|talk|presentation|panel|book|paper|
           papers|podcast|interview|team|company|firm|lab|expertise|transition|move|story|
           profile|project|projects|perspective|insights?|leadership|writing|blog|newsletter|
           webinar|lecture|class|course|contributions|achievements|accomplishments|position|
           job|decision|switch|pivot|program|startup|organization|department|studio|practice|
           time|field|specialty|focus|advocacy|efforts|publications?|op-ed|essay|thesis|
           speech|keynote|session|comments|tenure|years|trajectory|route|shift|background|
           achievements|approach|mission|portfolio|designs?|campaign|reporting|studies|seminar|
           workshop|demo|show|exhibit|exhibition|episode|documentary|clinic|case|cases|
           study|story|stories|series|piece|column|op-ed|app|product|novel|film|album)\b
      | \bis\s+(?:the\s+|a\s+big\s+)?(?:reason|why)\b | \bwhy\s+i(?:'m|\s+am)\s+(?:writing|
           reaching|emailing|contacting)\b | \bthe\s+reason\s+i\b
      | \bgiven\s+your\b | \b(?:because|since|as)\s+you\b
      | \b(?:saw|read|reading|came\s+across|noticed|found|heard|listened|watched|attended|
           follow|followed|admire|admired|impressed|inspired|enjoyed|loved|fascinated|struck|
           intrigued|caught\s+my|stood\s+out|stands\s+out|resonated)\b
      | \b(?:suggested|recommended|encouraged|told\s+me|pointed\s+me|referred\s+me|
           gave\s+me\s+your|passed\s+along|shared\s+your|mentioned\s+(?:you|your)|
           introduced\s+us|connected\s+us)\b
      | \byour\s+name\b | \bwe(?:'re|\s+are)?\s+(?:met|spoke|talked|connected|both|share)\b
      | \bfellow\b
      | \bmutual\b | \balso\s+(?:went|attended|studied|graduated|majored|grew)
      | \bshared\s+(?:interest|background|alma|connection|passion|experience)
      | \byou\s+(?:\w+\s+)?(?:work|worked|lead|led|built|wrote|spoke|started|founded|moved|
           transitioned|made|studied|went|spent|joined|switched|pivoted|run|manage|teach|
           taught|research|focus|specialize|created|designed|launched|published|presented|
           shared|posted|mentioned|helped|mentor)\b
      | \byou(?:'re|\s+are)\s+(?:a|an|the|now|currently|working|leading)\b | \byou've\b
      | \b(?:said|thought|felt|figured|noted|mentioned|says|thinks)\s+(?:that\s+)?
           (?:you|i\s+(?:should|might|could|would|reach|contact|talk|write)|we\s+(?:should|might))
      | \bsuggestion\b | \brecommendation\b | \bput\s+me\s+in\s+touch\b
      | \bgot\s+your\s+(?:name|email|contact|details|info|number|address)\b
      | \b(?:forwarded|sent|passed|pointed|directed|steered)\s+(?:me\s+)?(?:on\s+)?
           (?:your|me\s+(?:to|your|in\s+your))\b
      | \b(?:via|through|thanks\s+to|per)\s+(?:my\s+|our\s+)?(?:friend|professor|advisor|adviser|
           colleague|mentor|manager|cousin|classmate|boss|coach|counselor|teacher|[a-z]+'s)\b
      | \b(?:friend|professor|advisor|adviser|colleague|mentor|manager|cousin|classmate|boss|coach|
           counselor|teacher|aunt|uncle|sister|brother|neighbor|roommate)\s+(?:\w+\s+){0,3}
           (?:suggested|recommended|said|mentioned|told|thought|pointed|passed|gave|shared|
           introduced|connected|encouraged|speaks|spoke)\b
      | \b(?:career\s+fair|info(?:rmation)?\s+session|conference|booth|open\s+house|panel|
           meetup|networking\s+(?:event|night)|mentoring\s+program|mentor\s+program)\b
      | \b(?:alum\w*|graduate|grad)\s+(?:of|from)\b | \bsame\s+(?:school|program|university|
           college|major|hometown|path)\b | \bboth\s+(?:went|studied|attended|grew|came)\b"""
)
LEARNING_GOAL = _c(
    r"""\blearn\w* | \bhear\s+(?:more\s+|a\s+bit\s+)?(?:about|abt|how|what|your|from\s+you\s+about)
      | \b(?:deciding|choosing|torn|weighing|back\s+and\s+forth)\s+(?:\w+\s+){0,2}
           (?:between|whether)
      | \btrying\s+to\s+(?:decide|figure\s+out|choose|understand|work\s+out)
      | \bask\s+(?:you\s+)?(?:how|what|why|which|whether|where|when)\b
      | \byour\s+(?:honest\s+)?(?:view|views|opinion|input|read|thoughts)\b
      | \bunderstand\w* | \badvice\b | \binsights?\b | \bperspectives?\b | \bguidance\b
      | \bquestions?\b | \bcurious\b | \bwhat\s+(?:it's|it\s+is|it\s+was)\s+like
      | \bwhat\b[^.?!]{0,40}\b(?:was|is|were|are|'s)\s+like\b
      | \b(?:share|explain|describe|tell\s+me)\s+(?:\w+\s+){0,2}(?:what|how|why|which)\b
      | \b(?:involves?|entails?|looks\s+like|look\s+like)\b
      | \binterested\s+(?:in|to\s+know)\s+(?:how|what|why|which|whether|learning|hearing)\b
      | \b(?:want|like|love|wish)\s+to\s+know\b | \bto\s+know\s+(?:what|how|why|which|whether)\b
      | \bhow\s+you\s+(?:got|became|moved|made|decided|transitioned|chose|ended|built|found|
           broke|went|started|came|navigated|approach|balance|think)
      | \bget\s+a\s+(?:sense|feel|better\s+(?:idea|sense|understanding))
      | \b(?:talk|chat|chatting|talking|discuss|speak|speaking|conversation|call|ask\w*)\s+
           (?:[\w-]+\s+){0,10}(?:about|abt|through|regarding|on\s+how)\b
      | \bknow\s+more | \btips\b | \byour\s+(?:thoughts|take|story|path|journey)
      | \bpick\s+your\s+brain | \btell\s+me\s+(?:about|more) | \bwalk\s+me\s+through
      | \bexplor\w* | \bdiscuss\w*"""
)
THANKS = _c(
    r"\bthank\w* | \bthanks\b | \bthx\b | \bty\b | \bgrateful\b | \bgratitude\b | \bappreciat\w*"
    r" | \bcheers\b | \bkudos\b"
)
# A takeaway names something: vague praise ("I learned a lot", "it was very helpful",
# "great insights") does not count, a thing learned, advice taken or a next step does.
TAKEAWAY = _c(
    r"""\blearn\w*\s+(?:(?:so\s+much|a\s+lot|a\s+great\s+deal|plenty)\s+)?(?:that|how|why|which|
           what|where|when|about\s+(?!(?:it|that|this|the\s+(?:industry|field|role|job|work)|
           your\s+(?:work|job|role|career|path|experience)|everything|so\s+many\s+things)\b))
      | \b(?:especially|particularly|in\s+particular|above\s+all|most\s+of\s+all)\b
      | \bstuck\s+with\s+me | \bresonated\b | \beye-opening\b | \bopened\s+my\s+eyes\s+to\b
      | \btook\s+away | \btakeaways?\b | \bnext\s+steps?\b | \bstill\s+thinking\s+about\b
      | \bwhen\s+you\s+(?:said|mentioned|explained|described|talked|told|pointed|suggested|shared|
           spoke)\b
      | \byou\s+(?:mentioned|explained|described|suggested|recommended|told\s+me|pointed\s+out|
           shared|said|advised|encouraged)\b
      | \byour\s+(?:\w+\s+)?(?:advice|point|suggestion|suggestions|tip|tips|insight|insights|
           recommendation|recommendations|perspective|comment|story|idea|encouragement|
           explanation|description|thoughts|example|question)\s+(?:about|on|to|that|regarding|of)\b
      | \bi(?:'ll|\s+will|\s+plan\s+to|'m\s+going\s+to|\s+am\s+going\s+to|'m\s+planning\s+to|
           \s+have\s+already|'ve\s+already|\s+already|'ve\s+just|\s+just|'m\s+now|\s+am\s+now)\s+
           (?:\w+\s+)?(?:follow|take|look|reach|read|start|apply|try|check|sign|join|contact|email|
           use|explore|signed|started|reached|looked|read|joined|emailed|applied|registered|enrolled|
           signed\s+up|ordered|bought|downloaded|booked|set\s+up|rewrote|updated|revise|rewrite|
           update|talk|speak|ask|focus|prioriti[sz]e|drop|add|register|enroll|attend|volunteer)
      | \brealiz\w*\s+(?:that|how|i|what) | \bnow\s+(?:i\s+(?:know|understand|see|realize)|know|
           understand|see)\s+(?:that|how|why|what)
      | \bhearing\s+(?:about|how|that|what)\s+(?!(?:your\s+(?:work|job|role|career|path|
           experience)|it)\b)
      | \b(?:the\s+)?(?:point|part|idea|tip|advice|story)\s+(?:about|on|that)\b
      | \bgave\s+me\s+(?:a\s+)?(?:clear|concrete|new|specific)\b
      | \b(?:taking|took|following|followed|acting\s+on)\s+your\s+(?:\w+\s+)?(?:advice|suggestion|
           tip|recommendation)
      | \b(?:signing|signed)\s+up\s+for\b"""
)
RESUME = _c(
    r"""\b(?:attached|attaching|attach|enclosed|enclosing|included|including|sent|sending)\s+
        (?:is\s+|are\s+|you\s+|here\s+)?(?:my|a\s+copy\s+of\s+my|a)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}
        (?:r[eé]sum[eé]|cv|curriculum\s+vitae)\b
      | \b(?:my\s+)?(?:r[eé]sum[eé]|cv)\s+(?:is\s+|are\s+)?(?:attached|enclosed|below|included)\b
      | \b(?:r[eé]sum[eé]|cv)\s+(?:for\s+your\s+(?:review|reference|consideration))"""
)
_GREETING = lazy(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40}[,!:]?$"
)
_SIGN_OFF = lazy(
    r"^(?:best|best\s+regards|regards|kind\s+regards|warm(?:est)?\s+regards|warmly|sincerely|"
    r"cheers|thanks|thank\s+you|many\s+thanks|all\s+the\s+best|respectfully|gratefully|"
    r"with\s+gratitude|take\s+care)\b[^.!?]{0,30}$"
)
_FIRST = lazy(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b")
_SECOND = lazy(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll|u|ur|urs)\b")
_POLITE_YOU = lazy(r"\bthank\s+you\b|\b(?:see|talk\s+to|hear\s+from)\s+you\s+soon\b")


def is_greeting_or_sign_off(sentence: Sentence) -> bool:
    line = sentence.low.strip()
    return bool(_GREETING.match(line) or _SIGN_OFF.match(line))


def mostly_about_me(sentences: list[Sentence]) -> bool:
    """Nearly all about the writer: a long self-description and hardly a word on them.

    Introducing yourself takes a few sentences in a good request, so only a message with
    at least four times as many words about the writer as about the reader (and at least
    40 of them) is called mostly about the writer.
    """
    about_me, about_them = self_and_them_words(sentences)
    return about_me >= 40 and about_me >= 4 * about_them


def self_and_them_words(sentences: list[Sentence]) -> tuple[int, int]:
    """Words in sentences about the writer alone, and in those that turn to the reader.

    A sentence that names the reader ("I saw your post") or says what the writer hopes
    to learn counts for the reader; one that only describes
    the writer counts for the writer; thanks and times offered count for neither.
    """
    about_me = about_them = 0
    for sentence in sentences:
        if is_greeting_or_sign_off(sentence):
            continue
        low = plain_shorthand(_POLITE_YOU.sub(" ", sentence.low))
        size = len(sentence.low.split())
        if _SECOND.search(low) or LEARNING_GOAL.search(low):
            about_them += size
        elif _FIRST.search(low) and not THANKS.search(low) and not _TIMES.search(low):
            about_me += size
    return about_me, about_them


_SHORTHAND = {
    "u": "you",
    "ur": "your",
    "abt": "about",
    "gonna": "going to",
    "wanna": "want to",
    "im": "i'm",
    "ive": "i've",
    "w": "with",
    "thx": "thanks",
    "pls": "please",
}
_SHORTHAND_WORD = lazy(r"\b(?:" + "|".join(_SHORTHAND) + r")\b(?!['/])")
_TIMES = lazy(r"\b(?:free|available|flexible)\b")


def plain_shorthand(low: str) -> str:
    """Texting shorthand written out ("ur" as "your"), for the cues only: offsets change."""
    return _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group()], low)
