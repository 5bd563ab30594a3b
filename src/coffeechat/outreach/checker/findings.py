"""What the checker reports: findings (one problem each) and the report around them."""

from dataclasses import dataclass

ERROR, WARNING, TIP = "error", "warning", "tip"
SEVERITIES = (ERROR, WARNING, TIP)
_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how serious, what to do, and where (None: the whole text)."""

    rule: str
    severity: str
    message: str
    start: int | None = None
    end: int | None = None
    suggestions: tuple[str, ...] = ()

    def shifted(self, offset: int) -> "Finding":
        if self.start is None or self.end is None or not offset:
            return self
        return Finding(
            self.rule,
            self.severity,
            self.message,
            self.start + offset,
            self.end + offset,
            self.suggestions,
        )

    def as_json(self) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }
        if self.suggestions:
            data["suggestions"] = list(self.suggestions)
        return data


def sort_key(finding: Finding) -> tuple:
    start = finding.start if finding.start is not None else -1
    return (_ORDER[finding.severity], start, finding.rule)


@dataclass
class Report:
    """The checker's verdict on one message."""

    findings: list[Finding]
    words: int
    characters: int
    channel: str = "email"
    kind: str = "request"
    limit: int | None = None  # the LinkedIn character limit that applied, if any
    subject: str | None = None

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == ERROR for finding in self.findings)

    def by_severity(self, severity: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == severity]

    def as_json(self) -> dict:
        return {
            "findings": [finding.as_json() for finding in self.findings],
            "words": self.words,
            "characters": self.characters,
            "channel": self.channel,
            "kind": self.kind,
        }
