from coffeechat.community.models.communities import CareerCommunity
from coffeechat.community.models.joining import AllowedDomain, Invitation, PendingRoster
from coffeechat.community.models.profiles import (
    Audience,
    ProfileFacet,
    SavedVolunteer,
    VolunteerProfile,
)

__all__ = [
    "AllowedDomain",
    "Audience",
    "CareerCommunity",
    "Invitation",
    "PendingRoster",
    "ProfileFacet",
    "SavedVolunteer",
    "VolunteerProfile",
]
