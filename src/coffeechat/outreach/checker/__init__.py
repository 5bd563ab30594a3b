"""The outreach message checker: pure Python, no database.

Used live on the compose page and by ``coffeechat check``. ``check_message`` runs every
rule that applies to a message's channel and kind (see ``rules`` for the matrix) and
returns a ``Report``; the detectors other features reuse are exported here too.
"""

from .asks import find_job_asks, find_salary_asks
from .core import check_document, check_message, split_headers
from .findings import ERROR, SEVERITIES, TIP, WARNING, Finding, Report
from .graphemes import count_characters
from .kinds import KINDS, infer_kind
from .placeholders import find_blanks
from .rules import CHANNELS, FREE_LIMIT, PREMIUM_LIMIT
from .spelling import find_misspellings
from .text import count_words

__all__ = [
    "CHANNELS",
    "ERROR",
    "FREE_LIMIT",
    "KINDS",
    "PREMIUM_LIMIT",
    "SEVERITIES",
    "TIP",
    "WARNING",
    "Finding",
    "Report",
    "check_document",
    "check_message",
    "count_characters",
    "count_words",
    "find_blanks",
    "find_job_asks",
    "find_misspellings",
    "find_salary_asks",
    "infer_kind",
    "split_headers",
]
