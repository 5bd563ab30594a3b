"""The built-in question bank and the reflection prompts: plain data, in our own words.

Keys are stable: an interview remembers which built-in question a chosen one came from.
None of these may ask for a job or about the person's pay (a test runs the outreach
checker over them).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    category: str
    text: str


CATEGORIES = [
    ("journey", "Their path so far"),
    ("work", "What the work is like"),
    ("qualifications", "Skills and training"),
    ("environment", "Where and how they work"),
    ("getting-in", "How people get started"),
    ("outlook", "Moving up and where the field is going"),
    ("closing", "Before you say goodbye"),
    ("tiara-trends", "TIARA · Trends"),
    ("tiara-insights", "TIARA · Insights"),
    ("tiara-advice", "TIARA · Advice"),
    ("tiara-resources", "TIARA · Resources"),
    ("tiara-assignments", "TIARA · Assignments"),
]
CATEGORY_LABELS = dict(CATEGORIES)

_BANK = {
    "journey": [
        ("journey-start", "How did you first get into this kind of work?"),
        ("journey-turns", "Which turn in your career did you least expect, and how did it happen?"),
        ("journey-studies", "What did you study, and how much of it do you use today?"),
        ("journey-again", "If you were starting over, what would you do differently?"),
        ("journey-early", "When did you know this was the field for you?"),
    ],
    "work": [
        ("work-week", "Could you walk me through a usual week for you?"),
        ("work-duties", "What are you responsible for, day to day?"),
        ("work-hard", "What's the hardest part of your job right now?"),
        ("work-best", "Which part of the work gives you the most satisfaction?"),
        ("work-seasons", "Does the work have busy and quiet seasons over the year?"),
    ],
    "qualifications": [
        ("qual-skills", "Which skills matter most for doing this job well?"),
        ("qual-training", "What education or training do people in your role usually have?"),
        ("qual-experience", "What experience would you want someone to have before starting?"),
        ("qual-groups", "Are there professional associations or groups you'd recommend joining?"),
    ],
    "environment": [
        ("env-setting", "What is your workplace like: the setting, the hours, the pace?"),
        ("env-flexibility", "How much say do you have over when and where you work?"),
        ("env-teams", "How much of your time is spent working alone versus with a team?"),
        ("env-culture", "How would you describe the culture where you work?"),
        ("env-different", "What sets your organization apart from others in the field?"),
        ("env-growth", "How does your organization help people keep learning?"),
        ("env-other-roles", "If you weren't doing this, what other roles would tempt you?"),
    ],
    "getting-in": [
        (
            "in-openings",
            "Where do students usually hear about openings in this field, and what works best?",
        ),
        ("in-networks", "Which networks, mailing lists or groups help you stay connected?"),
        (
            "in-first-steps",
            "What could someone at my stage do this year to get ready for the field?",
        ),
    ],
    "outlook": [
        ("out-paths", "Do people tend to grow within one organization or move between them?"),
        (
            "out-grad",
            "How did you decide about graduate school, and how has that choice played out?",
        ),
        ("out-growth", "Is this field growing, shrinking or changing shape?"),
        ("out-future", "Where would you like your own career to go next?"),
        ("out-entry", "Roughly where do entry-level roles in this line of work start?"),
    ],
    "closing": [
        ("close-missed", "Is there something I should have asked but didn't?"),
        ("close-touch", "Would it be all right to stay in touch as I keep exploring?"),
        ("close-connect", "May I connect with you on LinkedIn or our alumni platform?"),
        ("close-referral", "Is there anyone else you think I should talk to?"),
    ],
    "tiara-trends": [
        ("tiara-trends", "What changes do you see coming in your field over the next few years?"),
    ],
    "tiara-insights": [
        ("tiara-insights", "What do you know now about this work that surprised you at first?"),
    ],
    "tiara-advice": [
        ("tiara-advice", "What would you tell someone in my position to focus on?"),
    ],
    "tiara-resources": [
        (
            "tiara-resources",
            "Which books, newsletters, podcasts or events do you find worth the time?",
        ),
    ],
    "tiara-assignments": [
        (
            "tiara-assignments",
            "What kind of projects does a newcomer in your team usually take on first?",
        ),
    ],
}

QUESTIONS = [
    Question(key, category, text)
    for category, _label in CATEGORIES
    for key, text in _BANK[category]
]
BY_KEY = {question.key: question for question in QUESTIONS}


def grouped():
    """[(category label, [Question, …]), …] in the bank's order."""
    return [
        (label, [q for q in QUESTIONS if q.category == category]) for category, label in CATEGORIES
    ]


# Reflection prompts: (key, prompt). Written for right after the conversation.
REFLECTION_PROMPTS = [
    ("learned", "What did I learn about the field, or about how they got where they are?"),
    ("surprised", "What surprised me, or got me excited?"),
    ("advice", "Which piece of advice was the most useful?"),
    ("interest", "Do I still want to explore this path? Why, or why not?"),
    ("concerns", "What worries me about this kind of work?"),
    ("enjoy", "Could I picture myself enjoying this day after day? What makes me think so?"),
    ("fit", "Does it play to my strengths and match what I care about?"),
    ("skills", "Which skills would I need to build or sharpen?"),
    ("unknowns", "What do I still not know?"),
]
REFLECTION_KEYS = [key for key, _ in REFLECTION_PROMPTS]
