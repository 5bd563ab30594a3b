"""The checker's detectors for what a message asks: a job, their pay, a conversation."""

import pytest

from coffeechat.outreach.checker import find_job_asks, find_salary_asks
from coffeechat.outreach.checker.conversation import durations, is_conversation_ask
from coffeechat.outreach.checker.text import sentences

JOB_ASKS = [
    "Could you refer me for the analyst opening?",
    "I'm applying for the summer analyst role at your firm. Would you be willing to refer me?",
    "Do you know if your team is hiring interns this summer?",
    "If your team is hiring, I would love to be considered.",
    "Could you forward my resume to the hiring manager for the coordinator opening?",
    "I would really appreciate it if you could help me get an internship at Deloitte.",
    "Are there any open positions on your team?",
    "If you hear of any openings, please keep me in mind!",
    "I'm hoping you might be able to offer me a position in your lab next semester.",
    "Could I intern with your team this summer?",
    "I'd love the chance to join your team as an intern.",
    "Would you be willing to put in a good word for me with the recruiting team?",
    "I'm looking for a job and was hoping you could help.",
    "Please let me know if there are any job opportunities at Acme.",
    "I'm hoping to secure a role at Google and would appreciate a referral.",
    "Would you have a spot on your team this summer?",
    "I was wondering if your team has any internship openings.",
    "Let me know if any roles open up!",
    "Would you be open to having me join your lab as a research assistant?",
    "I would love an internship at your company.",
    "I'm interested in the analyst opening on your team and would appreciate any help.",
    "Could you connect me with someone on the recruiting team?",
    "Do you have any openings for a junior developer?",
    "Is there any way I could get an interview with your team?",
    "I'd love to work with you on your research this summer.",
    "Could you help me land a job in consulting?",
    "I'd be grateful if you could pass my name along to the recruiters.",
    "I'd love to chat about whether I'd be a good fit for your team.",
    "Is Acme hiring new grads this year?",
    "Could you let me know if your company has any openings for new grads?",
    "I was hoping you could tell me whether your department has any open positions.",
    "Would you consider me for a research assistant position in your lab?",
    "I'd love to chat and see if there's a position for me at your company.",
    "I'm not asking for a job, but could you refer me to your hiring manager?",
    "Is there an opening on your team that I might be a good fit for?",
    "Would it be possible for you to arrange an interview for me with your manager?",
    "I'm reaching out to see if you have any internship opportunities available.",
    "Would you be able to get my application in front of the hiring manager?",
    "Please consider this email my application for the marketing internship.",
    "Could you let me know if I'd be a good candidate for your team?",
    "Are you accepting interns this summer?",
    "I'm writing to inquire about employment opportunities at your firm.",
    "If you know anyone hiring, I'd really appreciate an introduction.",
    "Do you think your team would take on an intern this summer?",
    "I'd love to learn about any internship opportunities at your company.",
    "I'm very interested in opportunities at your firm and would love to chat.",
    "Please let me know when positions open up on your team.",
    "I'd like to ask whether you have space in your lab for an undergraduate this fall.",
    "Could you let me know about any openings on your analytics team?",
    "I'd be grateful for any leads on openings at your company.",
    "Any chance there's room on your team for an intern?",
    "Could you tell me who the hiring manager is for the analyst role?",
    "I'd welcome the opportunity to contribute to your team.",
]

NOT_JOB_ASKS = [
    "I'm not asking for a job or internship; I'm just hoping to learn from your experience.",
    "I'd also love to hear how you landed your first role in the industry.",
    "Could you share how you found your internship at NASA?",
    "Would you be open to a 20-minute call to talk about your role as a product designer?",
    "Could you tell me what skills matter most for entry-level analyst positions?",
    "I interned at Fidelity last summer, which sparked my interest in wealth management.",
    "I'd appreciate any advice on applying to internships in finance.",
    "Is there anyone else at your company you'd recommend I speak with?",
    "Would you be willing to introduce me to someone on the data team?",
    "How do people usually find internships in this field?",
    "How did you decide to move from engineering into a product role?",
    "I'm a senior looking at entry-level positions in public health, and I'd love to hear "
    "how you got started; would you have 20 minutes for a call?",
    "I'm hoping to land an internship in consulting next summer, so I'd love to hear about "
    "your path.",
    "I'm applying for the summer analyst internship at Citi and would love to hear how you "
    "prepared.",
    "Do you have any tips for landing an internship?",
    "Would you happen to have any advice for someone hoping to get a job in publishing?",
    "Thank you for offering to pass my resume along to your recruiting team!",
    "Could you refer me to anyone else you think I should talk to?",
    "Jane Doe referred me to you.",
    "Thank you for the referral to Dr. Patel.",
    "What is it like to work at your firm?",
    "I'm currently interning at a biotech startup and am curious how you moved into policy.",
    "As I start my internship search, I'd love your perspective on the field.",
    "I'd love to learn what it's like to join a startup right after college.",
    "Are there any professional groups or newsletters you'd recommend?",
    "Are there any skills I should build before applying to roles like yours?",
    "Would you have time for a quick call about your work with the team at Ideo?",
    "Given your experience, I'd love to set up a 30-minute call about your career path.",
    "I recently accepted an internship offer at Deloitte, and your advice made a difference.",
    "Could I ask what you look for when hiring junior designers?",
    "I hope to work in the nonprofit sector one day, and your path stood out to me.",
    "Could you tell me about a typical day in your position?",
    "I'd love to hear what the day-to-day of a product role looks like.",
    "What do entry-level roles typically pay in this field?",
    "Your keynote played a big role in my decision to study public health.",
    "I found the talk eye-opening and would love to learn more.",
    "I'm curious how hiring works at a startup your size.",
    "What do you look for when you hire interns?",
    "I'm exploring internship opportunities in sustainability and would love your perspective.",
    "If a job comes up in conversation, I'm happy to follow your lead.",
    "Your talk on the internship program you run for first-gen students was inspiring.",
    "I'd love to understand the role of a product manager at a company like yours.",
    "I'm not sure if there are any openings in this field for someone without a master's.",
    "Are there many internships in journalism for sophomores?",
    "I'd love to hear about volunteer opportunities at your organization.",
    "If anything opens up in your schedule next week, I'd love to chat.",
    "How do people usually get internships at your company?",
    "I'd love to join you for coffee next week.",
    "I'm excited to join your team's webinar on Friday.",
    "Please keep me in mind if you think of anyone else I should talk to.",
    "Thanks so much for the referral!",
    "I'd love to find a place near your office to grab coffee.",
]


@pytest.mark.parametrize("sentence", JOB_ASKS)
def test_it_flags_asking_for_a_job_however_it_is_phrased(sentence):
    findings = find_job_asks(sentence)
    assert [f.rule for f in findings] == ["job-ask"]
    assert findings[0].severity == "error"
    assert 0 <= findings[0].start < findings[0].end <= len(sentence)


@pytest.mark.parametrize("sentence", NOT_JOB_ASKS)
def test_it_does_not_flag_learning_about_jobs_or_their_role(sentence):
    assert find_job_asks(sentence) == []


def test_the_job_ask_finding_points_at_the_sentence_that_asks():
    text = "I'm a junior at Rice. Could you refer me for the analyst role? Thanks!"
    (finding,) = find_job_asks(text)
    assert text[finding.start : finding.end] == "Could you refer me for the analyst role?"
    assert "refer me" in finding.message


SALARY_ASKS = [
    "If you don't mind me asking, how much do you make as a senior engineer?",
    "What's your salary like at McKinsey?",
    "I'm curious what you earn at your level.",
    "Would you be comfortable sharing your compensation?",
    "How much does Google pay you?",
    "What does someone in your position get paid?",
    "Are you paid well?",
    "What salary did you start at?",
    "Could you tell me your base salary?",
    "How much money do you make?",
    "I'm also curious what a partner at your firm takes home each year.",
    "How much does a job like yours pay?",
    "What's the compensation like at your level?",
]

NOT_SALARY_ASKS = [
    "What do entry-level roles typically pay in this field?",
    "What is the general salary range for entry-level roles?",
    "I'd love to hear your thoughts on compensation trends in the industry.",
    "How did you earn your PE license?",
    "What do you make of the shift toward remote work?",
    "How much do entry-level analysts make?",
    "I read your salary negotiation guide and loved it.",
    "What's a typical starting salary for analysts?",
    "I won't ask about your salary, of course.",
    "I love what you make with reclaimed wood.",
    "What is the salary range in your field?",
]


@pytest.mark.parametrize("sentence", SALARY_ASKS)
def test_it_flags_asking_what_they_earn(sentence):
    assert [f.rule for f in find_salary_asks(sentence)] == ["salary"]


@pytest.mark.parametrize("sentence", NOT_SALARY_ASKS)
def test_it_allows_questions_about_pay_in_the_field(sentence):
    assert find_salary_asks(sentence) == []


CONVERSATION_ASKS = [
    "Would you be open to a brief conversation?",
    "I'd be grateful for 15 minutes of your time.",
    "Would you have some time to connect in the coming weeks?",
    "Might you be available for a short phone call?",
    "Could I ask you a few questions about your experience?",
    "I'd love to pick your brain over coffee.",
    "If you have a spare 20 minutes, I'd love to hear about your path.",
    "Let me know if you'd be up for a chat!",
    "Would you be open to speaking with me?",
    "Do you have 20 minutes to spare?",
    "Could we hop on a call?",
    "I was wondering if you'd be open to an informational interview.",
    "Would it be possible to schedule a time to talk?",
    "Please let me know if you'd be willing to connect sometime next week.",
    "When would be a good time to talk?",
    "Could I steal 15 minutes of your time?",
    "Would you be interested in chatting?",
    "Would love to grab coffee if you're around!",
    "I was wondering if we could arrange a short 30-minute meeting at some point this month.",
    "I'd love to connect and hear a bit about your path.",
]

NOT_CONVERSATION_ASKS = [
    "I would love to learn more about your research.",
    "I look forward to hearing from you.",
    "I really enjoyed your talk at the conference.",
    "Thank you for your time.",
    "I hope to work in the music industry someday.",
    "I'd love to connect!",
    "Just following up on my last email.",
]


@pytest.mark.parametrize("text", CONVERSATION_ASKS)
def test_it_recognises_an_ask_for_a_conversation(text):
    assert any(is_conversation_ask(s) for s in sentences(text))


@pytest.mark.parametrize("text", NOT_CONVERSATION_ASKS)
def test_interest_alone_is_not_an_ask_for_a_conversation(text):
    assert not any(is_conversation_ask(s) for s in sentences(text))


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("a quick 15 min call", [15]),
        ("a 20-minute chat", [20]),
        ("15–30 minutes on the phone", [30]),
        ("half an hour", [30]),
        ("a half-hour call", [30]),
        ("an hour of your time", [60]),
        ("a 45 minute meeting", [45]),
        ("a twenty-minute call", [20]),
        ("free from 8-11am", []),
        ("I spent 120 hours volunteering", []),
    ],
)
def test_it_reads_how_long_a_meeting_would_take(text, minutes):
    (sentence,) = sentences(text)
    assert [d.minutes for d in durations(sentence)] == minutes
