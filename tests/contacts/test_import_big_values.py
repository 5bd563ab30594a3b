"""An upload's file and its parsed copy are stored and read back whole, in parts on
PostgreSQL (so the driver's buffers never grow to their size), and leave nothing behind."""

import random

import pytest
from django.db import connection

from coffeechat.contacts.importing import rows
from coffeechat.contacts.models import PendingImport


def _pending(owner) -> PendingImport:
    return PendingImport.objects.create(owner=owner, filename="big.csv", format="csv", data=b"")


def _reloaded(kept: PendingImport) -> PendingImport:
    return PendingImport.objects.defer("data", "parsed").get(pk=kept.pk)


def _large_objects() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_largeobject_metadata")
        return cursor.fetchone()[0]


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 9_999, 10_000, 10_001])
def test_values_of_every_size_come_back_whole(owner, monkeypatch, size):
    monkeypatch.setattr(rows, "BYTES_PART", 1000)
    noise = random.Random(size).randbytes(size)  # incompressible
    text = (b"First Name,Last Name\r\n" * (size // 20 + 1))[:size]  # compressible
    kept = _pending(owner)
    rows.write_bytes(kept, data=noise, parsed=text)
    assert (kept.data, kept.parsed) == (noise, text)
    again = _reloaded(kept)
    assert bytes(rows.read_bytes(again, "data")) == noise
    assert bytes(rows.read_bytes(again, "parsed")) == text
    assert bytes(again.data) == noise  # kept on the instance


def test_a_missing_parsed_copy_reads_as_none(owner):
    kept = _pending(owner)
    rows.write_bytes(kept, parsed=None)
    assert rows.read_bytes(_reloaded(kept), "parsed") is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parts are PostgreSQL's")
def test_a_value_written_in_parts_leaves_no_large_object(owner, monkeypatch):
    monkeypatch.setattr(rows, "BYTES_PART", 1000)
    before = _large_objects()
    rows.write_bytes(_pending(owner), data=b"x" * 5_500)
    assert _large_objects() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parts are PostgreSQL's")
def test_a_big_value_is_read_in_at_most_read_parts(owner, monkeypatch):
    monkeypatch.setattr(rows, "BYTES_PART", 1000)
    data = bytes(range(256)) * 100  # 25,600 bytes: 8 parts of 3,200
    kept = _pending(owner)
    rows.write_bytes(kept, data=data)
    sizes = []
    psycopg = pytest.importorskip("psycopg")
    stream = psycopg.Cursor.stream

    def counted(self, query, params=None, **kwargs):
        for row in stream(self, query, params, **kwargs):
            sizes.append(len(row[0]))
            yield row

    monkeypatch.setattr(psycopg.Cursor, "stream", counted)
    assert bytes(rows.read_bytes(_reloaded(kept), "data")) == data
    assert sizes == [3_200] * rows.READ_PARTS
