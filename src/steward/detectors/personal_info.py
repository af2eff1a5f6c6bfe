"""The ``personal_info`` detector: personal data of the author or of others, one recogniser per kind.

Recognisers (``pii_patterns``, ``pii_phone``, ``pii_address_dob``) each find one kind of data with declared
patterns, context words and a validate step. Where two findings overlap, the more specific one wins (a valid
NHS number is not also a phone number), so each span is reported once. Person names (``names``) are looked
for only when the text already holds other identifying detail, which keeps spaCy off the hot path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import MappingProxyType

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext
from steward.detectors.names import NameRecogniser, care_detail
from steward.detectors.pii_address_dob import DATE_OF_BIRTH, STREET_ADDRESS
from steward.detectors.pii_patterns import CATEGORY, VERSION, Recogniser, TextFeatures, base_recognisers
from steward.detectors.pii_phone import PhoneRecogniser

#: Which finding survives an overlap: higher is more specific. Ties go to the higher score, then the longer span.
SPECIFICITY = MappingProxyType(
    {
        "nhs_number": 7,
        "email": 6,
        "ni_number": 6,
        "uk_phone": 5,
        "date_of_birth": 4,
        "uk_postcode": 4,
        "street_address": 3,
        "person_name": 1,
    }
)


def default_recognisers() -> tuple[Recogniser, ...]:
    """Every built-in recogniser except names, in a fixed order."""
    return (*base_recognisers(), PhoneRecogniser(), STREET_ADDRESS, DATE_OF_BIRTH)


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep one finding per span: the most specific, then highest-scoring, then longest, wins."""
    ranked = sorted(
        findings,
        key=lambda f: (-SPECIFICITY.get(f.kind, 0), -f.score, -(f.end - f.start), f.start),
    )
    kept: list[Finding] = []
    for f in ranked:
        if all(f.end <= k.start or k.end <= f.start for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


class PersonalInfoDetector:
    """Emails, UK phone numbers, postcodes, street addresses, NHS and NI numbers, dates of birth, and names.

    ``recognisers`` replaces the built-in set; ``names=False`` turns the spaCy name recogniser off (for
    callers that cannot afford the model); ``name_recogniser`` supplies a differently configured one.
    """

    name = "personal_info"
    version = VERSION
    categories = frozenset({CATEGORY})

    def __init__(
        self,
        recognisers: Sequence[Recogniser] | None = None,
        *,
        names: bool = True,
        name_recogniser: NameRecogniser | None = None,
    ) -> None:
        self._recognisers = tuple(recognisers) if recognisers is not None else default_recognisers()
        self._names = (name_recogniser or NameRecogniser()) if names else None

    @property
    def recognisers(self) -> tuple[Recogniser, ...]:
        return self._recognisers

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = item.text[:MAX_TEXT_CHARS]
        if not text:
            return []
        features = TextFeatures.of(text)
        found: list[Finding] = []
        for recogniser in self._recognisers:
            if recogniser.gate(features):
                found.extend(recogniser.analyse(text, context))
        found = resolve_overlaps(found)
        if self._names is None:
            return found
        why = self._name_reason(features, found)
        if why is None:
            return found
        reason, near = why
        display_name = item.author.display_name if item.author else None
        return resolve_overlaps([*found, *self._names.analyse(text, reason, display_name, near)])

    @staticmethod
    def _name_reason(
        features: TextFeatures, found: Sequence[Finding]
    ) -> tuple[str, tuple[tuple[int, int], ...]] | None:
        """Why names are worth looking for in this text, and where that detail is; None when they are not."""
        if found:
            return "found " + ", ".join(sorted({f.kind for f in found})), tuple((f.start, f.end) for f in found)
        detail = care_detail(features.text, features.lower)
        if detail is not None:
            return f"care detail '{' '.join(detail.group(0).split())[:40]}'", (detail.span(),)
        return None
