"""The request itself: is there an ask for a conversation, how long, and when.

An ask for a conversation is a sentence that both *mentions* a conversation (a call, a
chat, a meeting, coffee, talking or speaking with them, asking them a few questions,
twenty minutes of their time, whether they are free) and is *framed as a request* (a
question, "would you be open to", "I was wondering if we could", "I'd love to schedule",
"please let me know if"). Either alone is not an ask: "I look forward to hearing from
you" mentions no conversation; "I'd love to learn more about your work" requests none.
"""

from dataclasses import dataclass

from .patterns import lazy
from .patterns import verbose as _c
from .text import Sentence

_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "one": 1,
    "two": 2,
    "three": 3,
    "an": 1,
    "a": 1,
}
_AMOUNT = (
    r"(?:\d{1,3}(?:\.\d)?|five|ten|fifteen|twenty(?:-five)?|thirty|forty(?:-five)?|fifty|"
    r"sixty|ninety|one|two|three)"
)
_DURATION = _c(
    rf"""\b(?P<low>{_AMOUNT})(?:\s*(?:-|to|or)\s*(?P<high>{_AMOUNT}))?[\s-]*
          (?P<unit>min|mins|minutes?|hrs?|hours?)\b
       | \b(?P<half>half[\s-](?:an[\s-])?hour)\b
       | \b(?P<an_hour>an|one)[\s-]hour\b
       | \bhour[\s-]long\b"""
)

CONVERSATION = _c(
    r"""\b(?:call|calls|chat|chats|conversation|conversations|convo|meeting|meetings|meet|meet-up|
           meetup|coffee|zoom|facetime|skype|webex|google\s+meet|teams\s+call|phone|video|
           informational\s+interview|info\s+interview|informational|discussion|sit-down|
           get-together)\b
      | \b(?:speak|speaking|chatting|talking|meeting)\b(?!\s+(?:engagements?|skills|events?|
           circuit|notes|minutes|agenda|room)\b)
      | (?<!your\s)(?<!the\s)(?<!a\s)\btalk\b(?!\s+(?:at|on)\s+the\b)
      | \b(?:catch\s+up|hop\s+on|jump\s+on|sit\s+down|get\s+together)\b
      | \bconnect(?:ing)?\s+(?:with\s+(?:you|me)\s+)?(?:briefly|over|by|via|on\s+a|for\s+a|
           sometime|soon|this|next|in\s+the|when|live|in\s+person|virtually)\b
      | \bpick\s+your\s+brain\b
      | \b(?:ask|asking)\s+you\s+(?:\w+\s+){0,3}questions?\b
      | \b(?:answer|answering)\s+(?:\w+\s+){0,3}questions?\b
      | \b(?:some|any|a\s+little|a\s+bit\s+of|a\s+few\s+minutes\s+of|\w+\s+minutes\s+of)\s+
           (?:of\s+)?your\s+time\b
      | \b(?:some|a\s+little|any)\s+time\s+(?:to|for|in|this|next|soon|when)\b
      | \b(?:have|has|find|spare|make)\s+(?:some\s+|a\s+little\s+|any\s+|the\s+)?time\b
      | \ba\s+(?:good\s+)?time\s+(?:that|when|to)\b
      | \b(?:\d{1,3}|a\s+few|few|five|ten|fifteen|twenty|thirty)\s*(?:-|to|or)?\s*\d{0,3}[\s-]*
           (?:min|mins|minutes?)\b
      | \bhalf[\s-](?:an[\s-])?hour\b
      | \b(?:are|be|is|were)\s+(?:you\s+)?(?:free|available)\b
      | \byour\s+availability\b
      | \b(?:find|set\s+up|schedule|arrange|book|pick|suggest)\s+(?:a\s+|some\s+)?(?:time|slot)s?\b
      | \bschedule\b
      | \bconnect\s+(?:and|to)\s+(?:\w+\s+)?(?:learn|hear|chat|talk|ask|discuss|get|swap)\b"""
)

REQUEST = _c(
    r"""\?
      | \b(?:would|could|can|will|might|may)\s+(?:you|we|i)\b
      | \bwould\s+it\s+be\b | \bis\s+there\b
      | \bare\s+you\s+(?:open|available|free|willing|up\s+for|around|interested)\b
      | \bif\s+(?:you|possible|so|that|there|it|your)\b
      | \bi(?:'m|\s+am|\s+was)\s+(?:\w+\s+)?(?:wondering|hoping)\b | \bi\s+wonder\b
      | \bi\s+(?:really\s+)?hope\s+(?:we|you|to)\b
      | \b(?:i'd|i\s+would)\s+(?:\w+\s+)?(?:love|like|appreciate|welcome|value|enjoy|
           be\s+(?:\w+\s+)?(?:grateful|thankful|honored|delighted|thrilled|glad|happy))\b
      | \bplease\b | \blet\s+me\s+know\b | \blet's\b | \bdo\s+you\s+have\b | \bany\s+chance\b
      | \b(?:wanted|want|writing|reaching\s+out|here)\s+to\s+(?:ask|see|request|invite)\b
      | \bto\s+see\s+(?:if|whether)\b | \brequest(?:ing)?\b | \bfeel\s+free\b
      | \b(?:open|willing|available)\s+to\b
      | \bwould\s+be\s+(?:\w+\s+)?(?:great|wonderful|amazing|ideal|helpful|fantastic|lovely|
           perfect|appreciated|valuable)\b
      | \bwould\s+mean\s+a\s+lot\b | \bhappy\s+to\s+(?:work\s+around|fit|meet|hop|chat|talk)\b
      | \bwould\s+(?:also\s+|really\s+|so\s+|truly\s+|still\s+)?(?:love|like|appreciate|welcome|
           enjoy|value)\b
      | \b(?:love|keen|eager|glad|delighted|excited)\s+(?:to|for)\b | \b(?:down|up)\s+for\b
      | \bhow\s+(?:about|does|do)\b | \bwhen\s+(?:are|would|could|might|is)\b
      | \blooking\s+forward\s+to\s+(?:a|an|our|the|chatting|talking|speaking|meeting|connecting|
           catching|hearing\s+(?:more|about|how|what))\b
      | \bhoping\s+(?:to|for|we)\b | \bpossible\s+to\b | \bpls\b | \bplz\b | \blmk\b
      | \bkindly\b | \bgrateful\s+(?:for|if)\b | \bappreciate\s+(?:it|a|any|the|if|your)\b"""
)


def is_conversation_ask(sentence: Sentence) -> bool:
    """A conversation asked for: mentioned and requested, or mentioned with times offered."""
    low = sentence.low
    if not CONVERSATION.search(low):
        return False
    return bool(REQUEST.search(low) or offers_availability(sentence.text, low))


# What may be an ask the checker can't read for sure: the reader's time or a meeting
# named with them, or a length of time, without a request around it.
_MAYBE_ASK = _c(
    r"""(?:call|chat|coffee|zoom|meeting|meet|conversation|talk|catch\s+up)\b[^.?!]{0,40}
           \b(?:you|your)\b
      | \b(?:you|your)\b[^.?!]{0,40}\b(?:call|chat|coffee|zoom|meeting|meet|conversation|talk)\b
      | \b\d{1,2}\s*(?:-|to)?\s*\d{0,2}[\s-]*(?:min|mins|minutes?)\b"""
)


def maybe_an_ask(sentence: Sentence) -> bool:
    return bool(_MAYBE_ASK.search(sentence.low))


def mentions_conversation(sentence: Sentence) -> bool:
    return bool(CONVERSATION.search(sentence.low))


@dataclass(frozen=True)
class Duration:
    minutes: float
    start: int
    end: int


def _amount(word: str) -> float:
    word = word.strip()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return 0.0


def durations(sentence: Sentence) -> list[Duration]:
    """Lengths of time a sentence names, in minutes ("15-20 minutes" counts as 20)."""
    found = []
    for match in _DURATION.finditer(sentence.low):
        if match.group("half"):
            minutes = 30.0
        elif match.group("an_hour") or match.group().startswith("hour"):
            minutes = 60.0
        else:
            amount = _amount(match.group("high") or match.group("low"))
            minutes = amount * 60 if match.group("unit").startswith("h") else amount
        if minutes <= 0 or minutes > 4 * 60:  # "100 hours of volunteering" is no meeting
            continue
        found.append(
            Duration(minutes, sentence.start + match.start(), sentence.start + match.end())
        )
    return found


_AVAILABILITY = _c(
    r"""\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b
      | \b(?:weekday|weekend)s?\b
      | \b\d{1,2}(?::\d{2})?\s*(?:-\s*\d{1,2}(?::\d{2})?\s*)?(?:am|pm|a\.m\.|p\.m\.)
      | \bnoon\b | (?<!good\s)\b(?:morning|afternoon|evening)s?\b
      | \b(?:this|next|the\s+coming|coming|following|upcoming|later\s+this)\s+
           (?:few\s+|couple\s+(?:of\s+)?|two\s+|several\s+)?
           (?:week|weeks|month|months|days|semester|term|quarter)\b
      | \bin\s+the\s+(?:next|coming)\s+\w+
      | \b(?:any\s?time|anytime|flexible|whenever)\b
      | \byour\s+(?:availability|schedule|convenience|calendar)\b
      | \b(?:time|times|day|days|date|dates|slot|slots)\s+(?:that\s+)?(?:works?|suits?|
           is\s+convenient|are\s+convenient|would\s+work|might\s+work|work\s+best)\b
      | \bwhat\s+works\b
      | \bwhen\s+(?:works|it\s+works|you're\s+free|you\s+are\s+free|you're\s+available|
           you\s+are\s+available|would\s+(?:work|be\s+(?:good|best|convenient)))\b
      | \bwhen(?:ever)?\s+(?:it\s+)?(?:is\s+|'s\s+)?convenient\b
      | \b(?:january|february|march|april|june|july|august|september|october|november|december|
           jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|may)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b
      | \b\d{1,2}/\d{1,2}\b
      | \bcalendly\b
      | \bsometime\s+(?:soon|this|next|in|over)\b
      | \b(?:today|tomorrow|tonight)\b
      | \b(?:free|available)\s+(?:on|after|before|during|most|any|all|every|this|next|in|
           between|from|around)\b
      | \bwork\s+around\s+your\b | \bfit\s+(?:it\s+)?(?:in|into)\s+your\b
      | \b(?:spring|winter|summer|fall|thanksgiving|holiday)\s+break\b"""
)
_TIME_ZONE = lazy(r"\b(?:[ECMP][SD]?T|GMT|UTC|BST|CET)\b")


def offers_availability(text: str, low: str) -> bool:
    return bool(_AVAILABILITY.search(low) or _TIME_ZONE.search(text))


_ARRIVAL = _c(
    r"""\b(?:\d{1,3}|a\s+few|few|five|ten|fifteen|twenty|thirty)\s*(?:-|to|or)?\s*\d{0,3}[\s-]*
           (?:min|mins|minutes?)\b
      | \b\d{1,2}:\d{2}\b | \b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)
      | \bhalf[\s-](?:an[\s-])?hour\b | \b(?:an|one)\s+hour\b | \bby\s+\d
      | \bquarter\s+(?:past|to|after|of)\b | \bnoon\b
      | \b(?:in|within)\s+(?:\d{1,2}|five|ten|fifteen|twenty)\b(?!\s*(?:days?|weeks?|months?|years?|
           hours?|%|percent))"""
)


def says_when_to_expect_you(low: str) -> bool:
    return bool(_ARRIVAL.search(low))
