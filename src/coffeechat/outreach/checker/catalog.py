"""Every rule the checker has, in one table: what it looks for, why, an example, what to do.

``coffeechat check --explain RULE`` prints an entry and the compose page's "Why?" link
shows the same one. ``rules.severity`` says where each rule applies and how seriously;
``where`` below says it in words. A rule the checker can report and this table lacks
fails ``tests/outreach/test_checker_catalog.py``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    where: str  # how serious, and for which messages
    looks_for: str
    why: str
    example: str  # a sentence or message that trips the rule
    fix: str  # what to do about it

    def explanation(self) -> str:
        """The entry as plain text, for the command line."""
        return "\n".join(
            [
                f"{self.id}: {self.title}",
                "",
                f"When: {self.where}",
                f"Looks for: {self.looks_for}",
                f"Why: {self.why}",
                f"Example: {self.example}",
                f"What to do: {self.fix}",
            ]
        )


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in [
        Rule(
            "empty",
            "The message is empty",
            "An error for every message.",
            "A message with no text in it.",
            "There is nothing to send yet.",
            "(an empty box)",
            "Write one sentence on who you are, one on why them, and your question.",
        ),
        Rule(
            "placeholder",
            "A template blank is still in the text",
            "An error for every message, in the text and in the subject line.",
            "Blanks in the styles templates and mail-merge tools use: {{ their_first_name }}, "
            "{Company}, [Company], <Name>, <<Name>>, %COMPANY%, *|FNAME|*, XXX, ___. Blanks "
            "side by side, like [First Name] [Last Name], count as one.",
            "A blank left in tells the reader that this is a form letter, and they answer "
            "form letters least of all.",
            "Dear [First Name], I enjoyed your talk at %COMPANY% last week.",
            "Put in the real name or detail. If you have no detail to put in, rewrite the "
            "sentence without it.",
        ),
        Rule(
            "merge-gap",
            "A blank was filled with nothing",
            "A warning for every message.",
            "What a mail merge leaves when a field was empty: punctuation twice (“,,” or "
            "“. .”), a space before a comma after a word that needs more words (“on .”, "
            "“at  ,”), a greeting with no name (“Dear ,”).",
            "The reader sees a sentence with a hole in it and knows a tool wrote it.",
            "I read your article on . and was struck by it.",
            "Read the sentence around the gap and either fill in what was meant or rewrite it.",
        ),
        Rule(
            "job-ask",
            "Asking them for a job or a referral",
            "An error for every message.",
            "A request that they give, find or refer you to a job, an internship or a "
            "position: refer me, pass my resume to whoever hires, keep me in mind, is your "
            "team hiring, if your team needs an extra pair of hands. Talking about jobs in "
            "general (how people find internships, what the role involves) is fine.",
            "People agree to an informational interview to share what they know. A job ask "
            "turns it into an application, and many stop answering.",
            "Could you forward my resume to whoever handles hiring?",
            "Take the sentence out and ask what you want to learn. If they mention openings "
            "themselves, you can follow their lead then.",
        ),
        Rule(
            "salary",
            "Asking what they earn",
            "An error for every message.",
            "A question about their own pay: what you make, what someone in your position "
            "earns, the raise you got when you changed employer, whether your firm pays "
            "well.",
            "Pay is personal. Asked by a stranger, it reads as prying and can end the exchange.",
            "I'm curious what someone in your position takes home.",
            "Take it out. If pay matters to you, ask about typical ranges for the field "
            "during the conversation, not in the first message.",
        ),
        Rule(
            "pay-talk",
            "Pay in a first message",
            "A warning in requests and follow-ups.",
            "A question about pay in the field (starting salaries, whether the pay is "
            "competitive) in a message to someone you haven't met.",
            "General ranges are a fair question once you are talking, but leading with "
            "money in a first note makes it look like the reason you wrote.",
            "I'd also like to know whether the pay in consulting is competitive.",
            "Keep the question for the conversation and leave it out of the message.",
        ),
        Rule(
            "over-limit",
            "Too long for LinkedIn",
            "An error for LinkedIn notes (200 characters, 300 with Premium).",
            "A note with more characters than LinkedIn lets you send, counted the way a "
            "reader sees them (an emoji or an accented letter is one).",
            "LinkedIn refuses the note, or cuts it off.",
            "A 240-character connection note on a free account.",
            "Keep who you are, why them and your question; the rest can wait until they accept.",
        ),
        Rule(
            "no-ask",
            "No ask for a conversation",
            "An error in a request or a follow-up when you chose the kind; a warning when "
            "the kind was worked out from the text; a tip when something in it may be an ask.",
            "A sentence asking for a conversation: a call, a chat, coffee, a few questions, "
            "some of their time — in any form, a question or “I'd love a 15-min chat”, or "
            "times offered for a call.",
            "Without an ask, the reader can't tell what you hope they'll do, so they do nothing.",
            "I'm a junior at Rice and I admire your work on flood maps. I look forward to "
            "hearing from you.",
            "End with one clear question, e.g. “Would you have 20 minutes for a call in the "
            "next two weeks?”",
        ),
        Rule(
            "too-long",
            "Longer than it needs to be",
            "Emails only. Requests: a tip over 100 words, a warning over 150. Follow-ups: a "
            "tip over 75, a warning over 120. Thank-you and keep-in-touch notes: a warning "
            "over 200. Running-late notes: a tip over 60.",
            "The words you wrote, not counting a quoted earlier message or your signature.",
            "A busy person decides from the first screen whether to answer.",
            "A 180-word request with two paragraphs of background.",
            "Cut background they can find on your LinkedIn; keep who, why them, what you "
            "hope to learn and the ask.",
        ),
        Rule(
            "no-intro",
            "Doesn't say who you are",
            "A warning in requests.",
            "A line saying who is writing: your name, what you study or do, where.",
            "People answer someone they can place.",
            "Hi Dr. Lee, could we talk about your research for 20 minutes?",
            "Add one sentence, e.g. “I'm a second-year economics student at Tufts.”",
        ),
        Rule(
            "no-reason",
            "Doesn't say why them",
            "A warning in requests.",
            "Why you picked this person: their work, their path, something they wrote or "
            "said, a school you share, or who suggested you write.",
            "A note that could have gone to anyone reads as a mass mailing.",
            "I'm a junior studying economics. Could we talk for 20 minutes next week?",
            "Add what drew you to them, or name the person who pointed you to them.",
        ),
        Rule(
            "no-learning-goal",
            "Doesn't say what you hope to learn",
            "A warning in email requests, a tip in LinkedIn notes.",
            "What you want to find out: their path, a typical week, advice on a choice.",
            "A clear topic lets them say yes knowing what you'll ask.",
            "Could we have a 20-minute call next week?",
            "Add the one or two things you most want to ask about.",
        ),
        Rule(
            "no-time-bound",
            "Doesn't say how long, or asks for too long",
            "A warning in emails and a tip on LinkedIn when no length is named; a warning "
            "for more than 30 minutes. Requests and follow-ups.",
            "A length of time with the ask: 15 to 30 minutes.",
            "A short, definite request is easy to fit in; an open-ended one is easy to put off.",
            "Could we meet for an hour sometime?",
            "Ask for 15 to 30 minutes, e.g. “a 20-minute call.”",
        ),
        Rule(
            "no-availability",
            "No times offered",
            "A warning in email requests and follow-ups.",
            "Days or times you are free, or an offer to fit their schedule.",
            "Offering times lets them say yes in one reply.",
            "Would you have 20 minutes for a call?",
            "Add two or three times, e.g. “Tuesday or Thursday afternoons”, or ask what "
            "suits them.",
        ),
        Rule(
            "no-subject",
            "No subject line",
            "A warning for emails, except running-late notes.",
            "An empty subject line.",
            "An email without a subject is opened last, if at all.",
            "(no subject)",
            "Say who you are and what it's about, e.g. “Tufts sophomore — question about "
            "your path into UX research.”",
        ),
        Rule(
            "no-thanks",
            "No thanks",
            "A warning in emails and in every thank-you note; a tip in other LinkedIn "
            "notes. Not for running-late notes.",
            "A word of thanks anywhere in the message.",
            "They owe you nothing; thanks acknowledges their time.",
            "Could we talk for 20 minutes next week? Best, Ana",
            "Add one short line of thanks near the end.",
        ),
        Rule(
            "spelling",
            "A likely typo",
            "A warning for every message.",
            "A lower-case word not in the dictionary that is one slip from a common word, "
            "and the same word twice in a row. Names, capitalised words and your own "
            "dictionary are left alone.",
            "A typo in a first message is noticed before anything else in it.",
            "I'm intrested in your reserach.",
            "Fix the word, or add it to your dictionary if it is a name or term you meant.",
        ),
        Rule(
            "text-speak",
            "Texting shorthand",
            "A warning for every message.",
            "Shorthand from texting: u, ur, abt, pls, thx, ty, rn, lmk, bc, idk, gonna.",
            "To someone who doesn't know you, shorthand reads as careless, whatever the rest says.",
            "would love to hear abt ur path, lmk if u have time",
            "Write the words out: you, your, about, please, thank you.",
        ),
        Rule(
            "resume",
            "A resume attached",
            "A warning in requests and follow-ups.",
            "Mention of an attached or enclosed resume or CV.",
            "A resume makes the note read as a job application.",
            "I've attached my resume for your reference.",
            "Leave it out and keep it ready in case they ask.",
        ),
        Rule(
            "no-eta",
            "Doesn't say when you'll arrive",
            "A warning in running-late notes.",
            "A time or a number of minutes.",
            "They need to know whether to wait.",
            "So sorry, I'm running late!",
            "Say when to expect you, e.g. “about 10 minutes late” or “there by 2:15.”",
        ),
        Rule(
            "no-takeaway",
            "A thank-you that names nothing",
            "A warning in thank-you notes.",
            "Something specific from the conversation: advice you'll act on, a point that "
            "stayed with you, what you'll do next. “I learned a lot” and “it was very "
            "helpful” name nothing.",
            "A specific thank-you shows you listened, and it is the one they remember.",
            "Thank you for your time yesterday, I learned a lot.",
            "Name one thing they said and what you'll do with it, e.g. “Your advice to "
            "join a professional group gave me a next step.”",
        ),
        Rule(
            "about-them",
            "Mostly about you",
            "A tip in requests and follow-ups.",
            "A message where nearly every sentence is about you and almost none is about "
            "them or their work.",
            "People reply more when the note shows interest in them.",
            "A request that spends five sentences on your background and one on them.",
            "Turn one sentence about yourself into one about them — their work, their path, "
            "why you picked them.",
        ),
        Rule(
            "ask-as-question",
            "The ask isn't a question",
            "A tip in requests and follow-ups.",
            "An ask written as a statement, with no question mark.",
            "A question is easier to answer than a statement.",
            "I was wondering if we could talk next week.",
            "End the ask with a question mark, e.g. “Could we talk next week?”",
        ),
    ]
}


def explain(rule_id: str) -> Rule:
    """The catalog entry for ``rule_id``; KeyError for an unknown rule."""
    return RULES[rule_id]
