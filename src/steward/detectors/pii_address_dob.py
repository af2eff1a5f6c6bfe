"""Recognisers for UK street addresses and dates of birth (a date counts only next to a birth context word)."""

from __future__ import annotations

from datetime import date

import regex

from steward.detectors.pii_patterns import PatternRecogniser, TextFeatures, pattern

# --------------------------------------------------------------------------- street address

STREET_TYPES = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Close", "Drive", "Dr", "Crescent", "Cres",
    "Way", "Gardens", "Gdns", "Court", "Ct", "Place", "Pl", "Terrace", "Tce", "Grove", "Hill", "Park", "Row",
    "Walk", "Mews", "Square", "Sq", "Parade", "Rise", "Vale", "View", "Green", "Boulevard", "Chase", "Croft",
    "Meadow", "Meadows", "Gate", "Yard", "Wharf", "Quay", "Broadway", "Hollow", "End", "Fields", "Heights",
)  # fmt: skip

#: First words after a number that make "5 Minutes Walk" or "3 Hours Drive" a duration, not an address.
_NOT_STREET_TEXT = """minute minutes min mins hour hours hr hrs day days week weeks month months year years yr yrs
    mile miles km kms metre metres meter meters yard yards times people patients staff nurses doctors of and or in on at
    to for from by with my your our their his her its"""
_NOT_STREET_NAMES = frozenset(_NOT_STREET_TEXT.split())

_NAME_WORD = r"(?:[A-Z][\p{L}'’\-]{0,30}|[A-Z]{2,30})"
_ADDRESS = (
    r"(?<![\p{L}\p{N}])"
    r"(?:(?i:flat|apartment|apt|unit|room)\.?[ \t]{1,3}\d{1,4}[A-Za-z]?,?[ \t]{1,3})?"
    r"\d{1,4}[A-Za-z]?(?:[\-–]\d{1,4}[A-Za-z]?)?,?[ \t]{1,3}"
    r"(?P<name>(?:" + _NAME_WORD + r"[ \t]{1,3}){1,3})"
    r"(?i:" + "|".join(STREET_TYPES) + r")\.?(?![\p{L}\p{N}])"
)


def _valid_address(m: regex.Match[str]) -> bool:
    first = m.group("name").split()[0].lower()
    return first not in _NOT_STREET_NAMES


def _address_gate(f: TextFeatures) -> bool:
    """A short number followed (after an optional letter, comma and spaces) by a capital letter."""
    for s, e in f.runs:
        if e - s > 4:
            continue
        rest = f.text[e : e + 6].lstrip(",- \t")
        if rest[:1].isupper() or (rest[:1].isalpha() and rest[1:].lstrip(", \t")[:1].isupper()):
            return True
    return False


STREET_ADDRESS = PatternRecogniser(
    name="street_address",
    kind="street_address",
    what="Street address",
    patterns=[pattern("house_number_street_name_type", _ADDRESS, 0.75, case_sensitive=True)],
    context=[
        "live at",
        "lives at",
        "living at",
        "address",
        "my house",
        "home",
        "moved to",
        "live on",
        "lives on",
        "flat",
        "come round",
        "come to",
    ],
    boost=0.1,
    window=(40, 10),
    validate=_valid_address,
    validation="street name not a duration or quantity",
    gate=_address_gate,
)

# --------------------------------------------------------------------------- date of birth

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?P<y>(?:19|20)\d{2}|'?\d{2})"


def _valid_date(m: regex.Match[str]) -> bool:
    groups = m.groupdict()
    day = int(groups["d"])
    mon = groups.get("mon")
    month = _MONTHS[mon[:3].lower()] if mon else int(groups["m"])
    year_text = groups["y"].lstrip("'")
    today = date.today()
    if len(year_text) == 2:
        year = 2000 + int(year_text)
        if year > today.year:
            year -= 100
    else:
        year = int(year_text)
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= today


#: Lower-case fragments of which at least one must appear before date patterns run.
_BIRTH_HINTS = ("born", "dob", "d.o.b", "birth", "bday", "b'day")

DATE_OF_BIRTH = PatternRecogniser(
    name="date_of_birth",
    kind="date_of_birth",
    what="Date of birth",
    patterns=[
        pattern(
            "date_numeric_dmy",
            r"(?<![\p{N}/.\-])"
            + _DAY
            + r"(?P<sep>[/.\-])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
            + _YEAR
            + r"(?![\p{N}]|[/.\-]\p{N})",
            0.75,
        ),
        pattern(
            "date_day_month_name_year",
            r"(?<![\p{L}\p{N}])"
            + _DAY
            + r"(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+"
            + _MONTH
            + r",?[ \t]+"
            + _YEAR
            + r"(?![\p{L}\p{N}])",
            0.75,
        ),
        pattern(
            "date_month_name_day_year",
            r"(?<![\p{L}\p{N}])"
            + _MONTH
            + r"[ \t]+"
            + _DAY
            + r"(?:st|nd|rd|th)?,?[ \t]+"
            + _YEAR
            + r"(?![\p{L}\p{N}])",
            0.75,
        ),
    ],
    context=[
        "born",
        "dob",
        "d.o.b",
        "d.o.b.",
        "date of birth",
        "birth date",
        "birthdate",
        "birthday",
        "bday",
        "b'day",
        "was born",
        "birth",
    ],
    boost=0.05,
    window=(45, 25),
    requires_context=True,
    validate=_valid_date,
    validation="a real past date",
    gate=lambda f: f.digits >= 2 and f.any_word(_BIRTH_HINTS),
)
