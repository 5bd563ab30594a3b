"""The interviews app's models, one module per part of the conversation's life:
``interview`` (the conversation and its stages), ``records`` (what it leaves behind) and
``keeping_in_touch`` (afterwards)."""

from coffeechat.interviews.models.interview import (
    ASK_MAX_MINUTES,
    ASK_MIN_MINUTES,
    CHECKLIST,
    CHECKLIST_KEYS,
    CLOSED_STAGES,
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MET_STAGES,
    MIN_MINUTES,
    PREPARED_MIN_QUESTIONS,
    THANK_YOU_WITHIN,
    TRANSITIONS,
    Interview,
    Mode,
    TransitionRefused,
    check_duration,
    checklist_complete,
    duration_warning,
    refusal,
)
from coffeechat.interviews.models.keeping_in_touch import Interaction, KeepInTouch
from coffeechat.interviews.models.records import InterviewQuestion, TimelineEntry, Todo

__all__ = [
    "ASK_MAX_MINUTES",
    "ASK_MIN_MINUTES",
    "CHECKLIST",
    "CHECKLIST_KEYS",
    "CLOSED_STAGES",
    "DEFAULT_MINUTES",
    "MAX_MINUTES",
    "MET_STAGES",
    "MIN_MINUTES",
    "PREPARED_MIN_QUESTIONS",
    "THANK_YOU_WITHIN",
    "TRANSITIONS",
    "Interaction",
    "Interview",
    "InterviewQuestion",
    "KeepInTouch",
    "Mode",
    "TimelineEntry",
    "Todo",
    "TransitionRefused",
    "check_duration",
    "checklist_complete",
    "duration_warning",
    "refusal",
]
