"""CSV cells a spreadsheet will not run: every export (audit log, FOI records, dashboard) goes through this."""

from __future__ import annotations

#: Spreadsheet programs treat a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that starts like a formula gets a leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
