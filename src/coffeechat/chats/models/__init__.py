"""The chats app's models: a request and its moves (``requests``), its thread
(``thread``), blocks between two people (``blocks``), and what follows the meeting
(``after``)."""

from coffeechat.chats.limits import open_limit
from coffeechat.chats.models.after import Debrief, Report, ReportReason
from coffeechat.chats.models.blocks import Block
from coffeechat.chats.models.requests import (
    DECLINE_WORDS,
    EXPIRES_AFTER,
    MAX_BODY,
    MAX_MINUTES,
    MIN_MINUTES,
    REMIND_AFTER,
    SUBJECT,
    ChatRequest,
    ChatRequestQuerySet,
    DeclineReason,
    Happened,
)
from coffeechat.chats.models.thread import ChatMessage
from coffeechat.chats.refusal import RequestRefused

__all__ = [
    "DECLINE_WORDS",
    "EXPIRES_AFTER",
    "MAX_BODY",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "REMIND_AFTER",
    "SUBJECT",
    "Block",
    "ChatMessage",
    "ChatRequest",
    "ChatRequestQuerySet",
    "Debrief",
    "DeclineReason",
    "Happened",
    "Report",
    "ReportReason",
    "RequestRefused",
    "open_limit",
]
