"""Connectors: platform export formats in, ContentItems out.

``read_items`` reads a file in any supported format, detecting the format unless told, and yields items in
input order. A record that cannot be read becomes a ``RecordError`` (with its line) and reading carries on;
only a file that cannot be opened or whose format cannot be recognised at all raises ``InputError``.

Formats: ``jsonl`` and ``csv`` (the generic contract of ``steward scan``, see ``generic.py``), and the API
response bodies of ``facebook``, ``x``, ``instagram`` and ``youtube`` (one module each).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from steward.connectors import facebook, generic, instagram, x, youtube
from steward.connectors.common import JsonLine, first_object, iter_json_lines, open_binary, shorten
from steward.connectors.pages import JSONL_SUFFIXES, api_error, load_first_page
from steward.content import ContentItem
from steward.errors import InputError, RecordError

__all__ = ["FORMATS", "detect_format", "read_items"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "facebook", "x", "instagram", "youtube")

_READERS: Mapping[str, Callable[[Path], Iterator[ContentItem | RecordError]]] = {
    "jsonl": generic.read_jsonl,
    "csv": generic.read_csv,
    "facebook": facebook.read,
    "x": x.read,
    "instagram": instagram.read,
    "youtube": youtube.read,
}
# Most specific first: YouTube has its own "kind"; X pages have includes/meta; Instagram before Facebook
# because both are Graph API pages with "data" and "paging".
_PLATFORMS: tuple[tuple[str, Callable[[Mapping[str, Any]], bool]], ...] = (
    ("youtube", youtube.matches),
    ("x", x.matches),
    ("instagram", instagram.matches),
    ("facebook", facebook.matches),
)
_CSV_SUFFIXES = frozenset({".csv", ".tsv"})
_SNIFF_BYTES = 1 << 16
_SNIFF_LINES = 20
_LOOKED_FOR = (
    "looked for a .csv, .jsonl or .json name; JSON records with 'id' and 'text'; a Facebook, Instagram or X API "
    "page ('data'), a YouTube commentThreads page ('items', kind 'youtube#...'); or a CSV header with 'id' and "
    "'text' columns"
)


def read_items(path: Path, *, format: str | None = None) -> Iterator[ContentItem | RecordError]:
    """Items from ``path`` in input order, with a RecordError for each record that cannot be read.

    InputError is raised here when the file cannot be opened, the format is unknown or cannot be detected;
    a file that turns out to be unreadable as a whole (a JSON document that does not parse, a CSV file without
    the ``id`` and ``text`` columns) raises it when iteration starts.
    """
    if format is None:
        name = detect_format(path)
    else:
        name = format.strip().lower()
        open_binary(path).close()
    reader = _READERS.get(name)
    if reader is None:
        raise InputError(f"unknown input format {shorten(name)!r}; choose one of {', '.join(FORMATS)}")
    return reader(path)


def detect_format(path: Path) -> str:
    """The format of a file, from its name and its first records. InputError if it is none of FORMATS."""
    suffix = path.suffix.lower()
    with open_binary(path) as handle:
        head = handle.read(_SNIFF_BYTES)
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").lstrip()
    if suffix in _CSV_SUFFIXES:
        return "csv"
    if not text:
        if suffix in JSONL_SUFFIXES:
            return "jsonl"
        raise InputError(f"{path}: the file is empty; {_LOOKED_FOR}")
    if text[0] in "{[":
        if suffix in JSONL_SUFFIXES:
            return _sniff_lines(path) or "jsonl"
        try:
            found = _classify(path, load_first_page(path))
        except InputError:
            found = _sniff_lines(path)
            if found is None:
                raise
        if found is not None:
            return found
    elif _csv_header(text):
        return "csv"
    raise InputError(f"{path}: cannot recognise the format; {_LOOKED_FOR}")


def _sniff_lines(path: Path) -> str | None:
    """The format of a JSONL file from its first readable object (records or response pages)."""
    for count, entry in enumerate(iter_json_lines(path, 1 << 26)):
        if count >= _SNIFF_LINES:
            break
        if isinstance(entry, JsonLine) and first_object(entry.value) is not None:
            return _classify(path, first_object(entry.value))
    return None


def _classify(path: Path, doc: Mapping[str, Any] | None) -> str | None:
    if doc is None:
        return None
    for name, matches in _PLATFORMS:
        if matches(doc):
            return name
    if "id" in doc and "text" in doc:
        return "jsonl"
    error = api_error(doc)
    if error is not None:
        raise InputError(f"{path}: the file holds an API error response, not comments: {error}")
    if isinstance(doc.get("data"), list):  # an empty Graph API page: reading it yields nothing either way
        return "facebook"
    if isinstance(doc.get("items"), list):
        return "youtube"
    keys = ", ".join(repr(shorten(k, 20)) for k in list(doc)[:8])
    raise InputError(f"{path}: cannot recognise the format (top-level keys {keys}); {_LOOKED_FOR}")


def _csv_header(text: str) -> bool:
    first = text.split("\n", 1)[0]
    for delimiter in (",", "\t", ";"):
        names = {name.strip().strip('"').strip().lower() for name in first.split(delimiter)}
        if {"id", "text"} <= names:
            return True
    return False
