"""A parsed file as bytes, so that the web import parses an upload once.

The upload is parsed when it arrives; its records wait beside the file in the owner's
``PendingImport`` until the preview shows them and the confirmation saves them, so a big
file is not parsed again at each step. Compact (a first line naming the fields, then each
record as one line of JSON values) and compressed as a stream: neither writing nor reading
holds more than one record and one compressed chunk, whatever the file's size. A blob an
older coffeechat wrote, or one that cannot be read, loads as None and the file is parsed
again.
"""

import dataclasses
import io
import json
import zlib
from datetime import date

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import ImportRecord, ParsedFile

VERSION = 2  # 1: one JSON document holding every record
_FIELDS = [f.name for f in dataclasses.fields(ImportRecord)]
_DATE = _FIELDS.index("connected_on")
_CHUNK = 1 << 16
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_UNREADABLE = (
    "the copy of this file kept since its upload can't be read any more; "
    "cancel this import and upload the file again."
)


def dump(parsed: ParsedFile) -> bytes:
    """The records of ``parsed`` (read here, one at a time) as one compressed blob."""
    out = io.BytesIO()
    packer = zlib.compressobj(1)
    head = {
        "version": VERSION,
        "fields": _FIELDS,
        "filename": parsed.filename,
        "format": parsed.format,
        "headers": parsed.headers,
        "mapping": parsed.mapping,
        "samples": parsed.samples,
    }
    lines = [_ENCODE(head)]
    for record in parsed:
        values = [getattr(record, name) for name in _FIELDS]
        if values[_DATE] is not None:
            values[_DATE] = values[_DATE].isoformat()
        lines.append(_ENCODE(values))
        if len(lines) >= 256:
            out.write(packer.compress(("\n".join(lines) + "\n").encode("utf-8")))
            lines = []
    out.write(packer.compress(("\n".join(lines) + "\n").encode("utf-8") if lines else b""))
    out.write(packer.flush())
    return out.getvalue()


def _lines(blob):
    """The blob's lines (bytes), decompressed a chunk at a time."""
    view = memoryview(blob)
    unpacker = zlib.decompressobj()
    rest = b""
    for start in range(0, len(view), _CHUNK):
        block = rest + unpacker.decompress(view[start : start + _CHUNK])
        *lines, rest = block.split(b"\n")
        yield from lines
    rest += unpacker.flush()
    if not unpacker.eof:
        raise zlib.error("the blob is cut off")
    yield from rest.split(b"\n")[:-1] if rest else ()


def _intact(blob) -> bool:
    """Whether the whole blob decompresses (its checksum holds), without keeping any of it."""
    view = memoryview(blob)
    unpacker = zlib.decompressobj()
    try:
        for start in range(0, len(view), _CHUNK):
            unpacker.decompress(view[start : start + _CHUNK], _CHUNK * 64)
            while unpacker.unconsumed_tail:
                unpacker.decompress(unpacker.unconsumed_tail, _CHUNK * 64)
        unpacker.flush()
    except zlib.error:
        return False
    return unpacker.eof and not unpacker.unused_data


def load(blob: bytes | memoryview | None) -> ParsedFile | None:
    """The ParsedFile ``dump`` made, or None when there is none this coffeechat can use.

    Its records are decompressed again, one at a time, each time it is iterated.
    """
    if not blob:
        return None
    try:
        head = json.loads(next(_lines(blob)))
        if head.get("version") != VERSION or head.get("fields") != _FIELDS:
            return None
        filename, fmt = head["filename"], head["format"]
        headers, mapping, samples = head["headers"], head["mapping"], head["samples"]
    except (ValueError, TypeError, KeyError, AttributeError, StopIteration, zlib.error):
        return None
    if not _intact(blob):
        return None

    def read_records():
        lines = _lines(blob)
        next(lines)  # the head
        try:
            for line in lines:
                values = json.loads(line)
                if values[_DATE] is not None:
                    values[_DATE] = date.fromisoformat(values[_DATE])
                yield ImportRecord(*values)
        except (ValueError, TypeError, IndexError, zlib.error):
            raise ImportFileError(filename, _UNREADABLE) from None

    return ParsedFile(filename, fmt, read_records, headers, mapping, samples)
