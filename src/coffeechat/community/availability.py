"""Weekly availability windows, typed as 'Tue 18:00-20:00', one a line.

Stored as local clock times with the profile's IANA zone (never shifted to UTC), so a
weekly slot stays at 18:00 across a daylight-saving change; issue 13 expands them per date.
"""

import datetime as dt
import re

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_LINE = re.compile(
    r"^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?::(\d{2}))?\s*[-–]\s*(\d{1,2})(?::(\d{2}))?$"
)
MAX_WINDOWS = 21


def parse_windows(text: str) -> list[dict]:
    """[{'day': 'tue', 'start': '18:00', 'end': '20:00'}, ...]; ValueError names a bad line."""
    windows = []
    for raw in (text or "").splitlines():
        line = " ".join(raw.split()).lower()
        if not line:
            continue
        match = _LINE.match(line)
        if not match or match.group(1) not in DAYS:
            raise ValueError(f"“{raw.strip()[:40]}” is not like “Tue 18:00-20:00”.")
        day, h1, m1, h2, m2 = match.groups()
        try:
            start = dt.time(int(h1), int(m1 or 0))
            end = dt.time(int(h2), int(m2 or 0))
        except ValueError:
            raise ValueError(f"“{raw.strip()[:40]}” has a time that does not exist.") from None
        if end <= start:
            raise ValueError(f"“{raw.strip()[:40]}” ends before it starts.")
        windows.append({"day": day, "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")})
    if len(windows) > MAX_WINDOWS:
        raise ValueError(f"At most {MAX_WINDOWS} windows a week.")
    return windows


def format_windows(windows) -> str:
    lines = []
    for window in windows or []:
        if isinstance(window, dict) and window.get("day") in DAYS:
            lines.append(f"{window['day'].title()} {window.get('start')}-{window.get('end')}")
    return "\n".join(lines)
