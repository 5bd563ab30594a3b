"""Run the checker over the corpus and score it per rule (`make checker-report`)."""

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coffeechat.outreach.checker import check_document
from coffeechat.outreach.checker.catalog import RULES
from coffeechat.outreach.checker.rules import severity

HERE = Path(__file__).resolve().parent
ERROR_RULES = ("empty", "placeholder", "job-ask", "salary", "over-limit", "no-ask")


@dataclass
class Message:
    name: str
    file: str
    kind: str
    channel: str
    given: bool
    expect: set[str]
    maybe: set[str]
    text: str
    fired: dict[str, str] = field(default_factory=dict)  # rule -> worst severity
    guessed_kind: str = ""

    @property
    def good(self) -> bool:
        """No expected rule is an error for this message."""
        return not any(severity(rule, self.channel, self.kind) == "error" for rule in self.expect)


def _rules(value: str) -> set[str]:
    return {part.strip() for part in value.split(",") if part.strip()}


def load(directory: Path = HERE) -> list[Message]:
    messages = []
    for path in sorted(directory.glob("*.txt")):
        chunks = path.read_text(encoding="utf-8").split("\n=== ")
        chunks[0] = chunks[0].removeprefix("=== ")
        for chunk in chunks:
            if not chunk.strip():
                continue
            head, _, text = chunk.partition("\n---\n")
            name, *lines = head.splitlines()
            fields = dict(line.split(":", 1) for line in lines if ":" in line)
            fields = {key.strip(): value.strip() for key, value in fields.items()}
            message = Message(
                name=name.strip(),
                file=path.name,
                kind=fields["kind"],
                channel=fields.get("channel", "email"),
                given=fields.get("given", "no") == "yes",
                expect=_rules(fields.get("expect", "")),
                maybe=_rules(fields.get("maybe", "")),
                text=text.rstrip("\n") + "\n",
            )
            unknown = (message.expect | message.maybe) - set(RULES)
            if unknown:
                raise ValueError(f"{path.name} {message.name}: unknown rules {sorted(unknown)}")
            messages.append(message)
    names = Counter(message.name for message in messages)
    doubled = [name for name, count in names.items() if count > 1]
    if doubled:
        raise ValueError(f"messages named twice: {doubled}")
    return messages


_RANK = {"error": 0, "warning": 1, "tip": 2}


def run(messages: list[Message]) -> list[Message]:
    for message in messages:
        report = check_document(
            message.text,
            channel=message.channel,
            kind=message.kind if message.given else None,
        )
        message.guessed_kind = report.kind
        message.fired = {}
        for finding in report.findings:
            worst = message.fired.get(finding.rule)
            if worst is None or _RANK[finding.severity] < _RANK[worst]:
                message.fired[finding.rule] = finding.severity
    return messages


@dataclass
class Score:
    rule: str
    expected: int = 0
    caught: int = 0
    false_alarms: int = 0
    on_good: int = 0  # how many good messages it fired on

    @property
    def precision(self) -> float | None:
        fired = self.caught + self.false_alarms
        return self.caught / fired if fired else None

    @property
    def recall(self) -> float | None:
        return self.caught / self.expected if self.expected else None


def score(messages: list[Message]) -> dict[str, Score]:
    scores = {rule: Score(rule) for rule in RULES}
    for message in messages:
        for rule in message.expect:
            scores[rule].expected += 1
            if rule in message.fired:
                scores[rule].caught += 1
        for rule in message.fired:
            if rule not in message.expect and rule not in message.maybe:
                scores[rule].false_alarms += 1
            if message.good:
                scores[rule].on_good += 1
    return scores


def errors_on_good(messages: list[Message]) -> list[tuple[Message, str]]:
    return [
        (message, rule)
        for message in messages
        if message.good
        for rule, level in message.fired.items()
        if level == "error"
    ]


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(messages: list[Message]) -> str:
    scores = score(messages)
    good = sum(1 for message in messages if message.good)
    lines = [
        "| rule | expected | caught | false alarms | precision | recall | fires on good messages |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for rule, s in scores.items():
        share = f"{s.on_good / good:.0%}" if good else "—"
        lines.append(
            f"| `{rule}` | {s.expected} | {s.caught} | {s.false_alarms} | {_pct(s.precision)} "
            f"| {_pct(s.recall)} | {share} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    messages = run(load())
    verbose = "-v" in argv
    good = [m for m in messages if m.good]
    guessed = [m for m in messages if not m.given]
    right_kind = sum(1 for m in guessed if m.guessed_kind == m.kind)
    print(f"{len(messages)} messages ({len(good)} good, {len(messages) - len(good)} with an error)")
    print(f"kind worked out right: {right_kind} of {len(guessed)} messages checked without one")
    print()
    print(table(messages))
    print()
    bad = errors_on_good(messages)
    print(f"errors on good messages: {len(bad)}")
    for message, rule in bad:
        print(f"  {message.file} {message.name}: {rule}")
    if verbose:
        print()
        for message in messages:
            misses = message.expect - set(message.fired)
            alarms = set(message.fired) - message.expect - message.maybe
            if misses or alarms:
                print(
                    f"{message.file} {message.name} ({message.kind}, read as "
                    f"{message.guessed_kind}): missed {sorted(misses)}, "
                    f"false {sorted(alarms)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
