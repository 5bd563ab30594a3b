"""The versioned JSON backup of one user's data, and its exact restore: a framework that
imports no app.

``registry`` finds each app's sections (its ``backup.py``) and orders them; ``fields``
checks values and maps ids; ``model_sections`` builds the usual section for one model;
``bulk`` writes restored rows; ``reading`` reads a file a piece at a time; ``files``
reads, writes, exports and restores whole files.
docs/BACKUP.md describes the file and how to add a section.
"""

from coffeechat.backup.bulk import create_all, update_each
from coffeechat.backup.fields import (
    ExportContext,
    ParseContext,
    RestoreContext,
    Row,
    decode_value,
    encode_fields,
    plain_fields,
    read_values,
)
from coffeechat.backup.files import (
    FORMAT,
    UPGRADES,
    VERSION,
    BackupError,
    RestoreSummary,
    dump_backup,
    existing_data,
    export_backup,
    load_backup,
    restore_backup,
    restore_file,
    write_backup,
)
from coffeechat.backup.model_sections import model_section
from coffeechat.backup.registry import Section, register, sections

__all__ = [
    "FORMAT",
    "UPGRADES",
    "VERSION",
    "BackupError",
    "ExportContext",
    "ParseContext",
    "RestoreContext",
    "RestoreSummary",
    "Row",
    "Section",
    "create_all",
    "decode_value",
    "dump_backup",
    "encode_fields",
    "existing_data",
    "export_backup",
    "load_backup",
    "model_section",
    "plain_fields",
    "read_values",
    "register",
    "restore_backup",
    "restore_file",
    "sections",
    "update_each",
    "write_backup",
]
