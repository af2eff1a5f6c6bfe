"""Presidio-style recognisers for personal data: declared patterns, context words and a validate step.

A recogniser finds candidate spans with its patterns, drops those its validate step rejects (a checksum, a
known postcode area, a real calendar date), then raises the score when one of its context words sits near the
span. Every Finding it makes names the pattern and, when there was one, the context word. Explanations never
repeat the personal data itself: the span already points at it.

This module holds the machinery and the recognisers for email, UK postcode, NHS number and National Insurance
number. Street addresses and dates of birth are in ``pii_address_dob``; UK phone numbers in ``pii_phone``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import regex

from steward.content import Category, Finding
from steward.detectors.base import AssessContext, compile_pattern, finditer, search, tag

CATEGORY = Category.PERSONAL_INFO.value
VERSION = "1.0"

Validator = Callable[["regex.Match[str]"], bool]


_DIGIT_RUN = compile_pattern(r"\d+", regex.VERSION0)


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """Cheap facts about a text, computed once, that let a recogniser skip its patterns (its gate)."""

    text: str
    lower: str
    runs: tuple[tuple[int, int], ...]
    digits: int

    @classmethod
    def of(cls, text: str) -> TextFeatures:
        runs = tuple(m.span() for m in finditer(_DIGIT_RUN, text))
        return cls(text, text.lower(), runs, sum(e - s for s, e in runs))

    def longest_run(self) -> int:
        return max((e - s for s, e in self.runs), default=0)

    def any_word(self, words: Sequence[str]) -> bool:
        """Whether any of ``words`` (lower case) occurs anywhere in the text."""
        return any(w in self.lower for w in words)


Gate = Callable[[TextFeatures], bool]


class Recogniser(Protocol):
    """One kind of personal data. ``gate`` is a cheap test; ``analyse`` runs only when it passes."""

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...

    def gate(self, features: TextFeatures) -> bool: ...

    def analyse(self, text: str, context: AssessContext) -> list[Finding]: ...


@dataclass(frozen=True, slots=True)
class Pattern:
    """A named, compiled pattern with the score a bare match earns."""

    name: str
    compiled: regex.Pattern[str]
    score: float


def pattern(name: str, source: str, score: float, *, case_sensitive: bool = False) -> Pattern:
    flags = regex.VERSION1 if case_sensitive else regex.IGNORECASE | regex.VERSION1
    return Pattern(name, compile_pattern(source, flags), score)


def context_pattern(words: Sequence[str]) -> regex.Pattern[str]:
    """One pattern for a list of context phrases: case-insensitive, whole words, flexible inner spacing."""
    parts = sorted(
        (r"[\s\-]+".join(regex.escape(w) for w in phrase.split()) for phrase in words), key=len, reverse=True
    )
    return compile_pattern(r"(?<![\p{L}\p{N}])(?:" + "|".join(parts) + r")(?![\p{L}])")


class PatternRecogniser:
    """A recogniser made of declared patterns, context words and an optional validate step.

    ``requires_context`` makes the context word mandatory (a date is only a date of birth next to "born").
    ``window`` is how many characters before and after the span are searched for a context word.
    """

    def __init__(
        self,
        *,
        name: str,
        kind: str,
        what: str,
        patterns: Sequence[Pattern],
        context: Sequence[str] = (),
        boost: float = 0.0,
        window: tuple[int, int] = (40, 20),
        requires_context: bool = False,
        validate: Validator | None = None,
        validation: str = "",
        gate: Gate | None = None,
        version: str = VERSION,
    ) -> None:
        self.name = name
        self.kind = kind
        self.what = what
        self.version = version
        self.patterns = tuple(patterns)
        self.context_words = tuple(context)
        self._context = context_pattern(context) if context else None
        self.boost = boost
        self.window = window
        self.requires_context = requires_context
        self.validate = validate
        self.validation = validation
        self._gate = gate
        self.detector = tag(name, version)

    def gate(self, features: TextFeatures) -> bool:
        return self._gate is None or self._gate(features)

    def context_word(self, text: str, start: int, end: int) -> str | None:
        """The context word nearest the span, lower-cased, or None."""
        if self._context is None:
            return None
        before, after = self.window
        lo = max(0, start - before)
        window_text = text[lo:start] + " " + text[end : end + after]
        found = search(self._context, window_text)
        return " ".join(found.group(0).lower().split()) if found else None

    def analyse(self, text: str, context: AssessContext) -> list[Finding]:
        out: list[Finding] = []
        for pat in self.patterns:
            for m in finditer(pat.compiled, text):
                if self.validate is not None and not self.validate(m):
                    continue
                word = self.context_word(text, m.start(), m.end())
                if word is None and self.requires_context:
                    continue
                score = round(min(0.99, pat.score + self.boost), 2) if word else pat.score
                out.append(
                    Finding(CATEGORY, self.kind, m.start(), m.end(), score, self.detector, self.explain(pat.name, word))
                )
        return out

    def explain(self, pattern_name: str, word: str | None) -> str:
        checked = f", {self.validation}" if self.validation else ""
        near = f", context word '{word}' nearby" if word else ", no context word nearby"
        return f"{self.what} matched pattern '{pattern_name}'{checked}{near}."


# --------------------------------------------------------------------------- email

EMAIL = PatternRecogniser(
    name="email",
    kind="email",
    what="Email address",
    patterns=[
        pattern(
            "email_address",
            r"(?<![\w.%+\-])[A-Z0-9][A-Z0-9._%+\-]{0,63}@"
            r"(?:[A-Z0-9](?:[A-Z0-9\-]{0,61}[A-Z0-9])?\.){1,8}[A-Z]{2,24}(?![\w\-]|\.[A-Z0-9])",
            0.95,
        )
    ],
    context=["email", "e-mail", "mail me", "contact", "write to", "address"],
    boost=0.04,
    gate=lambda f: "@" in f.text,
)

# --------------------------------------------------------------------------- UK postcode

#: Every UK postcode area (plus BF for BFPO). A shape-valid outward code outside these is not a postcode.
_AREAS_TEXT = """AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH
    EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK
    ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD
    TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"""
POSTCODE_AREAS = frozenset(_AREAS_TEXT.split())

# Case-sensitive classes that accept both cases are much faster in `regex` than IGNORECASE matching.
_A1 = "[A-PR-UWYZa-pr-uwyz]"  # first letter of an outward code
_A2 = "[A-HK-Ya-hk-y]"  # second letter
_A3 = "[A-HJKPSTUWa-hjkpstuw]"  # letter after a single digit (A9A)
_A4 = "[ABEHMNPRVWXYabehmnprvwxy]"  # letter after two letters and a digit (AA9A)
_OUTWARD = rf"(?:{_A1}{_A2}\d{_A4}|{_A1}\d{_A3}|{_A1}{_A2}\d{{1,2}}|{_A1}\d{{1,2}})"
_INWARD = r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}"


def _valid_postcode(m: regex.Match[str]) -> bool:
    outward = m.group("out")
    if outward is None:  # GIR 0AA
        return True
    area = outward[:2].upper() if outward[1:2].isalpha() else outward[:1].upper()
    return area in POSTCODE_AREAS


def _postcode_gate(f: TextFeatures) -> bool:
    """A digit directly followed by two letters: the shape every inward code has."""
    return any(f.text[e : e + 2].isalpha() for _, e in f.runs)


POSTCODE = PatternRecogniser(
    name="uk_postcode",
    kind="uk_postcode",
    what="UK postcode",
    patterns=[
        pattern(
            "uk_postcode_full",
            r"(?<![\p{L}\p{N}])(?:[Gg][Ii][Rr][ \t]?0[Aa][Aa]|(?P<out>" + _OUTWARD + r")[ \t]{0,2}" + _INWARD + ")"
            r"(?![\p{L}\p{N}])",
            0.85,
            case_sensitive=True,
        )
    ],
    context=["postcode", "post code", "address", "live", "lives", "living", "moved to"],
    boost=0.07,
    window=(50, 10),
    validate=_valid_postcode,
    validation="known postcode area",
    gate=_postcode_gate,
)

# --------------------------------------------------------------------------- NHS number


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus-11 check on a 10-digit NHS number (weights 10..2; 11 means 0; 10 means invalid)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _valid_nhs(m: regex.Match[str]) -> bool:
    return nhs_check_digit_ok("".join(ch for ch in m.group(0) if ch.isdigit()))


NHS_NUMBER = PatternRecogniser(
    name="nhs_number",
    kind="nhs_number",
    what="NHS number",
    patterns=[
        pattern(
            "nhs_3_3_4",
            # one separator style throughout: "943 476 5919", "943-476-5919" or "9434765919"
            r"(?<![\p{N}+.,/])\d{3}(?P<sep>[ \-]?)\d{3}(?P=sep)\d{4}(?![\p{N}]|[.,/]\p{N})",
            0.95,
            case_sensitive=True,
        )
    ],
    context=["nhs number", "nhs no", "nhs num", "nhs #", "nhs", "patient number", "hospital number"],
    boost=0.04,
    window=(40, 20),
    validate=_valid_nhs,
    validation="modulus-11 check digit valid",
    gate=lambda f: f.digits >= 10 and f.longest_run() >= 3,
)

# --------------------------------------------------------------------------- National Insurance number

#: Prefixes HMRC does not allocate, although their letters are individually allowed.
NI_UNALLOCATED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _valid_ni(m: regex.Match[str]) -> bool:
    return m.group(0)[:2].upper() not in NI_UNALLOCATED


NI_NUMBER = PatternRecogniser(
    name="ni_number",
    kind="ni_number",
    what="National Insurance number",
    patterns=[
        pattern(
            "ni_prefix_6_digits_suffix",
            # first letter not D F I Q U V; second not D F I O Q U V; suffix A-D; either case.
            r"(?<![\p{L}\p{N}])[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z]"
            r"[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-Da-d](?![\p{L}\p{N}])",
            0.85,
            case_sensitive=True,
        )
    ],
    context=["national insurance", "ni number", "ni no", "nino", "n.i."],
    boost=0.1,
    validate=_valid_ni,
    validation="HMRC prefix rules",
    gate=lambda f: f.digits >= 6 and f.longest_run() >= 2,
)


def base_recognisers() -> tuple[PatternRecogniser, ...]:
    """The pattern recognisers defined in this module."""
    return (EMAIL, POSTCODE, NHS_NUMBER, NI_NUMBER)
