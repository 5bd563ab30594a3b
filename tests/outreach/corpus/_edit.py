"""Set header fields of corpus messages.

python -m tests.outreach.corpus._edit FILE NAME FIELD VALUE [NAME FIELD VALUE ...]
"""

import sys
from pathlib import Path


def set_field(path: Path, name: str, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"=== {name}\n")
    end = text.index("\n---\n", start)
    lines = [line for line in text[start:end].split("\n") if not line.startswith(f"{field}:")]
    lines.append(f"{field}: {value}")
    path.write_text(text[:start] + "\n".join(lines) + text[end:], encoding="utf-8")


if __name__ == "__main__":
    path = Path(__file__).parent / sys.argv[1]
    args = sys.argv[2:]
    for i in range(0, len(args), 3):
        set_field(path, *args[i : i + 3])
