"""Why a backup cannot be restored."""

from __future__ import annotations

MAX_PROBLEMS_SHOWN = 12


class BackupError(Exception):
    """The file cannot be restored; ``problems`` says why, one plain sentence each.

    ``more`` counts problems found beyond those kept (a restore keeps the first
    ``files.MAX_PROBLEMS_KEPT``); ``about_file`` is true when the file as a whole is not a
    backup this coffeechat can read (not JSON, another format, a newer version), rather than
    a backup with problems in its records.
    """

    def __init__(self, problems: list[str] | str, *, more: int = 0, about_file: bool = False):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.more = more
        self.about_file = about_file
        super().__init__(self.describe())

    @property
    def count(self) -> int:
        """How many problems were found in all."""
        return len(self.problems) + self.more

    def describe(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        shown = self.problems[:limit]
        if self.count == 1:
            return shown[0]
        text = "; ".join(shown)
        if self.count > len(shown):
            text += f"; and {self.count - len(shown)} more problems"
        return text
