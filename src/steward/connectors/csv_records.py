"""Splitting CSV text into records before the csv module parses them.

Doing this ourselves gives each record's starting line, and lets a record that is far too long be skipped
without holding it in memory (the csv module would instead raise mid-record and lose its place). The rules are
the csv module's defaults: a double quote opens a quoted field only at the start of a field, and a doubled
quote inside a quoted field stands for one quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

#: Longest CSV record (in characters) that is read; longer ones are reported and skipped. Single fields are
#: also bounded by the csv module's field size limit (128 KiB by default), reported the same way.
MAX_CSV_RECORD_CHARS = 1_000_000
_QUOTE = '"'
# states of the record splitter
_START, _FIELD, _QUOTED, _QUOTE_IN_QUOTED = range(4)


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """The raw text of one CSV record and the line it starts on; ``problem`` says why it cannot be read."""

    line: int
    text: str
    problem: str | None = None


def split_csv_records(handle: TextIO, delimiter: str = ",") -> Iterator[CsvRecord]:
    """Split CSV text into records, honouring quoted fields that span lines.

    A record longer than MAX_CSV_RECORD_CHARS is skipped without being held in memory, and a quoted field
    still open at the end of the file is reported; both come back with a ``problem``. Physical lines are read
    in bounded chunks, so one enormous line cannot exhaust memory.
    """
    line, start, state = 0, 1, _START
    parts: list[str] | None = []
    size = 0
    while True:
        chunk = handle.readline(1 << 16)
        if not chunk:
            if size:
                problem = "a quoted field is never closed (it runs to the end of the file)"
                yield _record(start, parts, problem if state == _QUOTED else None)
            return
        state = _advance(state, chunk, delimiter)
        size += len(chunk)
        if parts is not None:
            parts.append(chunk)
            if size > MAX_CSV_RECORD_CHARS:
                parts = None
        if chunk[-1] in "\r\n":
            line += 1
            if state != _QUOTED:
                yield _record(start, parts, None)
                start, state, parts, size = line + 1, _START, [], 0


def _record(start: int, parts: list[str] | None, problem: str | None) -> CsvRecord:
    if parts is None:
        return CsvRecord(start, "", f"record is longer than {MAX_CSV_RECORD_CHARS} characters; skipped")
    return CsvRecord(start, "".join(parts), problem)


def _advance(state: int, chunk: str, delimiter: str) -> int:
    """The splitter state after ``chunk`` (the csv module's rules: quotes open a field only at its start).

    Jumps from one special character to the next with ``str.find`` rather than stepping through every
    character. Chunks come from ``readline``, so a line break can only be the chunk's last character.
    """
    if _QUOTE not in chunk:
        if state == _QUOTED:
            return _QUOTED
        return _START if chunk[-1] in (delimiter, "\r", "\n") else _FIELD
    pos, end = 0, len(chunk)
    while pos < end:
        if state == _QUOTED:
            found = chunk.find(_QUOTE, pos)
            if found < 0:
                return _QUOTED
            state, pos = _QUOTE_IN_QUOTED, found + 1
        elif state == _FIELD:
            found = chunk.find(delimiter, pos)
            if found < 0:
                return _START if chunk[-1] in "\r\n" else _FIELD
            state, pos = _START, found + 1
        else:  # at a field's start, or just after a quote inside a quoted field: the same rules apply
            ch = chunk[pos]
            if ch == _QUOTE:
                state = _QUOTED
            elif ch == delimiter or ch in "\r\n":
                state = _START
            else:
                state = _FIELD
            pos += 1
    return state
