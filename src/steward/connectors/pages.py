"""Reading platform API responses: one response page, a JSON array of pages, or a JSONL file of pages.

Each platform module supplies a ``parse_page`` function; this module opens the file, splits it into pages,
keeps per-file state (thread context, ids already read) and turns a malformed record into a RecordError that
names its JSON path and line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from json import scanner as json_scanner
from pathlib import Path
from typing import Any

from steward.connectors.common import (
    MAX_PAGE_BYTES,
    JsonLine,
    ThreadMemory,
    iter_json_lines,
    optional_str,
    present,
    read_text,
    shorten,
    type_name,
    unicode_problem,
)
from steward.content import Author, ContentItem
from steward.errors import InputError, RecordError

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})

Result = ContentItem | RecordError
JsonPath = tuple[str | int, ...]


# --- JSON locations ---------------------------------------------------------------------------------------


def format_path(path: JsonPath) -> str:
    """``("data", 3, "replies", "data", 0)`` → ``data[3].replies.data[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "$"


class Locator:
    """Maps a JSON path to the 1-based line where that value starts."""

    def line(self, path: JsonPath) -> int:
        raise NotImplementedError


class FixedLine(Locator):
    """Everything is on one line (a page in a JSONL file)."""

    def __init__(self, line: int) -> None:
        self._line = line

    def line(self, path: JsonPath) -> int:
        return self._line


class TextLocator(Locator):
    """Finds where values start in a JSON text. The text is re-parsed with positions only on first use,
    which happens only when a record has to be reported, so well-formed files cost nothing extra."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._tree: Any = None
        self._starts: dict[int, int] | None = None

    def line(self, path: JsonPath) -> int:
        if self._starts is None:
            self._tree, self._starts = _parse_with_positions(self._text)
        node, offset = self._tree, 0
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            offset = self._starts.get(id(node), offset)
        return self._text.count("\n", 0, offset) + 1


def _parse_with_positions(text: str) -> tuple[Any, dict[int, int]]:
    """Parse JSON with the pure-Python scanner, recording where each object, array and string value starts.

    Positions are keyed by object identity; a string that CPython shares between values (the empty string,
    single characters) may map to another occurrence, which only makes a reported line approximate."""
    starts: dict[int, int] = {}
    decoder: Any = json.JSONDecoder()  # the parse_* hooks are undocumented attributes
    parse_object, parse_array, parse_string = decoder.parse_object, decoder.parse_array, decoder.parse_string

    def tracked(parse: Callable[..., tuple[Any, int]]) -> Callable[..., tuple[Any, int]]:
        def wrapper(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            value, end = parse(s_and_end, *args)
            starts[id(value)] = s_and_end[1] - 1
            return value, end

        return wrapper

    def tracked_string(string: str, end: int, *args: Any) -> tuple[str, int]:
        value, new_end = parse_string(string, end, *args)
        starts[id(value)] = end - 1
        return value, new_end

    decoder.parse_object = tracked(parse_object)
    decoder.parse_array = tracked(parse_array)
    decoder.parse_string = tracked_string
    decoder.scan_once = json_scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        tree, _ = decoder.raw_decode(text, len(text) - len(text.lstrip()))
    except (ValueError, RecursionError):  # the fast parser read it; only locations are lost
        return None, {}
    return tree, starts


def record_error(source: str, locator: Locator, path: JsonPath, message: str, record_id: object = None) -> RecordError:
    """A RecordError for the JSON value at ``path``, with its line and the path in the message."""
    return RecordError(
        source=source,
        line=locator.line(path),
        message=f"{format_path(path)}: {message}",
        record_id=optional_str(record_id),
    )


@dataclass(frozen=True, slots=True)
class Page:
    """One API response body, where it sits in the file, and how to report its records."""

    doc: Mapping[str, Any]
    source: str
    path: JsonPath
    locator: Locator

    def error(self, path: JsonPath, message: str, record_id: object = None) -> RecordError:
        return record_error(self.source, self.locator, self.path + path, message, record_id)


@dataclass(slots=True)
class ReadState:
    """State that lives for one file: thread context and the ids already read."""

    threads: ThreadMemory = field(default_factory=ThreadMemory)
    seen: set[str] = field(default_factory=set)

    def accept(self, page: Page, path: JsonPath, item: ContentItem) -> Result:
        """The item, or a RecordError if its id was already read or its text is not valid Unicode."""
        problem = unicode_problem(item)
        if problem is not None:
            return page.error(path, problem, item.id)
        if item.id in self.seen:
            return page.error(path, "duplicate id; already read", item.id)
        self.seen.add(item.id)
        return item

    def accept_comment(
        self,
        page: Page,
        path: JsonPath,
        *,
        item_id: str,
        text: str,
        platform: str,
        author: Author | None,
        post: str | None,
        created_at: datetime | None,
        parent_id: str | None,
        extra: Mapping[str, str | None],
    ) -> Result:
        """A comment, or with a parent a reply carrying the thread so far; once accepted it is remembered as
        context for the replies after it."""
        item = ContentItem(
            id=item_id,
            text=text,
            platform=platform,
            kind="comment" if parent_id is None else "reply",
            author=author,
            post=post,
            created_at=created_at,
            thread=self.threads.context(parent_id),
            extra=present(extra),
        )
        result = self.accept(page, path, item)
        if result is item:
            self.threads.remember(parent_id or item_id, text)
        return result


PageParser = Callable[[Page, ReadState], Iterator[Result]]


def read_pages(path: Path, parse_page: PageParser, records_key: str) -> Iterator[Result]:
    """Every item of every page in the file, in file order. A page that is an API error body, or whose
    ``records_key`` is not a list, is reported once and the next page is read."""
    state = ReadState()
    for page in iter_pages(path):
        if isinstance(page, RecordError):
            yield page
        elif (problem := page_problem(page, records_key)) is not None:
            yield problem
        else:
            yield from parse_page(page, state)


def iter_pages(path: Path) -> Iterator[Page | RecordError]:
    """The response pages in a file. InputError when a single JSON document cannot be parsed at all."""
    source = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_pages(path)
        return
    text = read_text(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several documents: one page per line
            yield from _jsonl_pages(path)
            return
        raise InputError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputError(f"{source}: JSON nested too deeply") from exc
    yield from _pages_of(doc, source, TextLocator(text))


def load_first_page(path: Path) -> Mapping[str, Any] | None:
    """The first response object in the file, for format detection; None if there is none."""
    for page in iter_pages(path):
        if isinstance(page, Page):
            return page.doc
    return None


def _pages_of(doc: Any, source: str, locator: Locator, prefix: JsonPath = ()) -> Iterator[Page | RecordError]:
    if isinstance(doc, dict):
        yield Page(doc, source, prefix, locator)
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            if isinstance(value, dict):
                yield Page(value, source, (*prefix, index), locator)
            else:
                yield record_error(
                    source, locator, (*prefix, index), f"expected a response object, found {type_name(value)}"
                )
    else:
        yield record_error(source, locator, prefix, f"expected a response object, found {shorten(doc)}")


def _jsonl_pages(path: Path) -> Iterator[Page | RecordError]:
    source = str(path)
    for entry in iter_json_lines(path, MAX_PAGE_BYTES):
        if isinstance(entry, JsonLine):
            yield from _pages_of(entry.value, source, FixedLine(entry.line), ())
        else:
            yield entry


def api_error(doc: Mapping[str, Any]) -> str | None:
    """The message of an API error body (Graph API, YouTube), or None if this is not one."""
    error = doc.get("error")
    if isinstance(error, dict) and "data" not in doc and "items" not in doc:
        message = error.get("message")
        return shorten(message, 200) if isinstance(message, str) else "unknown error"
    return None


def records_of(page: Page, key: str) -> Iterator[tuple[JsonPath, Any]]:
    """The records in ``page.doc[key]`` with their paths. A single object is treated as a list of one."""
    values = page.doc.get(key)
    if isinstance(values, dict):
        yield (key,), values
    elif isinstance(values, list):
        for index, value in enumerate(values):
            yield (key, index), value


def page_problem(page: Page, key: str) -> RecordError | None:
    """Why a page holds no readable ``key`` list (an API error body, a missing key), or None."""
    message = api_error(page.doc)
    if message is not None:
        return page.error((), f"the response is an API error, not comments: {message}")
    if not isinstance(page.doc.get(key, []), list | dict):
        return page.error((key,), f"expected an array, found {type_name(page.doc[key])}")
    return None
