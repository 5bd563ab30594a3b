"""Which sections a backup has, who declares them, and in what order: one table.

A section that goes missing, appears unannounced or moves fails here, as does an app
whose backup.py declares no SECTIONS or needs a section nobody declares.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat import backup
from coffeechat.backup import registry

# key -> the app whose backup.py declares it, in the order of the file and of restores.
EXPECTED = [
    ("profile", "coffeechat.accounts"),
    ("organizations", "coffeechat.contacts"),
    ("tags", "coffeechat.contacts"),
    ("contacts", "coffeechat.contacts"),
    ("interviews", "coffeechat.interviews"),
    ("interview_questions", "coffeechat.interviews"),
    ("interview_timeline", "coffeechat.interviews"),
    ("next_steps", "coffeechat.interviews"),
    ("keep_in_touch", "coffeechat.interviews"),
    ("interactions", "coffeechat.interviews"),
    ("message_templates", "coffeechat.outreach"),
    ("messages", "coffeechat.outreach"),
]


def test_every_section_is_declared_by_its_app_in_this_order():
    declared = {section.key: app for app, listed in registry.declared() for section in listed}
    assert [(section.key, declared[section.key]) for section in backup.sections()] == EXPECTED


def test_every_app_with_data_says_what_it_backs_up():
    apps = [app for app, _ in registry.declared()]
    assert apps == [
        "coffeechat.accounts",
        "coffeechat.contacts",
        "coffeechat.outreach",
        "coffeechat.interviews",
        "coffeechat.agenda",  # nothing, on purpose: agenda/backup.py says why
    ]


def section(key, needs=()):
    return backup.Section(key, None, None, None, needs=tuple(needs))


def test_an_app_comes_after_the_apps_its_sections_need_whatever_the_app_order():
    ordered = registry.in_order(
        [
            ("upper", [section("messages", ["interviews"]), section("drafts", ["messages"])]),
            ("lower", [section("interviews")]),
        ]
    )
    assert [s.key for s in ordered] == ["interviews", "messages", "drafts"]


def test_within_an_app_a_section_comes_after_the_ones_it_needs():
    with pytest.raises(ImproperlyConfigured, match="'notes' \\(a\\) needs 'letters', which must"):
        registry.in_order([("a", [section("notes", ["letters"]), section("letters")])])


@pytest.mark.parametrize(
    ("declared", "problem"),
    [
        ([("a", [section("x", ["nowhere"])])], "'x' \\(a\\) needs 'nowhere', which no app"),
        ([("a", [section("x")]), ("b", [section("x")])], "'x' is declared twice \\(a and b\\)"),
        ([("a", [section("format")])], "'format' is declared twice"),
        (
            [("a", [section("x", ["y"])]), ("b", [section("y", ["x"])])],
            "need each other in a circle: a, b",
        ),
    ],
)
def test_a_section_that_cannot_be_placed_fails_loudly(declared, problem):
    with pytest.raises(ImproperlyConfigured, match=problem):
        registry.in_order(declared)


def test_a_backup_module_without_sections_fails_loudly(monkeypatch):
    import coffeechat.agenda.backup as agenda_backup

    monkeypatch.delattr(agenda_backup, "SECTIONS")
    with pytest.raises(ImproperlyConfigured, match="coffeechat.agenda.backup must declare"):
        registry.declared()


# Every model of coffeechat's apps, and the section that holds its rows, or why it has none.
# A model that belongs to someone and is in neither list fails below: a new app's data
# must go into the backup, or be left out on purpose with the reason written here.
COVERED = {
    "accounts.Profile": "profile",
    "contacts.Organization": "organizations",
    "contacts.Tag": "tags",
    "contacts.Contact": "contacts",
    "interviews.Interview": "interviews",
    "interviews.InterviewQuestion": "interview_questions",
    "interviews.TimelineEntry": "interview_timeline",
    "interviews.NextStep": "next_steps",
    "interviews.KeepInTouch": "keep_in_touch",
    "interviews.Interaction": "interactions",
    "outreach.MessageTemplate": "message_templates",
    "outreach.Message": "messages",
}
LEFT_OUT = {
    "agenda.CalendarFeed": "the calendar's secret address (agenda/backup.py says why)",
    "contacts.PendingImport": "an upload waiting for its confirmation, forgotten in a day",
    "submissions.Submission": "a sent form's one-time token, which only guards a double send",
    # The career-office network is the office's shared data on its server, backed up with
    # the database (pg_dump), not one person's file: a student's backup holds their own
    # contacts, including those saved from the directory.
    "community.CareerCommunity": "the office's communities: the server's database backup",
    "community.VolunteerProfile": "a volunteer's profile in the office's network, idem",
    "community.ProfileFacet": "the directory's filter index, rebuilt from the profiles",
    "community.SavedVolunteer": "the link from a saved contact to a profile on the server",
    "community.Invitation": "a joining link, single use and short-lived",
    "community.AllowedDomain": "the office's joining rule: the server's database backup",
    "chats.ChatRequest": "a request between two people on the office's server, idem; an "
    "accepted one is in the student's backup as their contact and conversation",
    "chats.ChatMessage": "a message in a request's thread on the office's server, idem",
    "chats.Debrief": "each side's private word after a meeting, on the office's server",
    "chats.Report": "a report to the office's advisers: the server's database backup",
    "chats.Block": "a block between two people of the network, idem",
    "notifications.Notification": "a notice of something that lives elsewhere, read or not",
    "notifications.Preferences": "which notices are emailed: the server's database backup",
    "community.PendingRoster": "a roster waiting for its confirmation",
    "conversations.LastTouch": "each contact's latest moment in touch, kept by the database "
    "from the interactions, meetings and messages: restoring those fills it again",
}


def test_every_model_with_someones_data_is_in_a_section_or_left_out_on_purpose():
    from django.apps import apps

    models = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("coffeechat.")
    }
    assert models == set(COVERED) | set(LEFT_OUT)
    assert set(COVERED.values()) == {section.key for section in backup.sections()}
