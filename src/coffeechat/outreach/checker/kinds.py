"""Which kind of message this is, when the student didn't say.

Guessing wrong would be costly only one way: a request treated as a thank-you note would
not be told that it never asks for a conversation. So each guess needs a clear sign —
thanks *for a conversation that happened*, an update *about advice they gave*, a note
*that you are late* — and anything else is a request.
"""

from .patterns import lazy
from .patterns import verbose as _c

REQUEST, FOLLOW_UP, THANK_YOU, RUNNING_LATE, KEEP_IN_TOUCH = (
    "request",
    "follow-up",
    "thank-you",
    "running-late",
    "keep-in-touch",
)
KINDS = (REQUEST, FOLLOW_UP, THANK_YOU, RUNNING_LATE, KEEP_IN_TOUCH)


_LATE = _c(
    r"""\brunning\s+(?:\w+\s+){0,3}(?:late|behind)\b
      | \b(?:be|am|i'm|i\s+am|will\s+be|'ll\s+be)\s+(?:(?:a|few|couple|bit|little|\d+|five|ten|
           fifteen|twenty|about|around|roughly|maybe|probably|slightly|running|minutes?|mins?|of)\s+)
           {0,4}late\b(?!-)
      | \bstuck\s+(?:in|on)\s+(?:traffic|the\s+(?:train|subway|bus|highway))\b
      | \b(?:train|bus|flight|subway|shuttle)\s+(?:is|was|has\s+been|got)\s+(?:\w+\s+)?delayed\b
      | \bon\s+my\s+way\b
      | \bbehind\s+schedule\b | \beta\b
      | \b(?:be|get)\s+there\s+(?:in|by|around|at)\s+(?:\d|a\s+few|about|around|ten|five|fifteen)
      | \b(?:\d{1,2}|a\s+few|few|couple\s+of|five|ten|fifteen)\s*(?:min|mins|minutes)\s+
           (?:late|behind|delayed|away|out)\b
      | \b(?:delayed|late)\s+by\s+(?:\d|a\s+few|about|around|ten|five|fifteen)
      | \b(?:missed|miss)\s+(?:my|the)\s+(?:train|bus|connection|shuttle)\b"""
)
_MET = (
    r"(?:meet|meeting|speak|speaking|talk|talking|chat|chatting|sit\s+down|sitting\s+down|"
    r"connect|connecting)"
)
_THANKED_FOR_MEETING = _c(
    rf"""\b(?:thank\s+you|thanks|thx|ty|tysm)\s+(?:\w+\s+){{0,3}}for\s+
        (?:taking\s+(?:the\s+)?time\s+(?:out\s+)?(?:of\s+your\s+\w+\s+)?to\s+{_MET}
         | {_MET}\s+(?:with|w/?)\s+me
         | (?:meeting|seeing|talking\s+to|speaking\s+to|having|hosting)\s+(?:me|us)\b
         | (?:giving\s+me\s+)?(?:your|the)\s+(?:[\w-]+\s+)?time\b[^.!?]{{0,30}}\b(?:today|yesterday|
           tonight|this\s+(?:morning|afternoon|evening|week)|last\s+\w+|on\s+\w+day|earlier)
         | (?:the|our|today's|yesterday's|this\s+\w+'s|last\s+week's)\s+(?:\w+\s+)?
           (?:conversation|chat|call|meeting|talk|coffee|discussion|informational\s+interview)
         | your\s+time\s+(?:today|yesterday|this\s+\w+|on\s+\w+day|last\s+week))
      | \bit\s+was\s+(?:\w+\s+){{0,2}}(?:great|wonderful|a\s+pleasure|lovely|helpful|nice|
           a\s+treat|an\s+honor)\s+(?:to\s+)?{_MET}\s+(?:with\s+)?(?:you\s+)?
           (?:today|yesterday|this\s+\w+|on\s+\w+day|earlier)
      | \b(?:appreciate|appreciated|grateful\s+for|thankful\s+for)\s+(?:you\s+|your\s+)?
           (?:taking\s+(?:the\s+)?time|(?:the|your|our)\s+(?:[\w-]+\s+)?(?:time|conversation|chat|
           call|meeting|talk)|speaking|meeting|talking|chatting)\b[^.!?]{{0,60}}\b(?:today|yesterday|
           tonight|this\s+(?:morning|afternoon|evening|week)|last\s+\w+|on\s+\w+day|earlier)
      | \bi\s+(?:really\s+|truly\s+|so\s+)?enjoyed\s+(?:our\s+(?:\w+\s+)?(?:conversation|chat|call|
           meeting|talk)|(?:speaking|talking|chatting)\s+with\s+you)"""
)
_IN_ADVANCE = lazy(r"\bin\s+advance\b|\bfor\s+considering\b")
_UPDATE = _c(
    r"""\b(?:wanted\s+to|want\s+to|writing\s+to|write\s+to|like\s+to|a\s+(?:quick\s+)?note\s+to|
           happy\s+to|excited\s+to|thrilled\s+to|pleased\s+to|glad\s+to)\s+
        (?:give\s+you\s+(?:a\s+(?:quick\s+)?|an\s+)?update|update\s+you|let\s+you\s+know|
         share|tell\s+you|report|say\s+(?:hi|hello|that|thanks|thank\s+you|i\b)|check\s+in|
         catch\s+you\s+up|pass\s+along)
      | \b(?:quick|brief|small|little|short)\s+update\b | \bgood\s+news\b | \ban\s+update\b
      | \bthought\s+you(?:'d|\s+would|\s+might)\s+(?:like|want|enjoy|be\s+glad)\s+to\s+(?:know|hear)
      | \bjust\s+checking\s+in\b | \bcatch\s+you\s+up\b
      | \bit's\s+been\s+(?:a\s+while|a\s+few|some|several|almost|nearly|over)\b
      | \bi(?:'ve|\s+have)?\s+(?:just\s+|recently\s+|finally\s+|officially\s+|now\s+)?
           (?:accepted|started|joined|landed|signed|was\s+accepted|was\s+admitted|
           been\s+accepted|been\s+admitted|got\s+(?:into|the|an?|my)|finished|graduated|passed|
           completed|decided|enrolled|moved|secured|begun|shipped|published|presented)\b
      | \bi(?:'m|\s+am)\s+now\b | \b(?:small|some|big)\s+news\b"""
)
_PAST_HELP = _c(
    r"""\bsince\s+we\s+(?:last\s+)?(?:spoke|talked|met|chatted|connected)\b
      | \b(?:took|followed|taking|following|thanks\s+to)\s+your\s+(?:\w+\s+)?(?:advice|suggestion)
      | \byou\s+(?:suggested|recommended|mentioned|told\s+me|encouraged)
      | \bour\s+(?:\w+\s+)?(?:conversation|chat|call|meeting|talk)\b
      | \bthank(?:s|\s+you)\s+(?:\w+\s+){0,2}for\s+(?:your|the|all)\s+(?:\w+\s+)?
           (?:advice|help|time)
      | \b(?:when|since|after)\s+we\s+(?:last\s+)?(?:spoke|talked|met|chatted)\b
      | \bwe\s+(?:spoke|talked|met|chatted)\s+(?:in|last|back|at|about|over|on|a\s+few|a\s+couple)
      | \byour\s+(?:\w+\s+)?(?:advice|suggestion|encouragement|recommendation|tip|pointers?|
           guidance)\s+(?:\w+\s+)?(?:helped|was|were|made|paid\s+off|stuck|gave|really)\b
      | \byou\s+(?:advised|pointed\s+me|put\s+me\s+in\s+touch|introduced\s+me)\b"""
)
_FOLLOWING_UP = _c(
    r"""\bfollow(?:ing)?[\s-]+up\s+(?:on\s+)?(?:my|the|our)\s+(?:\w+\s+){0,2}(?:email|e-mail|mail|
           message|note|request|inquiry|invitation|connection|letter)
      | \bmy\s+(?:previous|earlier|last|prior|original|first)\s+(?:email|message|note|request)
      | \bi\s+(?:reached\s+out|wrote|emailed|messaged)\s+(?:to\s+you\s+)?(?:last|a\s+(?:week|couple|
           few)|two\s+weeks|earlier|on\s+\w+day|about\s+a|back\s+in)
      | \bcircling\s+back\b | \bbumping\s+(?:this|my)\b | \bchecking\s+back\b
      | \b(?:wanted\s+to|just|i'm|i\s+am)\s+(?:\w+\s+)?follow(?:ing)?\s+up\s*(?:[.,!;:-]|$)
      | \bfollow(?:ing)?\s+up\s+(?:to\s+see|in\s+case|once\s+more|again)\b
      | \bfollowing\s+up\s+(?:on|about|regarding)\s+(?:my|our)\b
      | \b(?:re-?send(?:ing)?|sending\s+(?:this|it|my\s+\w+)\s+again|writing\s+again|
           trying\s+(?:again|once\s+more))\b
      | \b(?:slipped|fell)\s+through\b | \bin\s+case\s+you\s+missed\b
      | \bgentle\s+(?:reminder|nudge|follow)\b | \b(?:got|gets|get)\s+(?:lost|buried)\b
      | \b(?:haven't|have\s+not|didn't|did\s+not)\s+(?:yet\s+)?heard\s+back\b
      | \bbump(?:ing)?\s+(?:this|my\s+(?:note|email|message))\b | \bresurfacing\b
      | \b(?:the|my)\s+(?:note|email|message)\s+below\b
      | \bfollow(?:ing)?[\s-]+up\b(?=[^.?!]{0,60}\b(?:last|earlier|previous|note|email|message|
           request|week|ago|(?:mon|tues|wednes|thurs|fri)day)\b)"""
)


_THANKS = lazy(r"\b(?:thank|thanks|thx|ty|grateful)\b")


def _asks_for_a_conversation(low: str) -> bool:
    from .conversation import is_conversation_ask  # conversation imports nothing from here
    from .text import sentences

    return any(is_conversation_ask(sentence) for sentence in sentences(low))


# Sorry, and on the way: a short apology with a delay and when they'll arrive.
_SORRY = lazy(r"\b(?:sorry|sry|apolog\w*|regret)\b")
_HELD_UP = _c(
    r"""\b(?:delayed|delay|ran\s+(?:over|long|late)|running\s+(?:over|long)|traffic|stuck|
           missed\s+(?:my|the)|wrong\s+(?:building|room|entrance|address)|walking\s+over|
           on\s+(?:my|the)\s+way|be\s+(?:up|there|right\s+there)|join(?:ing)?\s+(?:the|our)\s+
           (?:call|zoom|meeting)|dial\s+in|minutes?\s+(?:away|out|behind)|parking|
           be\s+(?:in|on)\s+(?:the|our)\s+(?:call|zoom|meeting)|(?:is|was|went)\s+down)\b"""
)


def infer_kind(low: str, words: int) -> str:
    """The most likely kind of a message (folded text), defaulting to a request."""
    from .conversation import says_when_to_expect_you  # imports nothing from here

    if words <= 130 and _LATE.search(low):
        return RUNNING_LATE
    if words <= 60 and _SORRY.search(low) and _HELD_UP.search(low) and says_when_to_expect_you(low):
        return RUNNING_LATE
    update = _UPDATE.search(low)
    if update and _PAST_HELP.search(low):
        return KEEP_IN_TOUCH
    if _THANKED_FOR_MEETING.search(low) and not _IN_ADVANCE.search(low):
        return THANK_YOU
    # News (or their help recalled) and thanks, with no conversation asked for: an update.
    if (
        (update or _PAST_HELP.search(low))
        and _THANKS.search(low)
        and not _asks_for_a_conversation(low)
    ):
        return KEEP_IN_TOUCH
    if _FOLLOWING_UP.search(low):
        return FOLLOW_UP
    return REQUEST
