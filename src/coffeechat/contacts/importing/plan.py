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


# How many rows' plans an ImportResult keeps, each with its record: what the preview shows.
# The rest of the file is only counted, so a file of any size costs the same here.
KEPT_ROWS = 200


@dataclass
class ImportResult:
    filename: str
    format: str
    rows: list[RowPlan]  # the plans of the file's first KEPT_ROWS rows
    dry_run: bool = False
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)
    total: int = 0  # rows in the file
    created: int = 0
    merged: int = 0
    unchanged: int = 0  # merged rows that had nothing new to add (a file imported again)
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)

    @property
    def skipped(self) -> list[dict]:
        return [{"row": row, "reason": reason} for row, reason in self.skipped_rows]

    @property
    def skipped_count(self) -> int:
        return len(self.skipped_rows)

    @property
    def more_rows(self) -> int:
        """Rows of the file whose plans were not kept (they are in the counts)."""
        return self.total - len(self.rows)

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
        counts = (self.created, self.merged, len(self.skipped_rows))
        if self.dry_run:
            return "Would create {}, merge {}, skip {} (a dry run: nothing was saved).".format(
                *counts
            )
        return "Created {}, merged {}, skipped {}.".format(*counts)
