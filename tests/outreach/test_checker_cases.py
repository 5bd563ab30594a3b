"""A table of cases for every rule: what it must catch and what it must leave alone.

Sentence rules are tried inside an otherwise good request (``IN_A_GOOD_EMAIL``), so the
only thing that can trip them is the sentence. Whole-message rules get whole messages.
``test_every_rule_has_cases_both_ways`` keeps a new rule from arriving without its table.
"""

import pytest

from coffeechat.outreach.checker import check_message
from coffeechat.outreach.checker.catalog import RULES
from coffeechat.outreach.checker.parts import own_text

SUBJECT = "Oberlin junior curious about science journalism"
IN_A_GOOD_EMAIL = """Hi Ms. Okafor,

I'm a junior at Oberlin studying biology. Your reporting on the Lake Erie algae blooms is
the reason I started reading about science journalism. I'd love to hear how you moved from
the lab into writing. Would you have 20 minutes for a call next week? I'm free Tuesday and
Thursday afternoons. {sentence}

Thank you,
Dev"""

# rule -> (sentences or messages it must catch, ones it must leave alone)
SENTENCE_CASES = {
    "placeholder": (
        [
            "I also enjoyed your piece in {{ their_publication }}.",
            "Say hi to *|FNAME|* for me.",
            "I saw your talk at %COMPANY% last spring.",
            "I heard about you from <<Referrer Name>>.",
            "Your piece on [Topic] stayed with me.",
            "Your team at %Company% does great work.",
        ],
        [
            "The call could take 15–30 minutes (no more).",
            "My email is <dev@oberlin.edu>.",
            "We grew readership by 40% in a year and 12% the next.",
            "I read [the long version] you linked.",
        ],
    ),
    "merge-gap": (
        [
            "I also read your article on . It was great.",
            "A friend at  , who works with you, agrees.",
            "I enjoyed it,, truly.",
            "It was eye-opening. . I keep thinking about it.",
        ],
        [
            "Wait... I should add one thing.",
            "Is the algae story still running ?",
            "It's the piece I keep coming back to.",
            "I'll send the link, e.g. the one from May.",
            "I'm interested in  the way you edit.",
            "I was in Washington, D.C., for the summer.",
        ],
    ),
    "job-ask": (
        [
            "Could you forward my resume to whoever handles hiring?",
            "Kindly give me referral for the trainee reporter post.",
            "If your team ever needs an extra pair of hands, I'd jump at the chance.",
            "Could you refer me for the summer fellowship?",
            "Please keep me in mind if a position opens up.",
            "Is your newsroom hiring interns this summer?",
            "Could you send my CV to the right person in HR?",
            "Please let me know if your desk has any room for an intern.",
        ],
        [
            "I'm curious how people usually land their first reporting job.",
            "What does your role involve day to day?",
            "I'm not asking for a job, only for your advice.",
            "Thank you for offering to pass my name along.",
            "If you need anything for the alumni panel, let me know.",
            "Is there room for me to ask a question at the end?",
            "Could you recommend someone else I could speak with?",
        ],
    ),
    "salary": (
        [
            "I'm curious what someone in your position takes home.",
            "Did you get a good raise when you changed employers?",
            "Is the pay competitive at your paper?",
            "What do you make, if you don't mind me asking?",
            "what do ppl in ur role make?",
            "what do u make at the Times?",
            "Is it true that reporters at your paper start at 50k?",
        ],
        [
            "What do you make of the new AI tools in newsrooms?",
            "Your series on the gender pay gap is why I'm writing.",
            "I'd love to know how you raise funding for investigations.",
            "Freelancing pays off in ways I hadn't expected.",
        ],
    ),
    "pay-talk": (
        [
            "I'd also like to know whether the pay in journalism is competitive.",
            "What do entry-level reporters typically earn?",
            "How big a raise do people usually get when they switch outlets?",
            "Do science reporters get paid well?",
        ],
        [
            "I know pay is a topic for later, so I'll save it.",
            "I'd love to hear what a typical week looks like.",
            "Your story on minimum wage laws was excellent.",
            "I paid my way through college by tutoring.",
            "Taking statistics really paid off.",
        ],
    ),
    "text-speak": (
        [
            "Would love to hear abt ur path.",
            "lmk if u have time!",
            "ty so much in advance",
            "I'm gonna be in Cleveland in May.",
        ],
        [
            "I studied at the U of M before Oberlin.",
            "I analyse data in R and Python.",
            "Ty Warren, my editor, says hello.",
            "I can do it as soon as possible.",
        ],
    ),
    "spelling": (
        ["I'm intrested in how you choose stories.", "It was the the best piece I read."],
        ["Your piece on Lake Erie's cyanobacteria was superb.", "I had had no idea."],
    ),
    "resume": (
        ["I've attached my resume for your reference.", "My CV is attached."],
        ["I'm working on my resume this month.", "Happy to share writing samples if useful."],
    ),
}

SHORT_NOTE = "Hi Jo, I'm a junior at Rice. Your flood-map work is why I'm writing. {ask} Thanks! Li"

MESSAGE_CASES = {
    "empty": ([({}, ""), ({}, " \n\t\n")], [({}, "Hi")]),
    "over-limit": (
        [({"channel": "linkedin"}, SHORT_NOTE.format(ask="Could we talk for 15 minutes? " * 5))],
        [
            ({"channel": "linkedin"}, SHORT_NOTE.format(ask="Could we talk for 15 minutes?")),
            (
                {"channel": "linkedin", "premium": True},
                SHORT_NOTE.format(ask="Could we talk? " * 8),
            ),
        ],
    ),
    "no-learning-goal": (
        [({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes on Tuesday afternoon?"))],
        [
            ({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes on Tuesday about your path?")),
            (
                {},
                SHORT_NOTE.format(
                    ask="I'm weighing whether to do a master's. Could we talk "
                    "for 15 minutes on Tuesday?"
                ),
            ),
        ],
    ),
    "no-time-bound": (
        [
            ({}, SHORT_NOTE.format(ask="Could we talk about your path on Tuesday afternoon?")),
            ({}, SHORT_NOTE.format(ask="Could we talk for an hour about your path on Tuesday?")),
        ],
        [({}, SHORT_NOTE.format(ask="Could we talk for half an hour about your path on Tuesday?"))],
    ),
    "no-availability": (
        [({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes about your path?"))],
        [
            (
                {},
                SHORT_NOTE.format(
                    ask="Could we talk for 15 minutes about your path, whenever suits you?"
                ),
            ),
            ({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes about your path next week?")),
        ],
    ),
    "no-subject": (
        [({"subject": ""}, SHORT_NOTE.format(ask="Could we talk for 15 minutes next week?"))],
        [
            ({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes next week?")),
            ({"subject": "", "channel": "linkedin"}, SHORT_NOTE.format(ask="Could we talk?")),
        ],
    ),
    "no-thanks": (
        [
            (
                {},
                "Hi Jo, I'm a junior at Rice. Your flood-map work is why I'm writing. Could we "
                "talk for 15 minutes next week about it? Best, Li",
            )
        ],
        [
            ({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes next week about it?")),
            (
                {},
                "Hi Jo, I'm a junior at Rice. Your flood-map work is why I'm writing. Could we "
                "talk for 15 minutes next week about it? I'd be grateful. Li",
            ),
        ],
    ),
    "ask-as-question": (
        [
            (
                {},
                SHORT_NOTE.format(
                    ask="I was hoping we could talk for 15 minutes next week about your path."
                ),
            )
        ],
        [
            ({}, SHORT_NOTE.format(ask="Could we talk for 15 minutes next week about your path?")),
            (
                {},
                SHORT_NOTE.format(
                    ask="If you have 15 minutes next week, I'd love to hear about your path."
                ),
            ),
        ],
    ),
    "no-ask": (
        [
            (
                {"kind": "request"},
                "Hi Jo,\n\nI'm a junior at Rice and I admire your work on "
                "flood maps. I look forward to hearing from you.\n\nBest,\nLi",
            ),
            (
                {},
                "Hi Jo,\n\nI'm a junior at Rice and I admire your work on flood maps. I hope "
                "to learn more about it one day.\n\nBest,\nLi",
            ),
        ],
        [
            (
                {},
                "Hi Jo, I'm a junior at Rice. Your flood-map work is why I'm writing. Would "
                "also love a 15-min chat. Thanks! Li",
            ),
            (
                {},
                "Hi Jo, I'm a junior at Rice and your flood-map work is why I'm writing. I'm "
                "free Tuesday 2-4pm or Thursday morning for a 20-minute call. Thanks, Li",
            ),
            ({}, "Hi Jo, so sorry, my train is delayed and I'll be about 10 minutes late. Li"),
            (
                {},
                "Hi Jo, I wanted to share that I accepted the offer at Arup. Since we spoke, "
                "I took your advice and joined the ASCE chapter. Thanks again! Li",
            ),
        ],
    ),
    "no-intro": (
        [
            (
                {},
                "Hi Dr. Lee, your paper on tidal energy is why I'm writing. Could we talk "
                "for 20 minutes about it next week? Thank you!",
            )
        ],
        [
            (
                {},
                "Dear Dr. Lee, I am Arjun Mehta, final-year MSc student at Leeds. Your tidal "
                "energy paper is why I write. Could we talk for 20 minutes next week? Thanks",
            ),
            (
                {},
                "Hi Dr. Lee! Pharmacy student at Rutgers here. Your paper on drug pricing "
                "is why I'm writing. Could we talk 20 min next week? Thanks!",
            ),
            (
                {},
                "hi, im a 2L at GW and your clerkship path is why i'm writing. could we talk "
                "for 15 minutes next week? thank you",
            ),
            (
                {},
                "Hi Dr. Lee, I will be graduating from Rutgers in May. Your tidal energy "
                "paper is why I write. Could we talk for 20 minutes next week? Thanks",
            ),
        ],
    ),
    "no-reason": (
        [
            (
                {},
                "Hi Dr. Lee, I'm a junior studying economics at Tufts. Could we talk for 20 "
                "minutes next week? Thank you!",
            )
        ],
        [
            (
                {},
                "Hi Dr. Lee, I'm a junior studying economics at Tufts. My friend Sam Ortiz "
                "said you'd be the person to ask. Could we talk for 20 minutes? Thank you!",
            ),
            (
                {},
                "Hi Dr. Lee, I'm a junior at Tufts. Professor Ames thought we should connect. "
                "Could we talk for 20 minutes next week? Thank you!",
            ),
            (
                {},
                "Hi Dr. Lee, I'm a junior at Tufts, and we're both Hopkins alumni. Could we "
                "talk for 20 minutes next week about your path? Thank you!",
            ),
        ],
    ),
    "too-long": (
        [
            (
                {"kind": "follow-up"},
                "Hi Jo, following up on my note from last week. "
                + "I am still very keen to hear about your work. " * 14
                + "Could we talk? Li",
            )
        ],
        [
            (
                {},
                "Hi Jo,\n\nJust following up on my note below: would you have 15 minutes "
                "for a call next week?\n\nThanks,\nLi\n\nOn Tue, 4 Nov 2025 at 09:12, Li Wei "
                "<li@example.com> wrote:\n" + "> I am a junior at Rice studying civil "
                "engineering and I admire your work.\n" * 15,
            ),
            (
                {},
                "Hi Jo, could we talk for 20 minutes next week? I'm a junior at Rice. "
                "Thanks,\n\nBest,\nLi Wei\nB.S. Civil Engineering '26 | Rice University\n"
                "ASCE Student Chapter, Treasurer\n+1 713 555 0100 | linkedin.com/in/liwei\n"
                "Houston, TX | she/her | Pronounced LEE WAY\n",
            ),
        ],
    ),
    "no-takeaway": (
        [
            (
                {"kind": "thank-you"},
                "Hi Jo, thank you for your time yesterday, I learned a "
                "lot. It was very helpful. Best, Li",
            ),
            (
                {"kind": "thank-you"},
                "Dear Dr. Lee, thanks so much for our chat today. Great insights! Li",
            ),
        ],
        [
            (
                {"kind": "thank-you"},
                "Hi Jo, thank you for our call yesterday. Your advice about joining the "
                "ASCE chapter gave me a clear next step; I'll go to their May meeting. Li",
            )
        ],
    ),
    "no-eta": (
        [({"kind": "running-late"}, "Hi Jo, so sorry, I'm running late! Li")],
        [({"kind": "running-late"}, "Hi Jo, so sorry, I'll be about 10 minutes late. Li")],
    ),
    "about-them": (
        [
            (
                {},
                "Hi Jo,\n\nI'm a junior at Rice studying civil engineering. I grew up in "
                "Galveston and I have always loved the coast. I spent two summers as a "
                "lifeguard and I led my school's robotics club. I want to work on flood "
                "protection and I am applying to graduate programs. Would you have 20 "
                "minutes for a call next week?\n\nThanks,\nLi",
            )
        ],
        [
            (
                {},
                "Hi Jo,\n\nI'm a junior at Rice studying civil engineering, and I grew up in "
                "Galveston. Your work on the coastal spine is the reason I want to do flood "
                "protection. I'd love to hear how you chose it. Would you have 20 minutes for a "
                "call next week?\n\nThanks,\nLi",
            )
        ],
    ),
}


def check(body, **options):
    options.setdefault("subject", SUBJECT)
    return check_message(body, **options)


def fired(report):
    return {finding.rule for finding in report.findings}


SENTENCE_CATCH = [(r, s) for r, (catch, _) in SENTENCE_CASES.items() for s in catch]
SENTENCE_LEAVE = [(r, s) for r, (_, leave) in SENTENCE_CASES.items() for s in leave]
MESSAGE_CATCH = [(r, o, m) for r, (catch, _) in MESSAGE_CASES.items() for o, m in catch]
MESSAGE_LEAVE = [(r, o, m) for r, (_, leave) in MESSAGE_CASES.items() for o, m in leave]


@pytest.mark.parametrize(("rule", "sentence"), SENTENCE_CATCH)
def test_a_sentence_rule_catches(rule, sentence):
    report = check(IN_A_GOOD_EMAIL.format(sentence=sentence))
    assert rule in fired(report), [f.message for f in report.findings]


@pytest.mark.parametrize(("rule", "sentence"), SENTENCE_LEAVE)
def test_a_sentence_rule_leaves_alone(rule, sentence):
    report = check(IN_A_GOOD_EMAIL.format(sentence=sentence))
    assert rule not in fired(report), [f.message for f in report.findings]


@pytest.mark.parametrize(("rule", "options", "body"), MESSAGE_CATCH)
def test_a_message_rule_catches(rule, options, body):
    report = check(body, **options)
    assert rule in fired(report), [f.message for f in report.findings]


@pytest.mark.parametrize(("rule", "options", "body"), MESSAGE_LEAVE)
def test_a_message_rule_leaves_alone(rule, options, body):
    report = check(body, **options)
    assert rule not in fired(report), [f.message for f in report.findings]


def test_the_good_email_itself_trips_nothing_serious():
    report = check(IN_A_GOOD_EMAIL.format(sentence=""))
    assert {f.severity for f in report.findings} <= {"tip"}


def test_every_rule_has_cases_both_ways():
    assert set(RULES) == set(SENTENCE_CASES) | set(MESSAGE_CASES)
    for rule, (catch, leave) in {**SENTENCE_CASES, **MESSAGE_CASES}.items():
        assert catch and leave, rule


def test_a_guessed_kind_never_gives_the_no_ask_error():
    report = check("Hi Jo, I wanted to say hello and share some news about my thesis. Li")
    assert not report.has_errors


def test_neighbouring_placeholders_are_one_finding():
    body = IN_A_GOOD_EMAIL.format(sentence="").replace("Ms. Okafor", "[First Name] [Last Name]")
    report = check(body)
    assert [f.rule for f in report.findings].count("placeholder") == 1


def test_a_finding_quotes_the_words_that_tripped_it_whole():
    sentence = (
        "By the way, and I hope this is all right to ask, could you refer me for the "
        "summer fellowship on the metro desk that I saw advertised last month?"
    )
    (finding,) = [
        f for f in check(IN_A_GOOD_EMAIL.format(sentence=sentence)).findings if f.rule == "job-ask"
    ]
    assert "“refer me for the summer fellowship on the metro desk" in finding.message
    assert "By the way" not in finding.message


def test_the_length_finding_is_worded_for_a_follow_up_and_skips_the_quote():
    body = MESSAGE_CASES["too-long"][0][0][1]
    (finding,) = [f for f in check(body, kind="follow-up").findings if f.rule == "too-long"]
    assert "follow-up" in finding.message and "first message" not in finding.message


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Hi, could we talk?\n\nBest,\nAna Li\nB.S. Biology '26\nana@x.edu | 555-0100", True),
        ("Hi, could we talk?\n\nThanks,\nAna\n\nP.S. I'm free on Tuesday after three.", False),
        ("Hi Jo,\nThanks so much!\nI am free Tuesday and Thursday after three.\nOK?", False),
        ("Hi, could we talk?\n\nAna\n\nOn Tue, 4 Nov 2025, Jo wrote:\n> Sure, when?", True),
        ("Hi, could we talk?\n\n-----Original Message-----\nFrom: Jo\nSent: Monday", True),
        ("Hi, could we talk? As you put it:\n> the first job is the hardest", True),
    ],
)
def test_what_is_not_the_message_is_left_out_and_nothing_else(text, left_out):
    mine, message, skipped = own_text(text)
    assert len(mine) == len(message) == len(text)
    assert bool(skipped) == left_out
    assert message.startswith("Hi")
    if not left_out:
        assert message == text


KIND_CASES = [
    ("follow-up", "Hi Dana, just resending my note from the 3rd in case it slipped through. "
     "Still keen on a 15-min call whenever suits. Thanks, Sam"),
    ("follow-up", "Dear Ms. Whitmore, I write to follow up on my letter of 3 November. Sam"),
    ("thank-you", "Dear Dr. Park, I truly appreciate you taking the time to speak with me "
     "today. I'll visit two labs next week. Best, Sam"),
    ("thank-you", "hey Ryan, thx so much for the call yesterday!! Cody"),
    ("keep-in-touch", "Hi Dana, hope all is well! Just wanted to say I started at Stripe "
     "last month. Thanks again for everything. Sam"),
    ("keep-in-touch", "Hi Ms. Parker, since we spoke I pitched the city desk like you "
     "suggested, and they ran my piece. Thank you! Ava"),
    ("running-late", "Hi Dana, apologies, class ran long, heading over now, there by 3:10. Sam"),
    ("running-late", "Hi Sam, so sorry, the internet is down; I'll be in the call in 10 minutes."),
    # and requests that only look like something else
    ("request", "Hi Dana, I'd appreciate your time for a 15-minute call next week about "
     "your path. Thanks, Sam"),
    ("request", "Hi Dana, I recently graduated from Colby and I'd love your advice. Could "
     "we talk for 15 minutes next week? Thanks, Sam"),
    ("request", "Hi Dana, thank you in advance for reading this. I'm a junior at Colby. "
     "Could we talk for 15 minutes next week? Sam"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "body"), KIND_CASES)
def test_the_kind_is_worked_out_from_clear_signs(kind, body):
    assert check_message(body).kind == kind
