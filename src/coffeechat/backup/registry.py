"""The sections a backup is made of, and the order they are exported and restored in.

Each app that has data declares its sections in its own ``backup.py``, as a list
``SECTIONS`` (an app with nothing to back up says so with an empty list, and why).
Nothing registers itself on import: ``sections()`` finds every coffeechat app's
``backup.py`` through the app registry, the first time it is asked, and orders them:

- an app's sections come after those of every app they need (``Section.needs``), and
  otherwise in INSTALLED_APPS order; within an app, in the order of its list, each after
  the ones it needs;
- a section that needs one no app declares, a key declared twice, or a ``backup.py``
  without ``SECTIONS``, stops it with ImproperlyConfigured (tests/test_backup.py checks
  the whole list, so a section that goes missing fails there).

This package imports no app: it knows sections only through this list.
"""

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
PROJECT = "coffeechat."


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


_sections: dict[str, Section] | None = None


def register(section: Section) -> None:
    """Add ``section`` after the ones there are (which must include all it needs)."""
    global _sections
    if _sections is None:
        _sections = {}
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
    global _sections
    if _sections is None:
        found: dict[str, Section] = {}
        for section in in_order(declared()):
            found[section.key] = section
        _sections = found
    return list(_sections.values())


def declared() -> list[tuple[str, list[Section]]]:
    """(app, its SECTIONS) for every coffeechat app with a backup.py, in INSTALLED_APPS order."""
    result = []
    for app in apps.get_app_configs():
        if not app.name.startswith(PROJECT) or not module_has_submodule(app.module, "backup"):
            continue
        module = import_module(f"{app.name}.backup")
        listed = getattr(module, "SECTIONS", None)
        if not isinstance(listed, list | tuple) or not all(
            isinstance(section, Section) for section in listed
        ):
            raise ImproperlyConfigured(
                f"{app.name}.backup must declare SECTIONS, a list of backup.Section "
                "(empty when the app has nothing to back up)."
            )
        result.append((app.name, list(listed)))
    return result


def app_upgrades(version: int) -> list[Callable[[dict], dict]]:
    """The steps apps declare (``UPGRADES = {version: function}`` in their backup.py) that
    rewrite their part of a file of ``version`` into the next version's shape."""
    steps = []
    for app in apps.get_app_configs():
        if not app.name.startswith(PROJECT) or not module_has_submodule(app.module, "backup"):
            continue
        step = getattr(import_module(f"{app.name}.backup"), "UPGRADES", {}).get(version)
        if step is not None:
            steps.append(step)
    return steps


def in_order(apps_sections: list[tuple[str, list[Section]]]) -> list[Section]:
    """The sections ordered app by app, each app after the apps its sections need."""
    owner: dict[str, str] = {}
    for app, listed in apps_sections:
        for section in listed:
            if section.key in HEADER_KEYS or section.key in owner:
                raise ImproperlyConfigured(
                    f"backup section {section.key!r} is declared twice "
                    f"({owner.get(section.key, 'the file header')} and {app})."
                )
            owner[section.key] = app
    needs: dict[str, set[str]] = {}
    for app, listed in apps_sections:
        needs[app] = set()
        for section in listed:
            for need in section.needs:
                if need not in owner:
                    raise ImproperlyConfigured(
                        f"backup section {section.key!r} ({app}) needs {need!r}, which no "
                        "app declares."
                    )
                if owner[need] != app:
                    needs[app].add(owner[need])
    ordered: list[Section] = []
    done: set[str] = set()
    waiting = [app for app, _ in apps_sections]
    listed_by = dict(apps_sections)
    while waiting:
        app = next((a for a in waiting if needs[a] <= done), None)
        if app is None:
            raise ImproperlyConfigured(
                "backup sections need each other in a circle: " + ", ".join(sorted(waiting))
            )
        waiting.remove(app)
        placed = {section.key for section in ordered}
        for section in listed_by[app]:
            missing = [need for need in section.needs if need not in placed]
            if missing:
                raise ImproperlyConfigured(
                    f"backup section {section.key!r} ({app}) needs {missing[0]!r}, which "
                    "must come before it in the app's SECTIONS."
                )
            ordered.append(section)
            placed.add(section.key)
        done.add(app)
    return ordered
