"""Shared helpers for connector tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from steward.connectors import read_items
from steward.content import ContentItem
from steward.errors import RecordError

DATA = Path(__file__).resolve().parents[1] / "data" / "connectors"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

SCRIPT = '<script>alert("pwned")</script> Is the clinic open on Saturday?'
RTL = "Booked via \u202etxt.exe\u202c link, is that right?"
ZALGO = "T\u0335\u0327h\u0338\u0301a\u0334\u0308n\u0336\u0323k\u0337\u0300s\u0335 for the update"


def read_all(path: Path, fmt: str | None = None) -> tuple[list[ContentItem], list[RecordError]]:
    items: list[ContentItem] = []
    errors: list[RecordError] = []
    for result in read_items(path, format=fmt):
        if isinstance(result, RecordError):
            errors.append(result)
        else:
            items.append(result)
    return items, errors


@pytest.fixture
def data_dir() -> Path:
    return DATA
