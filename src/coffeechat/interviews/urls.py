from django.urls import path

from coffeechat import lazyviews

after, interviews, keep_in_touch, meeting, prepare = lazyviews.of(
    __package__,
    "views.after",
    "views.interviews",
    "views.keep_in_touch",
    "views.meeting",
    "views.prepare",
)

app_name = "interviews"

urlpatterns = [
    path("", interviews.list_interviews, name="list"),
    path("<int:pk>/move/<slug:action>/", interviews.move_interview, name="move"),
    path("<int:pk>/schedule/", interviews.schedule_interview, name="schedule"),
    path("<int:pk>/cancel/", interviews.cancel_interview, name="cancel"),
    path("<int:pk>/invite.ics", interviews.download_invite, name="invite"),
    path("<int:pk>/prepare/", prepare.prepare_interview, name="prepare"),
    path("<int:pk>/questions/add/", prepare.add_bank_questions, name="add_bank_questions"),
    path("<int:pk>/questions/own/", prepare.add_own_question, name="add_own_question"),
    path("<int:pk>/questions/<int:question_pk>/edit/", prepare.edit_question, name="edit_question"),
    path("<int:pk>/questions/<int:question_pk>/move/", prepare.move_question, name="move_question"),
    path(
        "<int:pk>/questions/<int:question_pk>/remove/",
        prepare.remove_question,
        name="remove_question",
    ),
    path("<int:pk>/sheet/", prepare.prep_sheet, name="sheet"),
    path("<int:pk>/notes/", meeting.meeting_notes, name="notes"),
    path("<int:pk>/reflect/", after.reflect, name="reflect"),
    path("<int:pk>/todos/", after.add_todo, name="add_todo"),
    path("todos/", after.list_todos, name="todos"),
    path("todos/<int:todo_pk>/toggle/", after.toggle_todo, name="toggle_todo"),
    path(
        "contacts/<int:contact_pk>/keep-in-touch/",
        keep_in_touch.set_cadence,
        name="set_cadence",
    ),
    path(
        "contacts/<int:contact_pk>/interactions/",
        keep_in_touch.log_interaction,
        name="log_interaction",
    ),
]
