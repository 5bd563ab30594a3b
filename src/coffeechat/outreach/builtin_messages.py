"""The templates every student starts with, written for coffeechat.

Pure data. A student can edit any of these for themselves (their copy is a
MessageTemplate with ``builtin_key`` set) and reset it back to what is written here.
Each one is short on purpose: a stranger reads a brief, specific note; the ask is a
question; nothing asks for a job.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltinTemplate:
    key: str
    name: str
    kind: str
    channel: str
    subject: str
    body: str
    when: str  # One line on when to use it, shown in the template list.


BUILTINS: tuple[BuiltinTemplate, ...] = (
    BuiltinTemplate(
        key="faculty-request",
        name="Request to a professor",
        kind="request",
        channel="email",
        subject="A question about your work in {{ their_field }}",
        body="""\
Dear Professor {{ their_last_name }},

I'm {{ my_name }}, a {{ my_major }} student at {{ my_school }} (class of {{ my_class_year }}). \
I was especially interested in {{ their_work }}, and your path into {{ their_field }} is \
one I would love to understand.

Would you have 20 minutes in the next few weeks to tell me {{ what_i_hope_to_learn }}? \
I can come by your office or talk by phone or video, whichever suits you. \
Times that usually work for me: {{ my_availability }}.

Thank you for considering it,
{{ my_signature }}
""",
        when="A faculty member whose work you have read about.",
    ),
    BuiltinTemplate(
        key="alum-request",
        name="Request to an alum",
        kind="request",
        channel="email",
        subject="A {{ my_school }} student curious about {{ their_field }}",
        body="""\
Hi {{ their_first_name }},

I'm {{ my_name }}, a {{ my_major }} student at {{ my_school }} (class of {{ my_class_year }}). \
I came across {{ their_work }}, and the path that led you into {{ their_field }} at \
{{ their_organization }} is exactly the kind I hope to understand.

Could we have a 20-minute call sometime soon, so you could tell me \
{{ what_i_hope_to_learn }}? Times that usually work for me: {{ my_availability }}, \
though I'm glad to fit around your week.

With thanks,
{{ my_signature }}
""",
        when="Someone who went to your school, found through the alumni network or LinkedIn.",
    ),
    BuiltinTemplate(
        key="referred-request",
        name="Request to someone you were referred to",
        kind="request",
        channel="email",
        subject="{{ referred_by }} suggested I get in touch",
        body="""\
Hi {{ their_first_name }},

{{ referred_by }} suggested I write to you. I'm {{ my_name }}, a {{ my_major }} student at \
{{ my_school }}, and I'm exploring careers in {{ their_field }}.

Would you be open to a 20-minute conversation, by phone or video, so I could hear \
{{ what_i_hope_to_learn }}? Times that usually work for me: {{ my_availability }}. \
Any other time that suits you is fine too.

Thank you,
{{ my_signature }}
""",
        when="Someone a contact of yours pointed you to. Name the person who referred you.",
    ),
    BuiltinTemplate(
        key="linkedin-note",
        name="LinkedIn connection note",
        kind="request",
        channel="linkedin",
        subject="",
        body=(
            "Hi {{ their_first_name }}, I'd love to learn from your path into {{ their_field }}. "
            "I'm a {{ my_major }} student at {{ my_school }}. Could we chat for 20 minutes "
            "about your work? Thank you!"
        ),
        when="A connection request on LinkedIn. Free accounts allow 200 characters.",
    ),
    BuiltinTemplate(
        key="follow-up",
        name="Follow-up after no reply",
        kind="follow-up",
        channel="email",
        subject="Re: {{ last_subject }}",
        body="""\
Hi {{ their_first_name }},

I know your inbox fills up quickly, so I'm bringing my note from {{ last_sent_date }} \
back to the top. Would you have 20 minutes in the coming weeks to tell me \
{{ what_i_hope_to_learn }}? If now isn't a good time for you, I understand completely.

Thank you for considering it,
{{ my_signature }}
""",
        when="Once, after a week or two without an answer. Then let it go.",
    ),
    BuiltinTemplate(
        key="thank-you",
        name="Thank-you after the conversation",
        kind="thank-you",
        channel="email",
        subject="Thank you, {{ their_first_name }}",
        body="""\
Hi {{ their_first_name }},

Thank you for making time to talk with me. What has stayed with me most is \
{{ takeaway }}. Because of it, I plan to {{ next_step }}.

I'll let you know how it goes.

Gratefully,
{{ my_signature }}
""",
        when="Within a day of meeting. Say what you took away and what you will do with it.",
    ),
    BuiltinTemplate(
        key="running-late",
        name="Running late",
        kind="running-late",
        channel="email",
        subject="Running a few minutes late",
        body="""\
Hi {{ their_first_name }},

I'm sorry: I'm running late for our conversation at {{ meeting_time }}. \
I expect to be there by {{ arrival_time }}. Thank you for your patience.

{{ my_name }}
""",
        when="As soon as you know you will be late. A call or text works too.",
    ),
    BuiltinTemplate(
        key="keep-in-touch",
        name="Keep-in-touch update",
        kind="keep-in-touch",
        channel="email",
        subject="An update since we spoke",
        body="""\
Hi {{ their_first_name }},

I wanted to tell you what has happened since our conversation: {{ update }}. \
Your advice about {{ takeaway }} played a real part in it.

Thank you again for your time and advice. I hope all is well at {{ their_organization }}.

All the best,
{{ my_signature }}
""",
        when="A week or so after meeting, then whenever you have news to share.",
    ),
)

BY_KEY: dict[str, BuiltinTemplate] = {template.key: template for template in BUILTINS}

# Values a typical student and contact would fill in; used to test every built-in.
SAMPLE_VALUES: dict[str, str] = {
    "their_first_name": "Alexandra",
    "their_last_name": "Okonkwo-Smith",
    "their_full_name": "Alexandra Okonkwo-Smith",
    "their_title": "Senior Research Scientist",
    "their_organization": "Northwind Energy Storage",
    "their_field": "battery research",
    "their_work": "your lab's paper on sodium-ion batteries",
    "referred_by": "Maria Lopez",
    "my_name": "Jordan Lee",
    "my_first_name": "Jordan",
    "my_school": "Wellesley College",
    "my_class_year": "2027",
    "my_major": "Chemistry",
    "my_interests": "energy research",
    "what_i_hope_to_learn": "how you chose between industry and academia",
    "my_availability": "Tuesday and Thursday afternoons",
    "my_signature": "Jordan Lee",
    "last_subject": "A question about battery research",
    "last_sent_date": "3 November",
    "meeting_date": "Tuesday 4 November",
    "meeting_time": "2:30 pm",
    "takeaway": "your point about learning to code early",
    "next_step": "take the data science course next term",
    "update": "I started a summer research position in an electrochemistry lab",
    "arrival_time": "2:45 pm",
}
