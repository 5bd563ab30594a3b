"""Reading a CSV as a spreadsheet shows it: rows numbered from 1, the delimiter guessed,
the first rows for finding a header. Shared by the LinkedIn and generic CSV parsers."""

import csv
import io

HEADER_SEARCH_ROWS = 20


def lines(text: str | bytes):
    """The lines of ``text``, each with its line break, one at a time.

    What ``io.StringIO(text, newline="")`` gives, without its copy of the whole text at four
    bytes a character (140 MB for a file of 35 million characters). The text has one line
    ending, "\n" (detect.decode), so that is the only one looked for; a text with "\r" in it
    still goes through StringIO. ``text`` may also be the text in UTF-8, its lines ending in
    "\n" or "\r\n" (detect.decode_with_body's body: half a text's size or less, often the
    uploaded bytes themselves), each line then decoded, ending in "\n", when it is reached.
    """
    if isinstance(text, bytes):
        find, start, end = text.find, 0, len(text)
        while start < end:
            stop = find(b"\n", start)
            if stop < 0:
                yield text[start:].decode("utf-8")
                return
            if stop > start and text[stop - 1] == 13:  # "\r\n"
                yield text[start : stop - 1].decode("utf-8") + "\n"
            else:
                yield text[start : stop + 1].decode("utf-8")
            start = stop + 1
        return
    if "\r" in text:
        yield from io.StringIO(text, newline="")
        return
    find, start, end = text.find, 0, len(text)
    while start < end:
        stop = find("\n", start)
        if stop < 0:
            yield text[start:]
            return
        yield text[start : stop + 1]
        start = stop + 1


def csv_rows(text: str | bytes, delimiter: str = ","):
    """Rows as a spreadsheet shows them: (row number from 1, cells). Blank lines count.

    ``text`` may be the text in UTF-8 (see ``lines``)."""
    reader = csv.reader(lines(text), delimiter=delimiter, strict=False)
    cells = None
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as error:
        raise ValueError(f"row {reader.line_num}: {_csv_problem(error)}") from None
    quote = b'"' if isinstance(text, bytes) else '"'
    if cells and text.count(quote) % 2 and _ends_in_open_quote(text, cells[-1], delimiter):
        # strict=False reads a quote that is never closed as a cell running to the end.
        raise ValueError(f"row {number}: {_UNCLOSED}")


def _ends_in_open_quote(text: str | bytes, last_cell: str, delimiter: str) -> bool:
    """Whether the file ends inside a quoted cell: the last quote mark opens a cell (a
    stray one inside a cell, as in 6" Subs, doesn't), or the last cell spans lines."""
    if isinstance(text, bytes):  # (the delimiters and the line break are one byte in UTF-8)
        position = text.rindex(b'"')
        ends = (delimiter.encode(), b"\n")
        return "\n" in last_cell or position == 0 or text[position - 1 : position] in ends
    position = text.rindex('"')
    return "\n" in last_cell or position == 0 or text[position - 1] in (delimiter, "\n")


_UNCLOSED = (
    'a quote mark (") opened there is never closed, so the rest of the file would be read '
    "as one cell; the file may be cut off: export it again, or fix that row in a text editor"
)


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters, most likely because "
            'a quote mark (") before it is never closed; fix that row in a text editor, or '
            "export the file again"
        )
    return f"{error}; export the file again"


DELIMITERS = (",", ";", "\t")


def delimiters(text: str) -> list[str]:
    """The delimiters a CSV may use, likeliest first: the one that splits some early line
    most (Excel saves with ';' where the comma is a decimal point, and its "Unicode text"
    with tabs). A first line such as LinkedIn's "Notes:" has none, so all are counted."""
    lines = text[:65536].split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    most = {d: max(line.count(d) for line in lines) for d in DELIMITERS}
    return sorted(DELIMITERS, key=lambda d: (-most[d], DELIMITERS.index(d)))


# The header is in the first rows, so it is looked for in the first megabyte, and a row
# of thousands of cells (a file that is one long line of commas) can't be it.
HEADER_SEARCH_CHARS = 1_000_000
MAX_HEADER_CELLS = 1_000


def head_rows(text: str, limit: int = HEADER_SEARCH_ROWS, delimiter: str = ","):
    """The first ``limit`` rows (as csv_rows), a row too wide to be a header as []."""
    rows = []
    try:
        for number, cells in csv_rows(text[:HEADER_SEARCH_CHARS], delimiter):
            rows.append((number, cells if len(cells) <= MAX_HEADER_CELLS else []))
            if number >= limit:
                break
    except ValueError:
        pass
    return rows
