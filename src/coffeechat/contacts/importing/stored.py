"""A parsed file as bytes, so that the web import parses an upload once.

The upload is parsed when it arrives; its records wait beside the file in the owner's
``PendingImport`` until the preview shows them and the confirmation saves them, so a big
file is not parsed again at each step. Compact (each record a list of values, the field
names written once) and compressed; a blob an older coffeechat wrote, or one that cannot be
read, loads as None and the file is parsed again.
"""

import dataclasses
import json
import zlib
from datetime import date

from coffeechat.contacts.importing.records import ImportRecord, ParsedFile

VERSION = 1
_FIELDS = [f.name for f in dataclasses.fields(ImportRecord)]
_DATE = _FIELDS.index("connected_on")


def dump(parsed: ParsedFile) -> bytes:
    rows = []
    for record in parsed.records:
        values = [getattr(record, name) for name in _FIELDS]
        if values[_DATE] is not None:
            values[_DATE] = values[_DATE].isoformat()
        rows.append(values)
    data = {
        "version": VERSION,
        "fields": _FIELDS,
        "filename": parsed.filename,
        "format": parsed.format,
        "headers": parsed.headers,
        "mapping": parsed.mapping,
        "samples": parsed.samples,
        "records": rows,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def load(blob: bytes | memoryview | None) -> ParsedFile | None:
    """The ParsedFile ``dump`` made, or None when there is none this coffeechat can use."""
    if not blob:
        return None
    try:
        data = json.loads(zlib.decompress(bytes(blob)).decode("utf-8"))
        if data.get("version") != VERSION or data.get("fields") != _FIELDS:
            return None
        records = []
        for values in data["records"]:
            if values[_DATE] is not None:
                values[_DATE] = date.fromisoformat(values[_DATE])
            records.append(ImportRecord(*values))
    except (ValueError, TypeError, KeyError, IndexError, zlib.error):
        return None
    return ParsedFile(
        data["filename"],
        data["format"],
        records,
        data["headers"],
        data["mapping"],
        data["samples"],
    )
