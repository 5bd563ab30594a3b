"""The time-zone picker: common zones first, then every place by region.

The tz database has ~600 names, many of them aliases or for machines ("Factory",
"localtime", "Etc/GMT+5", "US/Eastern"). People pick a city: the list shows the zones the
database lists for a country (zone.tab, as pytz's common_timezones does), labelled with
the country and grouped by region, with the zones most students meet on top. Any real zone name is
still accepted (a browser may report an old alias such as "Asia/Calcutta"), and a value
outside the list, kept from before, is shown rather than silently replaced.
The small script in app.js offers the browser's own zone first and adds a search box.
"""

import functools
import zoneinfo
from importlib import resources

from django import forms

REGIONS = {
    "Africa": "Africa",
    "America": "Americas",
    "Asia": "Asia",
    "Atlantic": "Atlantic",
    "Australia": "Australia",
    "Europe": "Europe",
    "Indian": "Indian Ocean",
    "Pacific": "Pacific",
    "Antarctica": "Antarctica",
    "Arctic": "Arctic",
}

COMMON = [
    ("America/New_York", "US Eastern (New York)"),
    ("America/Chicago", "US Central (Chicago)"),
    ("America/Denver", "US Mountain (Denver)"),
    ("America/Phoenix", "Arizona (Phoenix)"),
    ("America/Los_Angeles", "US Pacific (Los Angeles)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ("America/Toronto", "Canada Eastern (Toronto)"),
    ("America/Vancouver", "Canada Pacific (Vancouver)"),
    ("America/Mexico_City", "Mexico (Mexico City)"),
    ("America/Sao_Paulo", "Brazil (São Paulo)"),
    ("Europe/London", "UK and Ireland (London)"),
    ("Europe/Paris", "Central Europe (Paris, Berlin, Madrid)"),
    ("Europe/Athens", "Eastern Europe (Athens)"),
    ("Africa/Lagos", "West Africa (Lagos)"),
    ("Africa/Nairobi", "East Africa (Nairobi)"),
    ("Africa/Johannesburg", "South Africa (Johannesburg)"),
    ("Asia/Dubai", "Gulf (Dubai)"),
    ("Asia/Kolkata", "India (Kolkata)"),
    ("Asia/Shanghai", "China (Shanghai)"),
    ("Asia/Singapore", "Singapore"),
    ("Asia/Seoul", "Korea (Seoul)"),
    ("Asia/Tokyo", "Japan (Tokyo)"),
    ("Australia/Sydney", "Australia Eastern (Sydney)"),
    ("Pacific/Auckland", "New Zealand (Auckland)"),
    ("UTC", "UTC (coordinated universal time)"),
]


# In the tz database, but not a place anyone lives.
NOT_PLACES = {"Factory", "localtime"}


@functools.cache
def all_time_zones() -> frozenset[str]:
    """Every zone name accepted: the tz database's (read from disk once), less NOT_PLACES."""
    return frozenset(zoneinfo.available_timezones() - NOT_PLACES)


def _table(name: str) -> list[list[str]]:
    """Rows of one of the tz database's tables, shipped in the tzdata package."""
    text = resources.files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def places() -> dict[str, str]:
    """Zone name -> its country, for the zones the tz database lists for a country
    (zone.tab): the places people live, without the aliases and the machine names."""
    countries = {row[0]: row[1] for row in _table("iso3166.tab")}
    return {row[2]: countries.get(row[0], row[0]) for row in _table("zone.tab")}


def place_label(name: str, country: str = "") -> str:
    """'America/Argentina/Buenos_Aires' -> 'Argentina / Buenos Aires (Argentina)'."""
    place = " / ".join(part.replace("_", " ") for part in name.split("/")[1:])
    return f"{place} ({country})" if country and country != place else place


@functools.cache
def time_zone_options() -> list:
    """Grouped choices for a select: common zones, then each region's places."""
    groups: dict[str, list] = {region: [] for region in REGIONS}
    known = all_time_zones()
    for name, country in sorted(places().items()):
        region = name.split("/", 1)[0]
        if name in known and region in groups:
            groups[region].append((name, place_label(name, country)))
    common = [(name, label) for name, label in COMMON if name in known]
    return [("Common", common)] + [(REGIONS[r], zones) for r, zones in groups.items() if zones]


@functools.cache
def listed_time_zones() -> frozenset[str]:
    return frozenset(name for _, group in time_zone_options() for name, _ in group)


class TimeZoneSelect(forms.Select):
    """Shows a value from outside the list (kept from before) instead of dropping it."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        current = next((v for v in value if v), None)
        if current and current not in listed_time_zones():
            option = self.create_option(name, current, current.replace("_", " "), True, 0)
            groups.insert(0, ("Current", [option], 0))
        return groups


class TimeZoneField(forms.ChoiceField):
    widget = TimeZoneSelect

    default_error_messages = {
        "invalid_choice": "Pick a time zone from the list, such as US Eastern (New York).",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Time zone")
        super().__init__(choices=time_zone_options, **kwargs)
        # app.js adds "this device's zone" and a search box to selects marked so.
        self.widget.attrs["data-time-zone"] = ""

    def valid_value(self, value) -> bool:
        return value in all_time_zones()
