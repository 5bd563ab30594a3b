from django.urls import path

from coffeechat import lazyviews

after, answering, asking, meeting, offers, safety = lazyviews.of(
    __package__,
    "views.after",
    "views.answering",
    "views.asking",
    "views.meeting",
    "views.offers",
    "views.safety",
)

app_name = "chats"

urlpatterns = [
    path("", asking.sent, name="sent"),
    path("ask/<int:pk>/", asking.ask, name="ask"),
    path("inbox/", answering.inbox, name="inbox"),
    path("inbox/pause/", answering.pause, name="pause"),
    path("<int:pk>/", answering.detail, name="detail"),
    path("<int:pk>/accept/", answering.accept, name="accept"),
    path("<int:pk>/decline/", answering.decline, name="decline"),
    path("<int:pk>/offer/", offers.offer, name="offer"),
    path("<int:pk>/choose/", offers.choose, name="choose"),
    path("<int:pk>/withdraw/", asking.withdraw, name="withdraw"),
    path("<int:pk>/invite.ics", answering.invite, name="invite"),
    path("<int:pk>/reschedule/", meeting.reschedule, name="reschedule"),
    path("<int:pk>/cancel/", meeting.cancel, name="cancel"),
    path("<int:pk>/messages/", meeting.write, name="write"),
    path("<int:pk>/after/", after.debrief, name="debrief"),
    path("<int:pk>/thank-you/", after.thank, name="thank"),
    path("<int:pk>/report/", safety.report, name="report_request"),
    path("<int:pk>/block/", safety.block, name="block"),
    path("<int:pk>/unblock/", safety.unblock, name="unblock"),
    path("reports/<int:pk>/", safety.report_detail, name="report"),
]
