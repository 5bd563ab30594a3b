"""Realistic outreach messages for the checker's tests, written for coffeechat.

GOOD messages must produce no errors. BAD messages each carry the error rule(s) they
must produce. Each entry: (name, text, options for check_document).
"""

EMAIL = {}
LINKEDIN = {"channel": "linkedin"}
# A missing ask is an error only when the kind was chosen (as the compose page does); a
# kind worked out from the text gives a warning, since the guess may be wrong.
REQUEST_EMAIL = {"kind": "request"}
REQUEST_LINKEDIN = {"channel": "linkedin", "kind": "request"}

GOOD = [
    (
        "faculty",
        """Subject: Question about your salt marsh research

Dear Professor Whitfield,

I'm a junior majoring in environmental science at Bates, and I'm trying to decide
whether a PhD in marine ecology is the right next step for me. I read your recent paper
on salt marsh restoration and was struck by how closely your lab works with local
fishing communities. Would you be willing to meet for 20 minutes sometime in the next
two weeks? I'd love to hear how you chose your research direction and what you wish
you had known before graduate school. I'm free most Tuesday and Thursday afternoons,
but I'm happy to work around your schedule.

Thank you for considering it,
Maya Castillo
""",
        EMAIL,
    ),
    (
        "alum",
        """Subject: Fellow Hokie exploring product management

Hi Daniel,

My name is Priya Raman, and I'm a senior studying information systems at Virginia Tech.
I found you through the alumni directory and noticed you moved from software engineering
into product management at Atlassian. I'm weighing a similar switch and would really
value your perspective on what the transition was like. Could we set up a 15–20 minute
call in the coming weeks? Mornings before 11am ET usually work best for me, but I can
adjust to your calendar.

Thanks so much for your time,
Priya
""",
        EMAIL,
    ),
    (
        "referral",
        """Subject: Introduction from Lena Ortiz

Hello Mr. Adeyemi,

Lena Ortiz, my supervisor at the Brookline Food Pantry, suggested I reach out to you.
I'm a sophomore at Boston University studying public health, and I'm curious about
careers in hospital administration. Lena mentioned that you've spent over a decade
improving patient intake at Mass General, and I'd be grateful to learn how you got
started in the field. Would you have 30 minutes for a phone or video chat sometime this
month? I'm available Monday and Wednesday evenings, or any time on Fridays.

Thank you,
Jordan Lee
""",
        EMAIL,
    ),
    (
        "career changer",
        """Subject: A teacher curious about instructional design

Dear Ms. Kowalski,

I teach high school chemistry in Dayton and have started exploring a move into
instructional design. Your talk at the Ohio EdTech Summit about building onboarding
courses for hospital staff stayed with me for weeks. I'd welcome the chance to ask you a
few questions about how you made the jump from the classroom and which skills carried
over. Might you have 20 minutes for a Zoom call before the end of April? I'm generally
free after 3:30pm on weekdays.

Many thanks,
Renee Holloway
""",
        EMAIL,
    ),
    (
        "not asking for a job",
        """Subject: Sophomore interested in urban planning

Hi Ms. Delgado,

I'm a sophomore at UT Austin studying geography. I came across your profile on the
city's planning department page and saw that you led the East Riverside corridor
project. To be clear, I'm not asking for a job or an internship; I'm simply trying to
understand what planners actually do day to day. Would you be open to a 15-minute call
next week? I could do Tuesday or Thursday after 1pm, or another time that suits you.

Thank you so much,
Luis Ferreira
""",
        EMAIL,
    ),
    (
        "general pay question and roles like yours",
        """Subject: Questions about a career in actuarial science

Dear Mr. Osei,

I'm a junior studying mathematics at Howard University, and Professor Grant suggested
I contact you because of your work on pension risk at Prudential. I'd love to learn
what the path to roles like yours looks like, which exams mattered most early on, and
what entry-level analysts in the field typically earn. Would you be available for a
half-hour phone call sometime in the next few weeks? I'm flexible and can work around
your schedule.

I appreciate your time,
Kwame Asante
""",
        EMAIL,
    ),
    (
        "how people find internships",
        """Subject: Smith student curious about museum education

Hi Rachel,

I'm a first-year student at Smith College, and your article on family programs at the
Peabody Essex Museum made me think seriously about museum education. I'd love to hear
how you found your first position and how students usually find internships in this
field. Would you have time for a brief 20-minute conversation this month? I'm free on
Wednesdays after noon. Thank you!

Best,
Elena Park
""",
        EMAIL,
    ),
    (
        "shared school and coffee",
        """Subject: Grinnell alum question

Hi Theo,

I'm a senior at Grinnell majoring in economics, and I saw on LinkedIn that you went
from our econ department straight into a policy role at the Urban Institute. I'm
considering a similar path and would love to hear your perspective on it. If you're
ever on campus, could I buy you a coffee? Otherwise, a 20-minute call at your
convenience would be wonderful.

Thanks for reading,
Ava Brooks
""",
        EMAIL,
    ),
    (
        "mentions resume review only if asked",
        """Subject: Aspiring nurse practitioner, Northeastern co-op student

Dear Dr. Haddad,

I'm a third-year nursing student at Northeastern, currently on co-op at Boston
Children's. Your work leading the pediatric asthma clinic is the kind of care I hope to
provide someday. Could we schedule a 20-30 minute call so I could ask how you decided
to become an NP and what graduate programs you would recommend? Any weekday after 5pm
works for me, and I'm glad to fit your calendar.

Thank you for your time,
Grace Kim
""",
        EMAIL,
    ),
    (
        "question is asked plainly",
        """Subject: Tufts student interested in climate policy

Hi Dr. Mensah,

I'm a Tufts junior studying environmental policy. I listened to your podcast interview
about carbon markets in West Africa and would love to understand how you moved from
research into advising governments. Are you free for a quick 15-minute call next
Tuesday or Wednesday afternoon?

Thanks,
Noor
""",
        EMAIL,
    ),
    (
        "unicode and emoji",
        """Subject: Café owner to café owner ☕

Hi José,

I'm Zoë, a senior at Emerson studying business, and I've followed Café Núñez since you
opened the second location in Somerville. I'm thinking about running a small food
business after graduation and would love to hear what the first two years were like.
Would you be open to a 20-minute chat some afternoon next week? 😊

Thank you!
Zoë
""",
        EMAIL,
    ),
    (
        "parentheses and addresses",
        """Subject: Informational conversation about speech-language pathology

Dear Ms. Abernathy,

I'm a senior at the University of Vermont (communication sciences major), and my
adviser, Dr. Lyle, told me you supervise graduate clinicians at Fletcher Allen. I'd love
to learn what the clinical fellowship year is really like. Would you be willing to talk
for a short while (15–30 minutes) by phone or video in the coming weeks? You can reach me
at <hannah.ross@uvm.edu> or 802-555-0147, and I'm available most mornings.

With thanks,
Hannah Ross
""",
        EMAIL,
    ),
    (
        "linkedin note",
        "Hi Aisha, I'm a Spelman junior exploring UX research. Your move from psychology "
        "into design stood out to me. Would you be open to a 15-min chat about it? Thanks!",
        LINKEDIN,
    ),
    (
        "linkedin alum note",
        "Hello Mr. Park! Fellow Michigan alum here, studying data science. I'd love to hear "
        "how you broke into sports analytics. Could we find 20 minutes for a call? Thank you!",
        LINKEDIN,
    ),
    (
        "linkedin referral note",
        "Hi Grace, Marcus Bell suggested I reach out. I'm a CS sophomore at Rice curious "
        "about climate tech. Might you have 20 minutes to chat sometime this month? Thanks!",
        LINKEDIN,
    ),
    (
        "linkedin connect and learn",
        "Hi Sam! I'm a UCLA senior drawn to health policy, and your path from nursing to "
        "the state legislature is inspiring. I'd love to connect and hear a bit about it.",
        LINKEDIN,
    ),
    (
        "linkedin premium note",
        "Hi Dr. Ibarra, I'm a second-year bioengineering student at Georgia Tech. Your "
        "lecture on wearable glucose sensors at the BMES conference convinced me to look "
        "into medical devices. Would you be open to a 20-minute call in the next few weeks "
        "about how you moved into industry? Thank you!",
        {"channel": "linkedin", "premium": True},
    ),
    (
        "follow-up",
        """Subject: Re: Sophomore interested in biostatistics

Hi Dr. Nguyen,

I wanted to follow up on my email from two weeks ago. I know this is a busy time of
the semester, so no worries if you're swamped. If you have 15 minutes for a short call
before the end of the month, I'd really appreciate hearing about your path into
biostatistics. I'm flexible on timing.

Thanks again,
Sam Ortiz
""",
        {"kind": "follow-up"},
    ),
    (
        "follow-up inferred",
        """Subject: Following up

Hi Ms. Carter,

I'm circling back on the note I sent last week about a brief chat on your work in
supply chain analytics. If a 20-minute call in the next couple of weeks is possible,
I'd be grateful; if not, I completely understand.

Best,
Devon
""",
        EMAIL,
    ),
    (
        "thank-you",
        """Subject: Thank you for yesterday's conversation

Hi Rachel,

Thank you so much for speaking with me yesterday about your work in museum education.
Your advice to volunteer at a smaller historical society first was especially helpful,
and I've already emailed the Concord Museum about weekend openings for volunteers. I
also enjoyed hearing how you balance program design with fundraising. I'll keep you
posted on how things go.

Best,
Elena
""",
        {"kind": "thank-you"},
    ),
    (
        "thank-you inferred",
        """Subject: Thanks for the chat

Hi Omar,

Thanks for taking the time to talk with me this morning. Hearing how you prepared for
the CPA exam while working full time made the path feel much more doable, and I'm going
to look into the accounting society you mentioned. I really appreciate it.

Warmly,
Bea
""",
        EMAIL,
    ),
    (
        "thank-you that mentions the offer they made",
        """Subject: Thank you

Dear Ms. Liang,

Thank you for meeting with me on Friday. I learned a great deal about how audit teams
are structured, and thank you for kindly offering to pass my resume to your recruiting
team if I apply next fall. I'll follow up once I've finished my accounting sequence.

Sincerely,
Marcus
""",
        {"kind": "thank-you"},
    ),
    (
        "running-late",
        "Hi Mr. Torres, I'm so sorry, my train is delayed and I'm running about 10 minutes "
        "behind. I should be at the café by 3:15. Apologies for the trouble! Dana",
        {"kind": "running-late"},
    ),
    (
        "running-late inferred",
        "Hi Ms. Ruiz, apologies, I'm stuck in traffic and will be about 15 minutes late "
        "to our 2:00 meeting. See you soon, Kai",
        EMAIL,
    ),
    (
        "keep-in-touch",
        """Subject: An update since our chat in March

Hi Kevin,

I hope you're doing well! I wanted to give you a quick update: I took your advice and
joined the local chapter of the American Marketing Association, and through one of their
events I landed a summer internship at a small agency in Portland. Our conversation
really shaped how I approached the search. Thank you again for your generosity.

Warmly,
Nadia
""",
        {"kind": "keep-in-touch"},
    ),
    (
        "keep-in-touch inferred",
        """Subject: Good news

Hi Dr. Alvarez,

I wanted to let you know that I decided to apply to MPH programs this fall, largely
thanks to your advice about getting field experience first. Since we spoke, I've
started volunteering with the county health department. I hope your semester is going
well, and thank you again.

Best,
Iris
""",
        EMAIL,
    ),
]

BAD = [
    # --- job-ask ---------------------------------------------------------------------------
    (
        "refer me",
        """Subject: Summer analyst program

Hi Alex,

I'm a junior at NYU studying finance. I'm applying to the summer analyst program at
Goldman and saw you work in the equities division. Would you be willing to chat for 20
minutes next week? I'd also be grateful if you could refer me for the program.

Thanks,
Chris
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "any openings",
        """Subject: Marketing student at Emory

Hi Ms. Brandt,

I'm a senior at Emory majoring in marketing, and I admire the campaigns your team has
run at Coca-Cola. Are there any internship openings on your team this summer? I would
love a quick 15-minute call to discuss. I'm free Thursday afternoons.

Thank you!
Jasmine
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "position for me",
        """Subject: Hello from a fellow Badger

Hi Mark,

I'm a Wisconsin senior in computer engineering, and your work on autonomous trucking at
Aurora is exactly what I want to do. I'd love to chat for 20 minutes and see if there's a
position for me on your team. I'm free most afternoons next week.

Thanks,
Ben
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "pass my resume",
        """Subject: Data science at Spotify

Hi Priyanka,

I'm a master's student at Columbia studying data science, and your blog post on
playlist personalization was fascinating. Would you be willing to pass my resume along
to your recruiting team? I'd also welcome a 20-minute call whenever works for you.

Thank you,
Tomás
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "hiring and considered",
        """Subject: Interested in your team

Dear Mr. Whitaker,

I'm a recent graduate of Penn State with a degree in supply chain management. I read
about your expansion into the Midwest. If your team is hiring, I would love to be
considered. Could we talk for 15 minutes on Monday or Tuesday?

Best regards,
Alyssa
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "help me land",
        """Subject: Spotify

Hi Jenna,

I'm a senior at Northwestern studying journalism. I've followed your podcast work for
years. I'm hoping you can help me land a full-time role at Spotify after graduation.
Would you have 20 minutes for a call next week?

Thanks so much,
Riley
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "looking for a job",
        """Subject: Chicago marketing

Hi Dev,

My name is Sara and I just graduated from Loyola. I saw your profile and your work at
Leo Burnett. I'm looking for an entry-level marketing job in Chicago, and I was hoping you
might know of something. Could we chat for 15 minutes this week? Thank you!

Sara
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "research position in your lab",
        """Subject: Research opportunities

Dear Professor Lindqvist,

I'm a sophomore studying neuroscience at Brown, and your work on sleep and memory
consolidation is fascinating. Would you consider me for a research assistant position in
your lab this summer? I'd be glad to meet for 20 minutes any afternoon next week.

Thank you for your time,
Ethan
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "join your lab",
        """Subject: Joining your lab

Dear Dr. Osei,

I'm a junior in chemical engineering at Purdue and read your paper on membrane
separation. Would you be open to having me join your lab as an undergraduate
researcher? I'd appreciate a 15-minute meeting next week to talk it over. Thank you!

Lily
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "keep me in mind",
        """Subject: Architecture student

Hi Mr. Sato,

I'm a fourth-year architecture student at Cal Poly. Your firm's library projects are
beautiful. Could we talk for 20 minutes sometime next week? And if any positions open
up at your firm, please keep me in mind!

Thank you,
Hana
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "linkedin hiring",
        "Hi Tom! I'm a Purdue senior in mechanical engineering. Is Tesla hiring new grads "
        "this year? Would love a referral if so. Could we chat for 15 minutes?",
        LINKEDIN,
        {"job-ask"},
    ),
    (
        "intern at your firm",
        """Subject: Summer

Hi Carla,

I'm a junior at Duke studying public policy, and I've followed your work on housing
policy at Brookings. I'd really like to intern at your organization next summer. Would
you have 20 minutes to chat next Friday morning?

Thanks,
Omar
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "whether your department has openings",
        """Subject: Question

Hi Dr. Patel,

I'm a senior at Rutgers majoring in biology, and your research on antibiotic resistance
inspired my thesis. I was hoping you could tell me whether your department has any open
positions for recent graduates. Would a 20-minute call next week work?

Thank you,
Meera
""",
        EMAIL,
        {"job-ask"},
    ),
    (
        "connect me with the recruiter",
        """Subject: Software engineering at Stripe

Hi Kai,

I'm a CS senior at Georgia Tech and loved your talk on payments infrastructure. Could you
connect me with the recruiter for new-grad roles at Stripe? I'd also enjoy a 15-minute
chat next week if you have time.

Best,
Nia
""",
        EMAIL,
        {"job-ask"},
    ),
    # --- salary ----------------------------------------------------------------------------
    (
        "what you earn",
        """Subject: Consulting question

Hi Jordan,

I'm a junior at Boston College studying economics, and I saw you joined Bain after
graduating. Would you be open to a 20-minute call next week to talk about your path? I'd
also love to know how much you make as a senior associate.

Thanks!
Liam
""",
        EMAIL,
        {"salary"},
    ),
    (
        "your salary",
        """Subject: Nursing career

Hi Ms. Grant,

I'm a nursing student at Villanova and your work in the ICU at Penn inspired me. Could we
talk for 15 minutes sometime this week? What's your current salary, if you don't mind me
asking?

Thank you,
Erin
""",
        EMAIL,
        {"salary"},
    ),
    (
        "pay you",
        "Hi Dana, I'm a Tufts senior interested in biotech. Your path to Moderna is "
        "inspiring. Could we chat for 15 minutes? Also, how much does Moderna pay you?",
        LINKEDIN,
        {"salary"},
    ),
    (
        "partner at your firm",
        """Subject: Law careers

Dear Mr. Abrams,

I'm a pre-law junior at Georgetown, and a professor of mine recommended I speak with you
about litigation. Would you have 20 minutes for a call next week? I'm also curious what
a partner at your firm takes home each year.

Thank you,
Sofia
""",
        EMAIL,
        {"salary"},
    ),
    # --- placeholder -----------------------------------------------------------------------
    (
        "square bracket name",
        """Subject: Informational interview

Hi [Name],

I'm a junior at Wake Forest studying accounting, and I read about your work at Deloitte.
Would you be open to a 20-minute call next week to talk about your path into audit? I'm
free most afternoons. Thank you!

Chloe
""",
        EMAIL,
        {"placeholder"},
    ),
    (
        "mustache field",
        """Subject: Question about {{their_organization}}

Hi {{ their_first_name }},

I'm a sophomore at Oberlin exploring arts administration, and I loved your essay on
community theater funding. Could we chat for 15 minutes sometime next week? Thank you!

Maya
""",
        EMAIL,
        {"placeholder"},
    ),
    (
        "angle bracket company",
        """Subject: Hello

Dear Ms. Lopez,

I'm a junior at Fordham studying communications, and your work at <Company> on
crisis communications caught my eye. Would you be willing to meet for 20 minutes next
week? I'm free Tuesday mornings. Thank you!

Gabe
""",
        EMAIL,
        {"placeholder"},
    ),
    (
        "XXX left in",
        "Hi Ms. Chen, I'm a Barnard junior studying economics. I loved your talk on XXX. "
        "Would you be open to a 15-minute call? Thank you!",
        LINKEDIN,
        {"placeholder"},
    ),
    # --- over-limit ------------------------------------------------------------------------
    (
        "linkedin too long",
        "Hi Jamal, I'm a senior at the University of Michigan studying industrial and "
        "operations engineering, and I noticed that you have spent the last several years "
        "working on logistics at Amazon. Would you be open to a 20-minute chat about your "
        "experience there? Thank you!",
        LINKEDIN,
        {"over-limit"},
    ),
    (
        "linkedin too long even with premium",
        "Hello Dr. Brennan! I'm a third-year student at the University of Washington "
        "majoring in bioengineering with a minor in global health, and I recently read your "
        "paper on low-cost diagnostics for rural clinics, which connects to my capstone "
        "project in a lot of ways. Would you be open to a 20-minute call in the next few "
        "weeks so I could ask about your work and path? Thank you so much!",
        {"channel": "linkedin", "premium": True},
        {"over-limit"},
    ),
    # --- no-ask ----------------------------------------------------------------------------
    (
        "no ask at all",
        """Subject: Hello from a Rutgers student

Hi Ms. Alvarez,

I'm a junior at Rutgers studying marketing. I came across your profile and was impressed
by your work on brand strategy at Spotify. I'm very interested in the music industry and
hope to work in it someday.

Thank you!
Sam
""",
        REQUEST_EMAIL,
        {"no-ask"},
    ),
    (
        "wants to learn but never asks",
        """Subject: Your research

Dear Professor Kim,

My name is Daniel and I'm a sophomore at Wash U. I really enjoyed your lecture on urban
heat islands, and I would love to learn more about your research. I look forward to
hearing from you.

Thanks for your time,
Daniel
""",
        REQUEST_EMAIL,
        {"no-ask"},
    ),
    (
        "follow-up with no ask",
        """Subject: Re: Hello

Hi Dan,

Just following up on my last email. Hope you're having a great week!

Best,
Priya
""",
        {"kind": "follow-up"},
        {"no-ask"},
    ),
    (
        "linkedin with no ask",
        "Hi Jordan! Fellow Michigan alum here, exploring data science. Your path from "
        "physics to machine learning is really inspiring.",
        REQUEST_LINKEDIN,
        {"no-ask"},
    ),
    # --- empty -----------------------------------------------------------------------------
    ("empty", "", EMAIL, {"empty"}),
    ("only whitespace", "   \n\n  \t\n", LINKEDIN, {"empty"}),
]
