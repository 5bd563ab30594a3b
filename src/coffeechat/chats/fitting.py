"""Others who may fit, shown when a request closes without a yes: taking requests now,
sharing the volunteer's first public industry (or, without one, a community)."""

from django.utils import timezone

from coffeechat.community.directory import Filters, search
from coffeechat.community.models import CareerCommunity

SHOWN = 5


def others_who_fit(request) -> list:
    profile = request.volunteer
    industries = profile.values("industries") if profile.public("industries") else []
    filters = Filters(industry=industries[0] if industries else "", available=True)
    if not industries:
        community = CareerCommunity.objects.filter(members=profile.owner_id).first()
        filters = Filters(community=community, available=True)
    results, _ = search(filters, timezone.localdate())
    return [
        result
        for result in results
        if result.profile.pk != profile.pk and result.profile.owner_id != request.student_id
    ][:SHOWN]
