"""The sections a backup is made of, in order: the core ones, then any app's ``backup.py``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

if TYPE_CHECKING:
    from coffeechat.backup.fields import ExportContext, ParseContext, RestoreContext

# Top-level keys of the file that are not sections.
HEADER_KEYS = ("format", "version", "exported_at", "coffeechat_version")


@dataclass(frozen=True)
class Section:
    """One part of the file: how to export it, check it and restore it."""

    key: str
    export: Callable[[Any, ExportContext], Any]
    parse: Callable[[Any, ParseContext], Any]
    restore: Callable[[Any, Any, RestoreContext], int | None]
    # How many of these records the user already has; any makes the account non-empty.
    count: Callable[[Any], int] = lambda user: 0
    label: tuple[str, str] = ("record", "records")
    required: bool = False
    needs: tuple[str, ...] = ()


_sections: dict[str, Section] = {}
_discovered = False


def register(section: Section) -> None:
    if section.key in HEADER_KEYS or section.key in _sections:
        raise ImproperlyConfigured(f"backup section {section.key!r} is registered twice.")
    for need in section.needs:
        if need not in _sections:
            raise ImproperlyConfigured(
                f"backup section {section.key!r} needs {need!r}, which must be registered first."
            )
    _sections[section.key] = section


def sections() -> list[Section]:
    """Every section, in the order they are exported and restored."""
    global _discovered
    if not _discovered:
        _discovered = True
        for app in apps.get_app_configs():
            if app.name.startswith("coffeechat.") and module_has_submodule(app.module, "backup"):
                import_module(f"{app.name}.backup")
    return list(_sections.values())
