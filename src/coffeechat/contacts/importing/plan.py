"""What an import does, row by row: the plan the preview shows and the summary after.

Plain data, no database: ``apply`` makes these.
"""

from dataclasses import dataclass, field

from coffeechat.contacts.importing.formats import FORMATS
from coffeechat.contacts.importing.records import ImportRecord

CREATE, MERGE, SKIP = "create", "merge", "skip"


@dataclass(slots=True)
class RowPlan:
    """What one row of the file does: create a contact, merge into one, or nothing."""

    row: int
    action: str
    record: ImportRecord
    reason: str = ""
    contact_id: int | None = None  # the existing contact a merge goes into
    into_row: int | None = None  # or the earlier row of this file it repeats
    target_name: str = ""
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    filename: str
    format: str
    rows: list[RowPlan]
    dry_run: bool = False
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.action == CREATE)

    @property
    def merged(self) -> int:
        return sum(1 for row in self.rows if row.action == MERGE)

    @property
    def unchanged(self) -> int:
        """Merged rows that had nothing new to add (a file imported again)."""
        return sum(1 for row in self.rows if row.action == MERGE and not row.changes)

    @property
    def skipped(self) -> list[dict]:
        return [{"row": r.row, "reason": r.reason} for r in self.rows if r.action == SKIP]

    @property
    def format_name(self) -> str:
        fmt = FORMATS.get(self.format)
        return fmt.label if fmt else self.format

    @property
    def record_word(self) -> str:
        """ "card" or "row": what a skipped record is called."""
        fmt = FORMATS.get(self.format)
        return fmt.record_word if fmt else "row"

    def as_json(self) -> dict:
        return {
            "created": self.created,
            "merged": self.merged,
            "skipped": self.skipped,
            "unchanged": self.unchanged,
            "format": self.format,
            "dry_run": self.dry_run,
        }

    def summary(self) -> str:
        """'Created 12, merged 3, skipped 1.' (or what a dry run would do)."""
        counts = (self.created, self.merged, len(self.skipped))
        if self.dry_run:
            return "Would create {}, merge {}, skip {} (a dry run: nothing was saved).".format(
                *counts
            )
        return "Created {}, merged {}, skipped {}.".format(*counts)
