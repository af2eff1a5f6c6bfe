"""The generic JSONL and CSV contract: field mapping, malformed records with their lines, limits."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from steward.connectors.common import LOCAL_ZONE, MAX_RECORD_BYTES, parse_timestamp
from steward.connectors.csv_records import MAX_CSV_RECORD_CHARS, split_csv_records
from steward.content import Author, Direction

from .conftest import DATA, read_all

BST = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("item_id", "field", "expected"),
    [
        ("g-001", "platform", "facebook"),  # lower-cased label
        ("g-001", "author", Author(id="fb-1", handle="ruth.a", display_name="Ruth Adeyemi")),
        ("g-001", "post", "Work starts on the new Woking health centre"),
        ("g-001", "created_at", datetime(2024, 6, 10, 14, 3, tzinfo=BST)),
        ("g-001", "direction", Direction.INBOUND),
        ("2", "platform", "generic"),  # numeric id converted to str, default platform
        ("2", "kind", "comment"),
        ("2", "post", "Post as an object"),
        ("2", "created_at", datetime(2024, 7, 1, 9, 0, tzinfo=LOCAL_ZONE)),  # naive → London (BST)
        ("2", "author", None),
        ("g-003", "author", Author(display_name="Plain Author String")),
        ("g-003", "thread", ("first reply", "second reply")),
        ("g-003", "created_at", datetime(2024, 1, 15, 9, 0, tzinfo=UTC)),
        ("g-004", "direction", Direction.OUTBOUND),
        ("g-004", "kind", "draft"),
        ("g-005", "platform", "x"),
    ],
)
def test_jsonl_field_mapping(item_id: str, field: str, expected: object) -> None:
    items, errors = read_all(DATA / "generic.jsonl")
    assert errors == []
    item = {i.id: i for i in items}[item_id]
    assert getattr(item, field) == expected


@pytest.mark.parametrize(
    ("item_id", "field", "expected"),
    [
        ("c-001", "author", Author(id="fb-22", handle="lena.n", display_name="Lena Novak")),
        ("c-001", "created_at", datetime(2025, 4, 18, 10, 15, tzinfo=BST)),
        ("c-001", "post", "Pharmacy opening hours over Easter"),
        ("c-002", "text", 'Line one\nLine two, with a comma and "quotes"'),
        ("c-002", "thread", ("earlier reply",)),  # JSON array cell
        ("c-002", "kind", "reply"),
        ("c-002", "created_at", datetime(2025, 4, 19, 8, 0, tzinfo=BST)),
        ("c-003", "platform", "generic"),  # empty cell = absent
        ("c-003", "created_at", None),
        ("c-004", "thread", ("a plain thread cell",)),
        ("c-004", "direction", Direction.OUTBOUND),
        ("c-005", "platform", "youtube"),
    ],
)
def test_csv_field_mapping(item_id: str, field: str, expected: object) -> None:
    items, errors = read_all(DATA / "generic.csv")
    assert errors == []
    item = {i.id: i for i in items}[item_id]
    assert getattr(item, field) == expected


def test_created_at_is_always_aware() -> None:
    for name in ("generic.jsonl", "generic.csv"):
        items, _ = read_all(DATA / name)
        assert all(i.created_at is None or i.created_at.utcoffset() is not None for i in items)


@pytest.mark.parametrize(
    ("name", "expected_errors", "good_ids"),
    [
        (
            "generic_malformed.jsonl",
            [
                (3, "not valid JSON"),
                (4, "expected a JSON object, found array"),
                (5, "has no 'id'"),
                (6, "'text' is empty"),
                (7, "'text' is number, not a string"),
                (8, "unreadable timestamp"),
                (10, "'direction' must be"),
                (11, "duplicate id; first read at line 1"),
                (12, "'author' is array"),
                (13, "'id' is boolean"),
            ],
            ["m-1", "m-10"],
        ),
        (
            "generic_malformed.csv",
            [
                (3, "has no 'text'"),
                (4, "has no 'id'"),
                (5, "unreadable timestamp"),
                (7, "quoted field is never closed"),
            ],
            ["v-1"],
        ),
        ("records_array.json", [(6, "[1]: has no 'text'")], ["r-1", "r-3"]),
    ],
)
def test_malformed_records_are_reported_with_lines_and_reading_carries_on(
    name: str, expected_errors: list[tuple[int, str]], good_ids: list[str]
) -> None:
    items, errors = read_all(DATA / name)
    assert [i.id for i in items] == good_ids
    assert [e.line for e in errors] == [line for line, _ in expected_errors]
    for error, (_, fragment) in zip(errors, expected_errors, strict=True):
        assert fragment in error.message, error
    assert all(e.source.endswith(name) for e in errors)


@pytest.mark.parametrize(
    ("name", "ids", "lines_of_k3"),
    [("generic_bom.jsonl", ["b-1", "b-2"], None), ("generic_bom_crlf.csv", ["k-1", "k-2", "k-3"], 5)],
)
def test_bom_and_crlf_are_accepted(name: str, ids: list[str], lines_of_k3: int | None) -> None:
    items, errors = read_all(DATA / name)
    assert errors == []
    assert [i.id for i in items] == ids
    if lines_of_k3 is not None:
        # the quoted field keeps its CRLF verbatim; the header row's BOM does not leak into a column name
        assert items[1].text == "A quoted field\r\nthat spans two lines"
        assert items[0].author == Author(display_name="Mary Jones")


def test_csv_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text('id,text\n1,"two\nlines"\n\n2,\n3,ok\n', encoding="utf-8")
    items, errors = read_all(path)
    assert [i.id for i in items] == ["1", "3"]
    assert [(e.line, e.record_id) for e in errors] == [(5, "2")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,text\n1," + "x" * 200_000 + "\n2,after\n", "field larger than field limit"),
        ('id,text\n1,"' + "y" * (MAX_CSV_RECORD_CHARS + 10) + '"\n2,after\n', "longer than"),
        ("id,text\n1," + "z\n" * 10 + '"' + "w\n" * (MAX_CSV_RECORD_CHARS // 2 + 5) + '"\n2,after\n', None),
    ],
)
def test_huge_csv_records_are_reported_not_fatal(tmp_path: Path, content: str, message: str | None) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(content, encoding="utf-8")
    items, errors = read_all(path)
    assert items[-1].id == "2" and items[-1].text == "after"
    if message is not None:
        assert len(errors) == 1 and message in errors[0].message and errors[0].line == 2
    else:  # a quoted field over a million characters, spread over many lines
        assert any("longer than" in e.message for e in errors)


def test_huge_jsonl_line_is_reported_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    big = json.dumps({"id": "big", "text": "a" * (MAX_RECORD_BYTES + 1)})
    path.write_text(big + "\n" + json.dumps({"id": "next", "text": "fine"}) + "\n", encoding="utf-8")
    items, errors = read_all(path)
    assert [i.id for i in items] == ["next"]
    assert [(e.line, "longer than" in e.message) for e in errors] == [(1, True)]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"id": "1", "text": "caf\xe9"}\n', "not valid UTF-8"),  # Latin-1 byte
        (b'{"id": "1", "text": "\\ud800 lone surrogate"}\n', "not valid Unicode"),
        (b'{"id": "1", "text": "ok", "author": {"display_name": "\\udfff"}}\n', "not valid Unicode"),
        (b'{"id": "1", "text": "ok", "thread": [1]}\n', "'thread[0]' has no text"),
        (b'{"id": "1", "text": "ok", "thread": "not a list"}\n', "'thread' is string"),
        (b'{"id": "1", "text": "ok", "post": 3}\n', "'post' is number"),
        (b'{"id": "1", "text": "ok", "platform": 7}\n', "'platform' is number"),
        (b'{"id": "1", "text": "ok", "created_at": 1700000000}\n', "timestamp must be a string"),
        (b'{"id": "1", "text": "ok", "author": {"id": {"x": 1}}}\n', "'author.id' is object"),
        (b"[" * 100_000 + b"\n", "not valid JSON"),
        (b'{"id": 1.5, "text": "ok"}\n', "'id' is number"),
        (b'{"id": "   ", "text": "ok"}\n', "'id' is string"),
    ],
)
def test_bad_jsonl_values(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(raw + b'{"id": "after", "text": "still read"}\n')
    items, errors = read_all(path, "jsonl")
    assert [i.id for i in items] == ["after"]
    assert len(errors) == 1 and message in errors[0].message and errors[0].line == 1


def test_invalid_utf8_in_csv_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"id,text\n1,caf\xe9\n2,fine\n")
    items, errors = read_all(path)
    assert [i.id for i in items] == ["2"]
    assert [(e.line, e.message) for e in errors] == [(2, "not valid UTF-8 text")]


def test_utf16_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("id,text\r\n1,Unicode text from Excel \u2764\r\n".encode("utf-16"))
    items, errors = read_all(path)
    assert errors == [] and items[0].text == "Unicode text from Excel \u2764"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04T09:12:44+0000", datetime(2024, 3, 4, 9, 12, 44, tzinfo=UTC)),
        ("2024-03-04T09:12:44.000Z", datetime(2024, 3, 4, 9, 12, 44, tzinfo=UTC)),
        ("2024-03-04T09:12:44Z", datetime(2024, 3, 4, 9, 12, 44, tzinfo=UTC)),
        ("2024-03-04T09:12:44+05:30", datetime(2024, 3, 4, 3, 42, 44, tzinfo=UTC)),
        ("2024-03-04 09:12", datetime(2024, 3, 4, 9, 12, tzinfo=LOCAL_ZONE)),  # GMT in March
        ("2024-08-04T09:12:00", datetime(2024, 8, 4, 8, 12, tzinfo=UTC)),  # BST in August
        ("2024-03-04", datetime(2024, 3, 4, tzinfo=LOCAL_ZONE)),
    ],
)
def test_parse_timestamp(value: str, expected: datetime) -> None:
    parsed = parse_timestamp(value)
    assert parsed == expected and parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["", "yesterday", "2024-02-30", "04/03/2024", "9" * 500, None, 1700000000, ["x"]])
def test_parse_timestamp_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_timestamp(value)


@pytest.mark.parametrize(
    ("text", "expected_rows"),
    [
        ("id,text\n1,5'11\" tall\n2,x\n", [["id", "text"], ["1", "5'11\" tall"], ["2", "x"]]),  # mid-field quote
        ('id,text\n1,"a ""quoted"" word"\n', [["id", "text"], ["1", 'a "quoted" word']]),
        ('id,text\n1,"multi\r\nline"\r\n2,y\r\n', [["id", "text"], ["1", "multi\r\nline"], ["2", "y"]]),
        ('id,text\n1,"closed" then text\n2,z\n', [["id", "text"], ["1", "closed then text"], ["2", "z"]]),
    ],
)
def test_splitter_matches_csv_module_on_awkward_quoting(text: str, expected_rows: list[list[str]]) -> None:
    records = list(split_csv_records(io.StringIO(text, newline="")))
    rows = [next(csv.reader([r.text])) for r in records]
    assert rows == expected_rows
    assert rows == [r for r in csv.reader(io.StringIO(text, newline="")) if r]


_cell = st.text(alphabet=st.sampled_from(list('ab ,"\r\n\t;é\u202e')), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_cell, min_size=1, max_size=4), min_size=1, max_size=8))
def test_splitter_round_trips_csv_writer_output(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    starts, line = [], 1
    for row in rows:
        before = buffer.tell()
        writer.writerow(row)
        written = buffer.getvalue()[before:]
        starts.append(line)
        line += written.count("\r") + written.count("\n") - written.count("\r\n")
    text = buffer.getvalue()
    records = list(split_csv_records(io.StringIO(text, newline="")))
    assert [r.problem for r in records] == [None] * len(rows)
    assert [next(csv.reader([r.text])) for r in records] == rows
    assert [r.line for r in records] == starts
