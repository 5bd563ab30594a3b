"""The conversation's pages keep their addresses and route names: ``coffeechat/urls.py``
mounts ``message_patterns`` under outreach's namespace and ``interview_patterns`` under
interviews', beside those apps' own patterns."""

from django.urls import path

from coffeechat import lazyviews

views = lazyviews.of(__package__, "views")

message_patterns = [
    path("messages/<int:pk>/sent/", views.mark_sent, name="mark_sent"),
    path("messages/<int:pk>/send/", views.send_now, name="send"),
    path("messages/<int:pk>/replied/", views.mark_replied, name="mark_replied"),
    path("messages/<int:pk>/no-reply/", views.mark_no_reply, name="mark_no_reply"),
]

interview_patterns = [
    path("new/", views.start_interview, name="start"),
    path("<int:pk>/", views.interview_detail, name="detail"),
    path("<int:pk>/referral/", views.add_referral, name="referral"),
    path("<int:pk>/thank-you/", views.draft_thank_you, name="draft_thank_you"),
]
