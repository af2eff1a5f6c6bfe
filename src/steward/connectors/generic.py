"""The generic input contract of ``steward scan`` (TAXONOMY.md), as JSONL or CSV.

Each record has ``id`` and ``text``; optionally ``platform``, ``kind``, ``post`` (a string, or an object with
``text`` or ``message``), ``author`` (an object with ``display_name``, ``handle``, ``id``, or a string taken as
the display name), ``created_at`` (ISO 8601; naive times are Europe/London), ``direction`` (``inbound`` or
``outbound``) and ``thread`` (earlier replies' texts, oldest first). Unknown fields are ignored.

In CSV the author is given by the columns ``author_display_name``, ``author_handle`` and ``author_id`` (or a
plain ``author`` column holding the display name); ``thread`` may hold a JSON array of strings. A record that
cannot be read becomes a RecordError with its line number, and reading carries on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from steward.connectors.common import (
    JsonLine,
    id_field,
    iter_json_lines,
    make_author,
    open_binary,
    optional_str,
    parse_timestamp,
    read_text,
    text_field,
    type_name,
    unicode_problem,
)
from steward.connectors.csv_records import MAX_CSV_RECORD_CHARS, split_csv_records
from steward.connectors.pages import TextLocator
from steward.content import Author, ContentItem, Direction
from steward.errors import InputError, RecordError

Result = ContentItem | RecordError

_DIRECTIONS = {d.value: d for d in Direction}
_AUTHOR_KEYS = ("id", "handle", "display_name")


def read_jsonl(path: Path) -> Iterator[Result]:
    """Items from a JSONL file in the generic contract, in file order. A file that is one JSON array of
    records is read too (line numbers are then where each record's object starts)."""
    source = str(path)
    records = _json_array(path)
    if records is not None:
        yield from _read_json_array(source, *records)
        return
    seen: dict[str, int] = {}
    for entry in iter_json_lines(path):
        if not isinstance(entry, JsonLine):
            yield entry
            continue
        record = entry.value
        if not isinstance(record, dict):
            yield RecordError(source, entry.line, f"expected a JSON object, found {type_name(record)}")
            continue
        yield checked_item(record, source, entry.line, seen)


def _json_array(path: Path) -> tuple[list[Any], str] | None:
    """The records and text of a file that is one JSON array spread over several lines; else None."""
    with open_binary(path) as handle:
        head = handle.read(4096).removeprefix(b"\xef\xbb\xbf")
    if not head.lstrip().startswith(b"["):
        return None
    text = read_text(path)
    if text.strip().count("\n") == 0:
        return None  # a single line: JSONL whose first record happens to be an array
    try:
        records = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return (records, text) if isinstance(records, list) else None


def _read_json_array(source: str, records: list[Any], text: str) -> Iterator[Result]:
    locator = TextLocator(text)
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            line = locator.line((index,))
            yield RecordError(source, line, f"[{index}]: expected a JSON object, found {type_name(record)}")
            continue
        try:
            item = item_from_record(record)
        except ValueError as exc:
            line = locator.line((index,))
            yield RecordError(source, line, f"[{index}]: {exc}", _loose_id(record.get("id")))
            continue
        first = seen.setdefault(item.id, index)
        if first != index:
            message = f"[{index}]: duplicate id; first read at [{first}]"
            yield RecordError(source, locator.line((index,)), message, item.id)
            continue
        yield item


def checked_item(record: Mapping[str, Any], source: str, line: int, seen: dict[str, int]) -> Result:
    """``item_from_record`` with errors located, and a repeated id reported instead of read twice."""
    try:
        item = item_from_record(record)
    except ValueError as exc:
        return RecordError(source, line, str(exc), _loose_id(record.get("id")))
    first = seen.setdefault(item.id, line)
    if first != line:
        return RecordError(source, line, f"duplicate id; first read at line {first}", item.id)
    return item


def item_from_record(record: Mapping[str, Any]) -> ContentItem:
    """A ContentItem from one generic record. Raises ValueError saying what is wrong."""
    item_id = id_field(record)
    text = text_field(record, "text")
    created = record.get("created_at")
    direction = _direction(record.get("direction"))
    item = ContentItem(
        id=item_id,
        text=text,
        platform=_label(record, "platform", "generic"),
        kind=_label(record, "kind", "comment"),
        author=_author(record.get("author")),
        post=_post(record.get("post")),
        created_at=None if created in (None, "") else parse_timestamp(created),
        direction=direction,
        thread=_thread(record.get("thread")),
    )
    problem = unicode_problem(item)
    if problem is not None:
        raise ValueError(problem)
    return item


def _label(record: Mapping[str, Any], key: str, default: str) -> str:
    value = record.get(key)
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise ValueError(f"{key!r} is {type_name(value)}, not a string")
    return value.strip().lower() or default


def _direction(value: object) -> Direction:
    if value is None or value == "":
        return Direction.INBOUND
    if isinstance(value, str) and value.strip().lower() in _DIRECTIONS:
        return _DIRECTIONS[value.strip().lower()]
    raise ValueError(f"'direction' must be 'inbound' or 'outbound', not {value!r:.40}")


def _author(value: object) -> Author | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return make_author(display_name=value)
    if isinstance(value, dict):
        for key in _AUTHOR_KEYS:
            field = value.get(key)
            if field is not None and (isinstance(field, bool) or not isinstance(field, str | int)):
                raise ValueError(f"'author.{key}' is {type_name(field)}, not a string")
        return make_author(value.get("id"), value.get("handle"), value.get("display_name"))
    raise ValueError(f"'author' is {type_name(value)}, not an object or a string")


def _post(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("text", "message"):
            text = value.get(key)
            if isinstance(text, str):
                return text or None
        return None
    raise ValueError(f"'post' is {type_name(value)}, not a string or an object")


def _thread(value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, list):
        texts: list[str] = []
        for index, entry in enumerate(value):
            text = _post(entry) if isinstance(entry, str | dict) else None
            if text is None:
                raise ValueError(f"'thread[{index}]' has no text")
            texts.append(text)
        return tuple(texts)
    raise ValueError(f"'thread' is {type_name(value)}, not an array")


def _loose_id(value: object) -> str | None:
    text = optional_str(value)
    return text[:100] if text is not None else None


def csv_record(header: list[str], row: list[str]) -> dict[str, Any]:
    """A generic record from one CSV row: empty cells count as absent, author columns are combined."""
    record: dict[str, Any] = {}
    for name, cell in zip(header, row, strict=False):
        if cell != "" and name:
            record[name] = cell
    author = {key: record.pop(f"author_{key}") for key in _AUTHOR_KEYS if f"author_{key}" in record}
    if author:
        if isinstance(record.get("author"), str):
            author.setdefault("display_name", record["author"])
        record["author"] = author
    thread = record.get("thread")
    if isinstance(thread, str):
        record["thread"] = _thread_cell(thread)
    return record


def _thread_cell(cell: str) -> list[str]:
    """A CSV ``thread`` cell: a JSON array of strings, or else one earlier reply's text."""
    if cell.lstrip().startswith("["):
        try:
            value = json.loads(cell)
        except (json.JSONDecodeError, RecursionError):
            value = None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
    return [cell]


# --- CSV --------------------------------------------------------------------------------------------------

_DELIMITERS = (",", "\t", ";")


def read_csv(path: Path) -> Iterator[Result]:
    """Items from a CSV file with a header row, in file order. Line numbers are where each record starts."""
    source = str(path)
    with open_binary(path) as raw:
        encoding = "utf-16" if raw.read(2) in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        handle = path.open(encoding=encoding, errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    with handle:
        first = handle.readline(MAX_CSV_RECORD_CHARS)
        delimiter = _sniff_delimiter(first)
        handle.seek(0)
        records = split_csv_records(handle, delimiter)
        header_record = next(records, None)
        if header_record is None or header_record.problem is not None:
            raise InputError(f"{source}: CSV has no header row (looked for columns 'id' and 'text')")
        header = [name.strip().lower() for name in _parse_row(header_record.text, delimiter)]
        if "id" not in header or "text" not in header:
            found = ", ".join(repr(h[:30]) for h in header[:12])
            raise InputError(f"{source}:1: CSV header needs columns 'id' and 'text'; found {found}")
        seen: dict[str, int] = {}
        for record in records:
            line = record.line
            if record.problem is not None:
                yield RecordError(source, line, record.problem)
                continue
            try:
                record.text.encode("utf-8")
            except UnicodeEncodeError:
                yield RecordError(source, line, "not valid UTF-8 text")
                continue
            try:
                row = _parse_row(record.text, delimiter)
            except csv.Error as exc:
                yield RecordError(source, line, f"unreadable CSV record: {exc}")
                continue
            if any(cell.strip() for cell in row):
                yield checked_item(csv_record(header, row), source, line, seen)


def _parse_row(text: str, delimiter: str) -> list[str]:
    rows = list(csv.reader([text], delimiter=delimiter, strict=False))
    return rows[0] if rows else []


def _sniff_delimiter(first_line: str) -> str:
    for delimiter in _DELIMITERS:
        names = {name.strip().strip('"').strip().lower() for name in first_line.split(delimiter)}
        if {"id", "text"} <= names:
            return delimiter
    return ","
