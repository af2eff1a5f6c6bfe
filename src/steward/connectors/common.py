"""Helpers shared by every connector: timestamps, authors, record fields and reading files.

Connectors never alter comment text: whatever a platform delivered is kept verbatim (script tags, control and
bidirectional characters, combining marks). The one exception is YouTube's ``textDisplay``, which is HTML and
is decoded to plain text only when ``textOriginal`` is absent (see ``youtube.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from steward.content import Author, ContentItem
from steward.errors import InputError, RecordError

#: Naive timestamps are read as local time in this zone.
LOCAL_ZONE = ZoneInfo("Europe/London")
#: Longest JSONL line (in bytes) read as one generic record; longer lines are reported and skipped.
MAX_RECORD_BYTES = 1_000_000
#: Longest JSONL line read as one platform response page (a page holds up to a few hundred comments).
MAX_PAGE_BYTES = 32_000_000
#: At most this many earlier texts are kept as an item's thread context (the newest ones).
THREAD_LIMIT = 20
#: Longest timestamp string worth parsing.
_MAX_TIMESTAMP_CHARS = 64

# --- values -----------------------------------------------------------------------------------------------


def parse_timestamp(value: object) -> datetime:
    """An aware datetime from an ISO 8601 string; naive times are Europe/London. Raises ValueError.

    Accepts the platform forms ``2024-03-04T09:12:44+0000`` (Facebook, Instagram), ``...44.000Z`` (X) and
    ``...44Z`` (YouTube), and plain dates (midnight local time).
    """
    if not isinstance(value, str):
        raise ValueError(f"timestamp must be a string, not {type(value).__name__}")
    text = value.strip()
    if not text or len(text) > _MAX_TIMESTAMP_CHARS:
        raise ValueError(f"unreadable timestamp {shorten(value)!r}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"unreadable timestamp {shorten(value)!r} (expected ISO 8601)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_ZONE)
    return moment


def optional_timestamp(value: object) -> datetime | None:
    """``parse_timestamp`` for a field the platform may leave out."""
    return None if value is None else parse_timestamp(value)


def present(fields: Mapping[str, str | None]) -> Mapping[str, str]:
    """The fields that have a value, read-only: what goes into ``ContentItem.extra``."""
    return MappingProxyType({k: v for k, v in fields.items() if v is not None})


def optional_str(value: object) -> str | None:
    """A string or a number as a string; None for anything else or an empty string. Never alters text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value != "":
        return value
    return None


def make_author(author_id: object = None, handle: object = None, display_name: object = None) -> Author | None:
    """An Author from loosely typed platform fields, or None when none of them is usable.

    A leading ``@`` is dropped from handles so every connector stores handles the same way.
    """
    handle_str = optional_str(handle)
    if handle_str is not None and handle_str.startswith("@"):
        handle_str = handle_str[1:] or None
    author = Author(id=optional_str(author_id), handle=handle_str, display_name=optional_str(display_name))
    if author.id is None and author.handle is None and author.display_name is None:
        return None
    return author


def shorten(value: object, limit: int = 40) -> str:
    """A short printable form of a value for error messages (hostile values stay short)."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_name(value: object) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


class ThreadMemory:
    """Remembers texts per thread so replies carry their parent and earlier replies as context."""

    def __init__(self) -> None:
        self._threads: dict[str, list[str]] = {}

    def context(self, thread_id: str | None) -> tuple[str, ...]:
        if thread_id is None:
            return ()
        return tuple(self._threads.get(thread_id, ()))

    def remember(self, thread_id: str | None, text: str) -> None:
        if thread_id is None:
            return
        texts = self._threads.setdefault(thread_id, [])
        texts.append(text)
        if len(texts) > THREAD_LIMIT:
            del texts[0]


# --- reading files ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One decoded JSONL line."""

    line: int
    value: Any


def iter_json_lines(path: Path, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[JsonLine | RecordError]:
    """Decode a JSONL file line by line. Blank lines are skipped; a line that is too long, not UTF-8 or not
    JSON becomes a RecordError and reading carries on. A UTF-8 byte-order mark is accepted."""
    source = str(path)
    with open_binary(path) as handle:
        number = 0
        while True:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                return
            number += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield RecordError(source, number, f"line is longer than {max_bytes} bytes; skipped")
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield RecordError(source, number, f"not valid UTF-8 (byte {exc.start + 1} of the line)")
                continue
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except (json.JSONDecodeError, RecursionError) as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield RecordError(source, number, f"not valid JSON: {detail}")
                continue
            yield JsonLine(number, value)


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading, turning any failure into an InputError."""
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror or exc}") from exc


def read_text(path: Path) -> str:
    """The whole file as text (UTF-8, optional BOM; UTF-16 with a BOM). InputError if it cannot be read."""
    with open_binary(path) as handle:
        data = handle.read()
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, source: str) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{source}:{line}: not valid {encoding.upper()} text (byte {exc.start})") from exc


def first_object(values: Any) -> Mapping[str, Any] | None:
    """The first JSON object in a list (or the value itself if it is an object)."""
    if isinstance(values, dict):
        return values
    if isinstance(values, list):
        for value in values:
            if isinstance(value, dict):
                return value
    return None


# --- record fields ----------------------------------------------------------------------------------------


def id_field(record: Mapping[str, Any], key: str = "id") -> str:
    """A record id: a non-empty string, or a whole number (converted to a string). Raises ValueError."""
    value = record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    if value is None or value == "":
        raise ValueError(f"has no {key!r}")
    raise ValueError(f"{key!r} is {type_name(value)}, not a string")


def text_field(record: Mapping[str, Any], key: str) -> str:
    """A required text: a string that is not blank, returned verbatim. Raises ValueError."""
    if key not in record or record[key] is None:
        raise ValueError(f"has no {key!r}")
    value = record[key]
    if not isinstance(value, str):
        raise ValueError(f"{key!r} is {type_name(value)}, not a string")
    if not value.strip():
        raise ValueError(f"{key!r} is empty")
    return value


def unicode_problem(item: ContentItem) -> str | None:
    """Why an item's strings cannot be stored as UTF-8 (a lone surrogate from a JSON ``\\ud800`` escape, or
    undecodable bytes), or None. Such text is refused rather than silently altered."""
    author = item.author
    fields = {"text": item.text, "post": item.post, "thread": "".join(item.thread), "id": item.id}
    if author is not None:
        fields |= {"author": f"{author.id or ''}{author.handle or ''}{author.display_name or ''}"}
    for name, value in fields.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{name!r} is not valid Unicode (unpaired surrogate at character {exc.start})"
    return None
