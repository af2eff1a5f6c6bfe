"""UK phone numbers, found with Google's libphonenumber port (`phonenumbers`) and checked for validity.

A number the organisation itself publishes (``AssessContext.published_numbers``) is not personal data, nor is
an emergency or non-emergency short code. Both sides are compared on the national significant number, so
"+44 300 123 5678", "0300-123-5678" and "(0300) 1235678" are one number.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex

from steward.content import Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.pii_patterns import CATEGORY, VERSION, TextFeatures, context_pattern

#: Short codes that are never anyone's personal number.
SHORT_CODES = frozenset({"999", "111", "112", "101", "116117", "116123", "119"})

#: Nine or more digits with light separators between them: the cheap test before phonenumbers runs.
_PREFILTER = compile_pattern(r"\d(?:[ ().\-+]{0,3}\d){8}", regex.VERSION0)
_CONTEXT_WORDS = (
    "call",
    "ring",
    "phone",
    "mobile",
    "mob",
    "tel",
    "telephone",
    "text",
    "whatsapp",
    "number",
    "contact",
    "landline",
)
_CONTEXT = context_pattern(_CONTEXT_WORDS)
#: phonenumbers gives up after this many candidates, which bounds its work on hostile input.
_MAX_TRIES = 200


def normalise_number(raw: str) -> str:
    """The national significant number of a UK number as written, or its bare digits when it cannot parse."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if digits in SHORT_CODES or len(digits) < 6:
        return digits
    try:
        parsed = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        if digits.startswith("0044"):
            digits = digits[4:]
        elif raw.lstrip().startswith("+44"):
            digits = digits[2:]
        return digits.removeprefix("0")
    return str(phonenumbers.national_significant_number(parsed))


@lru_cache(maxsize=64)
def published_set(numbers: tuple[str, ...]) -> frozenset[str]:
    """Normalised forms of the organisation's published numbers (cached per distinct tuple)."""
    return frozenset(normalise_number(n) for n in numbers) | SHORT_CODES


class PhoneRecogniser:
    """UK phone numbers: mobiles, geographic, 03, +44, 0044 and (0) forms in any common spacing."""

    name = "uk_phone"
    kind = "uk_phone"

    def __init__(self, version: str = VERSION, region: str = "GB") -> None:
        self.version = version
        self.region = region
        self.detector = tag(self.name, version)
        self.context_words = _CONTEXT_WORDS

    def gate(self, features: TextFeatures) -> bool:
        """At least nine digits (the shortest UK national significant number is nine)."""
        return features.digits >= 9

    def analyse(self, text: str, context: AssessContext) -> list[Finding]:
        if search(_PREFILTER, text) is None:
            return []
        published = published_set(context.published_numbers)
        out: list[Finding] = []
        matcher = phonenumbers.PhoneNumberMatcher(
            text, self.region, leniency=phonenumbers.Leniency.VALID, max_tries=_MAX_TRIES
        )
        for match in matcher:
            nsn = str(phonenumbers.national_significant_number(match.number))
            if nsn in published:
                continue
            region = phonenumbers.region_code_for_number(match.number)
            if region not in ("GB", "GG", "JE", "IM"):
                # A foreign number written in full international form is still a phone number.
                form = f"international number ({region or 'unknown region'})"
            else:
                ntype = phonenumbers.number_type(match.number)
                form = _TYPE_NAMES.get(ntype, "UK number")
            word = _context_word(text, match.start, match.end)
            score = 0.98 if word else 0.95
            near = f", context word '{word}' nearby" if word else ", no context word nearby"
            explanation = (
                f"Phone number matched pattern 'phonenumbers GB valid' as a {form}, "
                f"not one of the organisation's published numbers{near}."
            )
            out.append(Finding(CATEGORY, self.kind, match.start, match.end, score, self.detector, explanation))
        return out + self._unallocated(text, published, out)

    def _unallocated(self, text: str, published: frozenset[str], found: list[Finding]) -> list[Finding]:
        """UK numbers in ranges phonenumbers does not list as allocated: a mobile shape (07 and nine digits)
        anywhere, a landline shape (01 or 02 and eight or nine digits) beside a context word ("call me on").

        phonenumbers' metadata calls Ofcom's drama ranges (07700 900xxx, 01632 960xxx) invalid, and a range
        allocated after its release would be too; a stranger's number in such a range is still theirs to keep
        off a public page. Scored below an allocated number (0.9)."""
        out: list[Finding] = []
        matcher = phonenumbers.PhoneNumberMatcher(
            text, self.region, leniency=phonenumbers.Leniency.POSSIBLE, max_tries=_MAX_TRIES
        )
        for match in matcher:
            if any(f.start < match.end and match.start < f.end for f in found):
                continue
            if phonenumbers.is_valid_number(match.number) or match.number.country_code != 44:
                continue
            nsn = str(phonenumbers.national_significant_number(match.number))
            if nsn in published or len(nsn) != 10 or nsn[0] not in "127":
                continue
            word = _context_word(text, match.start, match.end)
            if nsn[0] != "7" and word is None:
                continue
            shape = "UK mobile" if nsn[0] == "7" else "UK landline"
            near = f", context word '{word}' nearby" if word else ""
            explanation = (
                f"Phone number in the shape of a {shape} (phonenumbers GB possible), in a range not listed as "
                f"allocated, not one of the organisation's published numbers{near}."
            )
            out.append(Finding(CATEGORY, self.kind, match.start, match.end, 0.9, self.detector, explanation))
        return out


def _context_word(text: str, start: int, end: int) -> str | None:
    """The context word ("call", "mobile") within 30 characters before the number or 15 after, if any."""
    found = search(_CONTEXT, text[max(0, start - 30) : start] + " " + text[end : end + 15])
    return " ".join(found.group(0).lower().split()) if found else None


_TYPE_NAMES = {
    phonenumbers.PhoneNumberType.MOBILE: "UK mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "UK landline",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "UK number",
    phonenumbers.PhoneNumberType.TOLL_FREE: "UK freephone number",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "UK premium-rate number",
    phonenumbers.PhoneNumberType.SHARED_COST: "UK shared-cost number",
    phonenumbers.PhoneNumberType.VOIP: "UK VoIP number",
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: "UK personal number",
    phonenumbers.PhoneNumberType.UAN: "UK non-geographic (03) number",
    phonenumbers.PhoneNumberType.PAGER: "UK pager number",
}
