"""The thank-you draft's points read as part of its sentences, however the notes were typed.

The built-in template (and any copy of it) says "What has stayed with me most is
{{ takeaway }}. Because of it, I plan to {{ next_step }}."
"""

import time_machine

from coffeechat.interviews.thanks import thank_you_points
from coffeechat.outreach.models import Message
from tests.interviews.conftest import at, scheduled


def takeaway_from_notes(notes):
    return thank_you_points({}, [], notes, [])[0]


def next_step_from(todo):
    return thank_you_points({}, [], "", [todo])[1]


def test_who_said_it_is_left_out_of_the_point():
    assert takeaway_from_notes("She said: the lab hires in May.") == "this: the lab hires in May"
    assert takeaway_from_notes("Dr. Okafor mentioned that grants take a year") == (
        "this: grants take a year"
    )
    assert takeaway_from_notes("He explained how grants work.") == "how grants work"


def test_bullets_dashes_numbers_and_labels_are_left_out():
    assert takeaway_from_notes("- lab hires in May") == "this: lab hires in May"
    assert takeaway_from_notes("• Takeaway: the lab hires in May;") == (
        "this: the lab hires in May"
    )
    assert takeaway_from_notes("1. “The lab hires in May.”") == "this: the lab hires in May"


def test_a_line_that_is_only_a_label_gives_way_to_the_next():
    assert takeaway_from_notes("Notes:\n\n - Maria's lab is hiring!") == (
        "this: Maria's lab is hiring"
    )


def test_names_and_acronyms_keep_their_capitals():
    assert takeaway_from_notes("Maria's lab is hiring.") == "this: Maria's lab is hiring"
    assert takeaway_from_notes("IT pays better than research") == (
        "this: IT pays better than research"
    )
    assert next_step_from("DOE report") == "take this next step: DOE report"


def test_a_sentence_ends_at_its_full_stop_but_not_at_an_abbreviation():
    assert takeaway_from_notes("Talk to Dr. Okafor first. Then apply.") == (
        "this: Talk to Dr. Okafor first"
    )


def test_a_next_step_reads_after_i_plan_to():
    assert next_step_from("- Email Maria by Friday.") == "email Maria by Friday"
    assert next_step_from("To-do: I will read the DOE report") == "read the DOE report"
    assert next_step_from("[ ] Book a shadow day") == "book a shadow day"


def test_quoted_advice_loses_its_label_and_keeps_one_pair_of_quotes():
    advice = {"advice": "Advice: “Talk to more people.” Then decide."}
    assert thank_you_points(advice, [], "", [])[0] == "your advice: “Talk to more people”"


def test_the_draft_reads_naturally_from_notes_taken_in_a_hurry(owner_client, owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        interview.mark_done()
        owner_client.post(
            f"/interviews/{interview.pk}/notes/",
            {"free_notes": "She said:\n- The lab hires in May. Apply early.\n- Grants"},
        )
        owner_client.post(
            f"/interviews/{interview.pk}/todos/",
            {"kind": "application", "text": "- Apply to the summer programme."},
        )
        owner_client.post(f"/interviews/{interview.pk}/thank-you/")
    body = Message.objects.get(kind="thank-you").body
    assert (
        "What has stayed with me most is this: the lab hires in May. "
        "Because of it, I plan to apply to the summer programme." in " ".join(body.split())
    )
