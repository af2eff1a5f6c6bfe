"""The generic adapter: any JSONL or CSV file with a ``text`` column and label columns.

Labels are mapped to Steward categories (or the pooled task ``offensive``) with ``--map`` entries:

| entry                   | an example is positive for CATEGORY when ...                              |
|-------------------------|---------------------------------------------------------------------------|
| `COLUMN=CATEGORY`       | COLUMN is truthy: 1, true, yes, y, t (any case), or a number above 0      |
| `COLUMN:VALUE=CATEGORY` | COLUMN equals VALUE exactly (for multi-class columns, e.g. `class:0=hate`) |

Optional columns: ``group`` (e.g. an identity term, for the fairness report) and ``split`` (then ``--split``
picks the rows of one split; without it every row is used). A JSONL line that is not a JSON object, a row
without text, or a CSV row that is not valid CSV or has more or fewer cells than the header, stops the run with
its line number: an evaluation on silently dropped or misread rows would mislead.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from steward.connectors.csv_records import CsvRecord, split_csv_records
from steward.errors import InputError
from steward.evaluation.datasets import LabelledExample
from steward.evaluation.tasks import is_task

_TRUE = frozenset({"1", "true", "yes", "y", "t"})


@dataclass(frozen=True, slots=True)
class LabelMap:
    """One ``--map`` entry."""

    column: str
    category: str
    value: str | None = None

    @classmethod
    def parse(cls, spec: str) -> LabelMap:
        left, sep, category = spec.partition("=")
        category = category.strip()
        if not sep or not left.strip() or not category:
            raise InputError(f"--map {spec!r}: expected COLUMN=CATEGORY or COLUMN:VALUE=CATEGORY")
        if not is_task(category):
            raise InputError(f"--map {spec!r}: {category!r} is not a Steward category nor the task 'offensive'")
        column, colon, value = left.partition(":")
        return cls(column.strip(), category, value if colon else None)

    def matches(self, record: Mapping[str, object]) -> bool:
        raw = record.get(self.column)
        if raw is None:
            return False
        if self.value is not None:
            return _cell(raw) == self.value
        return truthy(raw)


def truthy(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return raw > 0
    text = _cell(raw).strip().lower()
    if text in _TRUE:
        return True
    try:
        return float(text) > 0
    except ValueError:
        return False


def _cell(raw: object) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _records(path: Path) -> Iterator[tuple[int, Mapping[str, object]]]:
    suffix = path.suffix.lower()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        if suffix in {".jsonl", ".ndjson", ".json"}:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{n}: expected a JSON object")
                yield n, record
        elif suffix in {".csv", ".tsv"}:
            yield from _csv_rows(path, fh, "\t" if suffix == ".tsv" else ",")
        else:
            raise InputError(f"{path}: the generic adapter reads .jsonl, .csv or .tsv files")


def _csv_rows(path: Path, fh: TextIO, delimiter: str) -> Iterator[tuple[int, Mapping[str, object]]]:
    """Rows of a CSV or TSV file with the line each starts on, split by the connectors' ``split_csv_records``.
    Strict: an unterminated quote would otherwise swallow the rest of the file into one text, and a row with more
    or fewer cells than the header (a comma inside an unquoted text) would put words in a label column; both
    would score rows that are not in the file."""
    records = split_csv_records(fh, delimiter)
    header_record = next(records, None)
    if header_record is None:
        return
    header = _cells(path, header_record, delimiter)
    for record in records:
        cells = _cells(path, record, delimiter)
        if not cells:
            continue  # a blank line
        if len(cells) != len(header):
            raise InputError(
                f"{path}:{record.line}: {len(cells)} cells where the header has {len(header)} (an unquoted comma?)"
            )
        yield record.line, dict(zip(header, cells, strict=True))


def _cells(path: Path, record: CsvRecord, delimiter: str) -> list[str]:
    problem = record.problem
    if problem is None:
        try:
            rows = list(csv.reader([record.text], delimiter=delimiter, strict=True))
            return rows[0] if rows else []
        except csv.Error as exc:
            problem = str(exc)
    raise InputError(f"{path}:{record.line}: not valid CSV ({problem})")


def load_generic(path: Path, maps: Sequence[LabelMap], split: str | None = None) -> list[LabelledExample]:
    """Every row of ``path`` (of ``split``, when the file has a split column) as a LabelledExample."""
    if not maps:
        raise InputError("the generic adapter needs at least one --map COLUMN=CATEGORY")
    if not path.is_file():
        raise InputError(f"{path} not found")
    out: list[LabelledExample] = []
    for n, record in _records(path):
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}:{n}: no text")
        row_split = record.get("split")
        row_split = _cell(row_split) if row_split not in (None, "") else "all"
        if split not in (None, "all") and row_split != split:
            continue
        group = record.get("group")
        labels = frozenset(m.category for m in maps if m.matches(record))
        out.append(LabelledExample(text, labels, _cell(group) if group not in (None, "") else None, row_split))
    return out


def generic_tasks(maps: Sequence[LabelMap]) -> tuple[str, ...]:
    """The tasks a generic file is scored on: the mapped categories, in the order given."""
    return tuple(dict.fromkeys(m.category for m in maps))
