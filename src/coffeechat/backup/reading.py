"""Reading a backup file a piece at a time, so that a restore's memory does not grow with
the file (issue 14: a 300,000-contact backup is about 200 MB of JSON).

``JsonStream(file).members()`` walks the file's top-level object and yields each
``(key, value)``: a list's value comes as ``Items``, which decodes its elements one at a
time as they are asked for; any other value is decoded whole. Only a window of the text is
held (``READ_SIZE`` characters, more when one element is bigger than that), and each
element is decoded by the standard library's C decoder (``raw_decode``) at its place in
that window. Any JSON layout is read: the export puts each record on its own lines, but a
file on one line, or with any whitespace, gives the same values.

Errors are ``BackupError``s with the messages ``files.load_backup`` gives for a whole
file: not text, not JSON (with the line and column), nested too deeply, not an object.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator

from coffeechat.backup.errors import BackupError

READ_SIZE = 1 << 16  # characters read at a time
_SPACES = re.compile(r"[ \t\n\r]*")
# An error this close to the end of the window may only mean the element goes on.
_NEAR_END = 12
_decoder = json.JSONDecoder()

NOT_TEXT = (
    "the file is not a coffeechat backup: it is not text (UTF-8). "
    "Choose the .json file that coffeechat's JSON export made."
)
TOO_DEEP = (
    "the file is nested too deeply to be a coffeechat backup. Choose the .json file "
    "that coffeechat's JSON export made, unchanged."
)
NOT_AN_OBJECT = (
    "the file is JSON but not a coffeechat backup (it should hold one object with "
    '"format": "coffeechat-backup").'
)


def _error(message: str) -> BackupError:
    return BackupError(message, about_file=True)


def not_json(line: int, column: int, what: str):
    return _error(
        f"the file is not valid JSON (line {line}, column {column}: {what}). Choose the .json "
        "file that coffeechat's JSON export made, unchanged."
    )


class JsonStream:
    """A window over a file object's text, from which JSON values are decoded in turn."""

    def __init__(self, file):
        if isinstance(file, bytes):
            file = io.BytesIO(file)
        elif isinstance(file, str):
            file = io.StringIO(file)
        self._file = file
        self._decoder = None  # for a binary file: UTF-8, a byte order mark allowed
        self._first = True
        self.buf = ""
        self.pos = 0
        self.eof = False
        # Where the window starts in the file, to name lines and columns in errors.
        self._lines_before = 0
        self._column_before = 0
        self.chars_read = 0

    # -- the window ----------------------------------------------------------------------

    def _fill(self, at_least: int | None = None) -> None:
        """Read more text (at least ``at_least`` characters unless the file ends)."""
        at_least = at_least or READ_SIZE
        if self.pos:
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self._lines_before += newlines
                self._column_before = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._column_before += len(dropped)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        pieces = [self.buf]
        wanted = len(self.buf) + at_least
        size = len(self.buf)
        while size < wanted and not self.eof:
            chunk = self._file.read(max(READ_SIZE, at_least))
            if isinstance(chunk, bytes):
                if self._decoder is None:
                    self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
                try:
                    text = self._decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError:
                    raise _error(NOT_TEXT) from None
            else:
                text = chunk
                if self._first and text.startswith("\ufeff"):
                    text = text[1:]
            if chunk:
                self._first = False
            if not chunk:
                self.eof = True
            self.chars_read += len(text)
            pieces.append(text)
            size += len(text)
        self.buf = "".join(pieces)

    def _more(self) -> None:
        """Grow the window for an element that does not fit yet (doubling, so that reading
        a big element stays linear)."""
        self._fill(max(READ_SIZE, len(self.buf) - self.pos))

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            self.pos = _SPACES.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos : self.pos + 1]
            self._fill()

    def where(self, pos: int) -> tuple[int, int]:
        """(line, column) of the window's ``pos`` in the file, both from 1."""
        line = self._lines_before + self.buf.count("\n", 0, pos) + 1
        start = self.buf.rfind("\n", 0, pos)
        column = pos - start if start >= 0 else self._column_before + pos + 1
        return line, column

    def invalid(self, pos: int, what: str) -> BackupError:
        if pos >= len(self.buf) and self.eof:
            line, _ = self.where(pos)
            return _error(
                f"the file stops before the backup ends (line {line} is its last): it was "
                "probably cut short while being downloaded or copied. Download the backup "
                "again, or copy the whole file."
            )
        return not_json(*self.where(pos), what)

    def value(self):
        """Decode the value that starts at the next non-whitespace character."""
        self.peek()
        while True:
            try:
                value, end = _decoder.raw_decode(self.buf, self.pos)
            except RecursionError:
                raise _error(TOO_DEEP) from None
            except json.JSONDecodeError as error:
                unfinished = error.pos >= len(self.buf) - _NEAR_END or error.msg.startswith(
                    "Unterminated string"
                )
                if unfinished and not self.eof:
                    self._more()
                    continue
                if error.pos >= len(self.buf) or error.msg.startswith("Unterminated string"):
                    raise self.invalid(len(self.buf), error.msg) from None
                raise self.invalid(error.pos, error.msg) from None
            if end >= len(self.buf) and not self.eof:  # a number may go on in the next read
                self._more()
                continue
            self.pos = end
            return value

    def expect(self, allowed: str, what: str) -> str:
        found = self.peek()
        if not found or found not in allowed:
            raise self.invalid(self.pos, what)
        self.pos += 1
        return found

    # -- the file's shape -----------------------------------------------------------------

    def members(self) -> Iterator[tuple[str, object]]:
        """Each (key, value) of the top-level object, in the file's order. A list comes as
        ``Items``, to be read before the next member is asked for (what is left of it is
        skipped then)."""
        first = self.peek()
        if first != "{":
            self.value()  # not JSON: says where; else JSON that is not an object
            raise _error(NOT_AN_OBJECT)
        self.pos += 1
        if self.peek() == "}":
            self.pos += 1
        else:
            while True:
                if self.peek() != '"':
                    raise self.invalid(
                        self.pos, "Expecting property name enclosed in double quotes"
                    )
                key = self.value()
                self.expect(":", "Expecting ':' delimiter")
                if self.peek() == "[":
                    self.pos += 1
                    items = Items(self._elements())
                    yield key, items
                    items.skip()
                else:
                    yield key, self.value()
                if self.expect(",}", "Expecting ',' delimiter") == "}":
                    break
        if self.peek():
            raise self.invalid(self.pos, "Extra data")

    def _elements(self):
        """The elements of the list whose "[" was just read."""
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",]", "Expecting ',' delimiter") == "]":
                return


class Items:
    """The elements of one list in the file, decoded one at a time; iterable once."""

    def __init__(self, elements: Iterator):
        self._elements = elements

    def __iter__(self):
        return self._elements

    def skip(self) -> None:
        for _ in self._elements:
            pass
