"""The agenda app adds nothing to the backup, on purpose.

Its one model, ``CalendarFeed``, holds the secret token in the private calendar address:
whoever has the address reads the calendar. A backup file gets copied, mailed and left in
download folders; if it carried the token, a leaked file would open the calendar of
whichever account it was restored into, and a restore would revive an address the user
may have cut off. So the token (and when the feed was last fetched) stays out: an account
made from a backup gets a new address the first time its owner opens the calendar page,
and subscribes again with it. Everything the feed shows (interviews, next steps, who is due
a check-in) is in the interviews app's sections and comes back with them.

No section is declared here; this module exists so that this decision is found where a
section would be added.
"""

SECTIONS: list = []
