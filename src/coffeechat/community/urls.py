from django.urls import path

from coffeechat import lazyviews

communities, directory, joining, office, profile = lazyviews.of(
    __package__,
    "views.communities",
    "views.directory",
    "views.joining",
    "views.office",
    "views.profile",
)

app_name = "community"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("people/<int:pk>/", directory.volunteer, name="volunteer"),
    path("people/<int:pk>/save/", directory.save_volunteer, name="save_volunteer"),
    path("people/<int:pk>/deactivate/", directory.deactivate, name="deactivate"),
    path("people/<int:pk>/reactivate/", directory.reactivate, name="reactivate"),
    path("profile/", profile.edit_profile, name="my_profile"),
    path("profile/pause/", profile.pause, name="pause"),
    path("profile/resume/", profile.resume, name="resume"),
    path("profile/confirm/", profile.confirm, name="confirm"),
    path("communities/", communities.community_list, name="communities"),
    path("communities/new/", communities.community_new, name="community_new"),
    path("communities/<int:pk>/", communities.community_detail, name="community_detail"),
    path("communities/<int:pk>/edit/", communities.community_edit, name="community_edit"),
    path("communities/<int:pk>/join/", communities.join_community, name="community_join"),
    path("communities/<int:pk>/leave/", communities.leave_community, name="community_leave"),
    path("office/", office.office, name="office"),
    path("office/invitations/new/", office.invitation_new, name="invitation_new"),
    path("office/invitations/<int:pk>/revoke/", office.invitation_revoke, name="invitation_revoke"),
    path("office/domains/", office.domain_add, name="domain_add"),
    path("office/domains/<int:pk>/delete/", office.domain_delete, name="domain_delete"),
    path("office/roster/", office.roster_upload, name="roster_upload"),
    path("office/roster/<int:pk>/", office.roster_preview, name="roster_preview"),
    path("office/roster/<int:pk>/confirm/", office.roster_confirm, name="roster_confirm"),
    path("join/<str:token>/", joining.join, name="join"),
    path("signup/", joining.signup, name="signup"),
    path("verify/<str:token>/", joining.verify_email, name="verify"),
    path("claim/", joining.claim, name="claim"),
    path("claim/<str:uidb64>/<str:token>/", joining.claim_confirm, name="claim_confirm"),
]
