"""The import in bounded memory (issue 14): rows read one at a time, only the first plans
kept, a contact the file creates remembered by what later rows need."""

import dataclasses
import tracemalloc
import weakref
import zlib

from coffeechat.contacts.importing import detect, linkedin, planner, stored
from coffeechat.contacts.importing.apply import import_records, plan_import, run_import
from coffeechat.contacts.importing.files import parse_file
from coffeechat.contacts.importing.plan import KEPT_ROWS
from coffeechat.contacts.importing.records import ImportRecord
from coffeechat.contacts.models import Contact

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin_file(count: int, start: int = 0) -> bytes:
    rows = [
        f"Ann{i},Lee,https://www.linkedin.com/in/ann-lee-{i},,Acme {i % 50},Engineer,15 Jan 2024\n"
        for i in range(start, start + count)
    ]
    return (HEADER + "".join(rows)).encode()


def test_a_parsed_file_reads_its_rows_again_at_each_pass_and_keeps_none():
    parsed = parse_file(linkedin_file(3), "Connections.csv")
    first, again = next(iter(parsed)), next(iter(parsed))
    assert first == again
    assert first is not again  # read again from the text, not held in a list
    assert [r.first_name for r in parsed] == ["Ann0", "Ann1", "Ann2"]


class _Tracked(ImportRecord):
    """An ImportRecord that a weak reference can follow (the slotted one can't)."""


def _tracked_import(owner, count: int) -> list[int]:
    """Import ``count`` rows; for each reading of the file, how many of its records were
    still alive once every row had been read."""
    parsed = parse_file(linkedin_file(count), "Connections.csv")
    read, held, every = parsed.read_records, [], []

    def tracked():
        refs = []
        every.append(refs)
        for record in read():
            copy = _Tracked(*(getattr(record, f.name) for f in dataclasses.fields(record)))
            refs.append(weakref.ref(copy))
            yield copy
            del copy
        # Every row has been read: the records still alive are the ones the import holds.
        held.append(sum(1 for ref in refs if ref() is not None))

    parsed.read_records = tracked
    result = import_records(owner, parsed)
    assert result.created == count
    assert Contact.objects.filter(owner=owner).count() == count
    # Once it is done, only the records of the plans it shows are left.
    assert sum(1 for refs in every for ref in refs if ref() is not None) <= KEPT_ROWS
    return held


def test_the_import_never_holds_more_than_the_records_it_shows(owner, monkeypatch):
    monkeypatch.setattr(planner, "KEEP_CREATED", 500)
    held = _tracked_import(owner, 1000)
    # Reading to plan, the import keeps the records of the plans it shows (the records of
    # the contacts to create were let go past KEEP_CREATED); reading to save, at most the
    # one being saved.
    assert len(held) == 2
    assert held[0] <= KEPT_ROWS + 1
    assert held[1] <= 1


def test_a_file_that_creates_few_contacts_is_read_once(owner, monkeypatch):
    monkeypatch.setattr(planner, "KEEP_CREATED", 1000)
    # The records of the contacts to create are kept from planning to saving, then let go.
    assert _tracked_import(owner, 1000) == [1000]


def test_the_result_keeps_the_first_plans_and_counts_the_rest(owner):
    result = plan_import(owner, linkedin_file(KEPT_ROWS + 50), "Connections.csv")
    assert len(result.rows) == KEPT_ROWS
    assert (result.total, result.created, result.more_rows) == (KEPT_ROWS + 50, KEPT_ROWS + 50, 50)
    assert Contact.objects.filter(owner=owner).count() == 0


def test_a_late_row_still_merges_into_a_contact_created_early_in_the_file(owner):
    people = linkedin_file(KEPT_ROWS + 10).decode()
    # The same person as row 2 (Ann0), far down the file, with what row 2 lacked.
    late = "Ann0,Lee,https://www.linkedin.com/in/ann-lee-0,ann0@example.org,Acme 0,,\n"
    blank = "Bo,Chen,,bo@example.org,,,\n"  # no company: a later row fills it
    fills = "Bo,Chen,,bo@example.org,Initech,Analyst,\n"
    data = (people + late + blank + fills).encode()
    result = run_import(owner, data, "Connections.csv")
    assert (result.created, result.merged, result.unchanged) == (KEPT_ROWS + 11, 2, 0)
    assert len(result.rows) == KEPT_ROWS
    ann = Contact.objects.get(owner=owner, first_name="Ann0")
    assert ann.emails == ["ann0@example.org"]
    bo = Contact.objects.get(owner=owner, first_name="Bo")
    assert (bo.organization.name, bo.title) == ("Initech", "Analyst")


def test_memory_per_row_stays_small(owner):
    """tracemalloc's peak grows by well under a kilobyte a row (it was 2.6 KB, holding
    every record and every row's plan)."""

    def peak(count):
        data = linkedin_file(count, start=count)  # a name per size: no merges across runs
        tracemalloc.start()
        try:
            plan_import(owner, data, "Connections.csv")
            return tracemalloc.get_traced_memory()[1] - len(data) * 3
        finally:
            tracemalloc.stop()

    peak(2_000)  # warm caches and imports
    small, big = peak(2_000), peak(20_000)
    assert (big - small) / 18_000 < 1_000


def test_the_stored_copy_reads_back_the_same_records():
    parsed = parse_file(linkedin_file(600), "Connections.csv")
    blob = stored.dump(parsed)
    loaded = stored.load(blob)
    assert loaded.records == parsed.records
    assert stored.load(blob[:-10]) is None  # cut off: parsed again instead
    old = zlib.compress(b'{"version":1,"records":[]}')
    assert stored.load(old) is None


def test_a_big_utf8_file_is_read_from_its_bytes_with_the_same_records(monkeypatch):
    data = linkedin_file(60).replace(b"Ann1,", "Zoë1,".encode()).replace(b"\n", b"\r\n")
    data = data.replace(b"Engineer", b'"Engineer,\r\nBatteries"', 1)  # a cell over two lines
    whole = parse_file(data, "Connections.csv").records
    # as read from the whole text, a str with "\n" line ends
    assert whole == linkedin.parse(detect.decode(data, "Connections.csv"), "Connections.csv")
    assert whole[0].title == "Engineer, Batteries"
    monkeypatch.setattr(detect, "HEAD_BYTES", 300)  # the text is made of the first lines only
    text, body = detect.decode_with_body(data, "Connections.csv", head_only=True)
    assert len(text) < 300 and body is not None
    parsed = parse_file(data, "Connections.csv")
    assert parsed.records == whole
    assert parsed.records[1].first_name == "Zoë1"


def test_a_big_vcard_file_is_still_read_whole(monkeypatch):
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann{};;;\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
    data = "".join(card.format(i) for i in range(20)).encode()
    whole = parse_file(data, "people.vcf").records
    monkeypatch.setattr(detect, "HEAD_BYTES", 100)
    assert parse_file(data, "people.vcf").records == whole
    # named .txt, the cards far past the first lines are still found
    padded = b"\n" * 150 + data
    assert parse_file(padded, "people.txt").records == parse_file(padded, "people.vcf").records
