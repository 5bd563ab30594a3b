"""What a student types survives whatever button they press next, on pages with several forms."""

import time_machine
from django.utils import timezone

from coffeechat.contacts.models import Contact
from coffeechat.interviews.models import Interview

# The pages read the clock only for the "Saved at" line; frozen so it reads the same any day.
MOMENT = "2026-03-11 15:00Z"


def make_interview(owner, stage=Interview.Stage.PLANNED):
    contact = Contact.objects.create(owner=owner, first_name="Maya", last_name="Lindqvist")
    return Interview.objects.create(owner=owner, contact=contact, stage=stage)


@time_machine.travel(MOMENT, tick=True)
def test_research_and_goals_survive_adding_ticked_questions(logged_in_page, owner):
    interview = make_interview(owner)
    page = logged_in_page
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.get_by_label("About the person").fill("Runs the battery lab; wrote on sodium cells.")
    page.get_by_label("What do I most hope to learn?").fill("How she chose industry over academia")
    page.locator("#bank input[type=checkbox]").first.check()
    page.get_by_role("button", name="Add the ticked questions").click()

    page.wait_for_url(f"**/interviews/{interview.pk}/prepare/#questions")
    assert page.get_by_label("About the person").input_value().startswith("Runs the battery lab")
    goal = page.get_by_label("What do I most hope to learn?")
    assert "industry over academia" in goal.input_value()
    interview.refresh_from_db()
    assert interview.goal_learn == "How she chose industry over academia"
    assert interview.questions.count() == 1


@time_machine.travel(MOMENT, tick=True)
def test_the_research_saves_itself_while_typing(logged_in_page, owner):
    interview = make_interview(owner)
    page = logged_in_page
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.get_by_label("What decision should this conversation help me make?").fill("Lab or field")

    status = page.locator("#research-status")
    status.get_by_text("Saved at").wait_for()
    interview.refresh_from_db()
    assert interview.goal_decision == "Lab or field"


@time_machine.travel(MOMENT, tick=True)
def test_a_reflection_survives_adding_a_next_step(logged_in_page, owner):
    interview = make_interview(owner, stage=Interview.Stage.DONE)
    interview.ends_at = timezone.now()
    interview.save()
    page = logged_in_page
    page.goto(f"/interviews/{interview.pk}/reflect/")
    learned = page.get_by_label("What did I learn about the field")
    learned.fill("Most of the work is writing grants.")
    page.get_by_label("What exactly?").fill("Ask about shadowing the lab manager")
    page.get_by_role("button", name="Add next step").click()

    page.wait_for_url(f"**/interviews/{interview.pk}/reflect/#next-steps")
    assert page.get_by_label("What did I learn about the field").input_value() == (
        "Most of the work is writing grants."
    )
    interview.refresh_from_db()
    assert interview.reflection == {"learned": "Most of the work is writing grants."}
    assert interview.todos.get().text == "Ask about shadowing the lab manager"


@time_machine.travel(MOMENT, tick=True)
def test_a_half_written_next_step_comes_back_after_saving_the_reflection(logged_in_page, owner):
    interview = make_interview(owner, stage=Interview.Stage.DONE)
    page = logged_in_page
    page.goto(f"/interviews/{interview.pk}/reflect/")
    page.get_by_label("What exactly?").fill("Email the career adviser")
    page.get_by_role("button", name="Save reflection").click()

    page.get_by_text("Reflection saved.").wait_for()
    assert page.get_by_label("What exactly?").input_value() == "Email the career adviser"
    assert not interview.todos.exists()  # kept in the page, not sent behind the student's back


@time_machine.travel(MOMENT, tick=True)
def test_leaving_with_unsaved_typing_asks_first(logged_in_page, owner):
    interview = make_interview(owner, stage=Interview.Stage.DONE)
    page = logged_in_page
    page.goto(f"/interviews/{interview.pk}/reflect/")
    page.get_by_label("What exactly?").fill("Email the career adviser")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))

    page.get_by_role("link", name="Contacts").first.click()

    page.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/interviews/{interview.pk}/reflect/")


def test_the_plan_picker_narrows_as_you_type(logged_in_page, owner):
    Contact.objects.create(owner=owner, first_name="Grace", last_name="Ho")
    Contact.objects.create(owner=owner, first_name="Ada", last_name="Okafor")
    page = logged_in_page
    page.goto("/interviews/new/")
    page.get_by_label("Find a contact").fill("grace")

    page.get_by_role("heading", name="Matching “grace”").wait_for()
    assert page.get_by_role("link", name="Ada Okafor").count() == 0
    page.get_by_role("link", name="Grace Ho").click()
    page.get_by_role("button", name="Plan it").click()
    page.locator(".message-success", has_text="Planned a conversation with Grace Ho").wait_for()
