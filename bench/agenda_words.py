"""Words for the benchmark's interviews and messages: our own, short and plausible."""

MEETING_ZONES = [
    "America/New_York",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Tokyo",
]

GOALS_LEARN = [
    "How they moved from a lab bench into product work",
    "What a first year in consulting is really like",
    "Which skills matter most for data roles in health care",
    "How policy work differs between government and non-profits",
    "Whether a master's degree is worth it before starting",
    "How small teams in climate tech hire and train newcomers",
]
GOALS_DECIDE = [
    "Whether to take the data science elective next term",
    "Which summer programs to apply to",
    "Between a research path and an industry path",
    "Whether to move to a bigger city after graduating",
    "",
]
NOTE_LINES = [
    "They started in a completely different field and switched after five years.",
    "Most of the week is meetings with clients; the deep work happens early.",
    "Recommended two newsletters and a podcast about the industry.",
    "Suggested learning SQL before anything fancier.",
    "The team is small, so juniors get real responsibility quickly.",
    "Offered to introduce me to a colleague in their analytics group.",
    "Warned that the first year is mostly learning the regulations.",
    "Said the field is growing fast outside the big cities.",
    "Their advice: write about what you learn, even in a short blog.",
]
ANSWER_NOTES = [
    "Mentioned a mentor who pushed them to apply.",
    "About half their time is analysis, half explaining it.",
    "They hire a couple of interns each summer.",
    "Go to the regional meetup, people are welcoming.",
    "A graduate degree helped, but wasn't required.",
    "",
    "",
]
REFLECTION_ANSWERS = {
    "learned": [
        "The day-to-day is more collaborative than I expected.",
        "Most people get in through a project, not a job posting.",
    ],
    "surprised": ["How much writing the role involves.", "They still code every day."],
    "advice": ["Build one small project and talk about it.", "Take the statistics course."],
    "interest": ["Yes, more than before.", "Less: the hours worry me.", "Still unsure."],
    "concerns": ["The travel.", "Funding cycles make it unstable.", ""],
    "enjoy": ["Probably: I like the problem solving.", "Maybe, if the team is good."],
    "fit": ["It uses my chemistry, which I like.", "Partly."],
    "skills": ["SQL, presenting, and writing short memos.", "Statistics and Python."],
    "unknowns": ["How promotions work.", "What the pay looks like at the start.", ""],
}
CHECKLIST_KEYS = ["on-time", "dress", "questions", "paper", "resume"]
QUESTION_KEYS = [
    ("journey-start", "How did you first get into this kind of work?"),
    ("journey-again", "If you were starting over, what would you do differently?"),
    ("work-week", "Could you walk me through a usual week for you?"),
    ("work-hard", "What's the hardest part of your job right now?"),
    ("work-best", "Which part of the work gives you the most satisfaction?"),
    ("qual-skills", "Which skills matter most for doing this job well?"),
    ("env-culture", "How would you describe the culture where you work?"),
    ("in-first-steps", "What could someone at my stage do this year to get ready for the field?"),
    ("out-growth", "Is this field growing, shrinking or changing shape?"),
    ("close-missed", "Is there something I should have asked but didn't?"),
    ("close-referral", "Is there anyone else you think I should talk to?"),
    ("tiara-advice", "What would you tell someone in my position to focus on?"),
    ("", "How do you decide which projects to say yes to?"),
    ("", "What does a good first month look like for a new analyst on your team?"),
]
TODO_TEXTS = {
    "job-shadowing": ["Ask about shadowing a day in the lab", "Shadow a site visit in spring"],
    "research": [
        "Read the annual report they mentioned",
        "Look up the two companies they named",
        "Listen to the podcast they recommended",
    ],
    "application": ["Apply to the summer research program", "Finish the fellowship essay"],
    "career-adviser": ["Book a slot with the career office", "Bring my notes to the adviser"],
    "other": ["Connect on LinkedIn", "Write to the colleague they suggested"],
}
TODO_KIND_WEIGHTS = [
    ("research", 5),
    ("other", 4),
    ("application", 2),
    ("career-adviser", 2),
    ("job-shadowing", 1),
]
INTERACTION_NOTES = [
    "Sent an article they might like",
    "Quick call about my class choices",
    "Saw them at the alumni panel",
    "Told them I got into the summer program",
    "Congratulated them on the new role",
    "",
]
SUBJECTS = {
    "request": [
        "A student curious about your work",
        "Question from a fellow alum",
        "Could I ask you about your path?",
        "Twenty minutes about your field?",
    ],
    "follow-up": ["Following up on my note", "Checking in on my earlier message"],
    "thank-you": ["Thank you for your time", "Thanks for the conversation"],
    "keep-in-touch": ["A quick update", "What happened after our talk", "News since we spoke"],
    "running-late": ["Running a few minutes late"],
}
BODY_OPENINGS = [
    "I'm a chemistry student exploring careers, and your move into {field} caught my eye.",
    "We both went through the same program, and I'd love to hear how you found {field}.",
    "A professor suggested I talk to you about {field}.",
    "Your recent talk about {field} made me want to learn more about the work.",
]
BODY_ASKS = [
    "Would you have 20 minutes in the next few weeks for a call?",
    "Could we talk for 15 to 30 minutes, by phone or video, whenever suits you?",
    "Might you have time for a short conversation this month?",
]
BODY_OTHER = {
    "follow-up": "I know things get busy, so I'm writing once more in case my note got buried.",
    "thank-you": "Thank you for the conversation. Your advice about {field} gave me a plan.",
    "keep-in-touch": "I wanted to tell you what I did with your advice since we spoke.",
    "running-late": "I'm sorry, I'm running about five minutes late. I'll be there shortly.",
}
REQUEST_TEMPLATES = ["alum-request", "faculty-request", "referred-request"]
VIA_WEIGHTS = [("mailto", 5), ("clipboard", 3), ("smtp", 2), ("eml", 1), ("manual", 2)]
