"""``patient_info`` (SMP 7.3.2, "Never post patient identifiable information on social media").

Evidence, strongest first (patterns in ``patient_rules``):

* an NHS number (valid check digit 0.97; an invalid one labelled "NHS number" 0.9);
* a photo, screenshot or video of a patient or of patient information (0.9);
* a specific person (a titled name, a name with an age, a named relative or baby, a name at a ward or bed, "our
  patient", "the 23-year-old") who is not a member of staff, together with a health detail or care event, a
  numbered ward, bed or room, or a date of birth (0.85-0.92);
* a bed, bay or room number with a health detail or an admission (0.88);
* a first-person account of one patient's visit ("who we had in A&E tonight ... in with a broken ankle") with a
  time, age or home town (0.82).

A health word alone is never evidence. Consent does not lift a finding: the policy says *never*, and a patient
story with written consent is the communications team's to publish. Explanations never repeat names or numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from steward.content import Category, ContentItem, Finding
from steward.detectors import patient_rules as R
from steward.detectors.base import AssessContext, finditer, search, tag
from steward.detectors.phrases import clip
from steward.detectors.pii_patterns import nhs_check_digit_ok
from steward.detectors.staff_context import MEDIA, extra_text, matches

__all__ = ["PatientInfoDetector"]

_CAT = Category.PATIENT_INFO.value
#: How far (characters) from a person a health detail may be and still be about them.
_NEAR = 160

FIXES = {
    "nhs_number": "Remove the NHS number: never post a patient's NHS number (7.3.2). Use the clinical record or "
    "secure NHS email to discuss a patient.",
    "date_of_birth": "Remove the date of birth and the clinical details: together they identify the patient (7.3.2).",
    "patient_photo": "Do not post this photo, screenshot or video: it shows a patient or patient information "
    "(7.3.2, 12.1.8).",
    "person_with_health": "Remove the patient's name, age and health details. A patient's story can only be shared "
    "by the communications team, with the patient's written consent (7.3.2).",
    "care_location": "Remove the ward, bed or room number and anything else that could identify the patient (7.3.2).",
    "patient_encounter": "Remove the details of this patient's visit (who, when, where, what happened): together "
    "they can identify them (7.3.2).",
}


def _near(pattern: regex.Pattern[str], text: str, start: int, end: int, span: int = _NEAR) -> regex.Match[str] | None:
    """The first match of ``pattern`` within ``span`` characters of ``[start, end)`` that does not overlap it."""
    lo, hi = max(0, start - span), min(len(text), end + span)
    for m in finditer(pattern, text[lo:hi]):
        s, e = m.start() + lo, m.end() + lo
        if e <= start or s >= end:
            return m
    return None


def _is_staff(text: str, start: int, end: int) -> bool:
    """A role, title or "our team" word right beside the name: "Dr Sarah Hughes, GP", "paramedic Lisa"."""
    window = text[max(0, start - 30) : start] + " " + text[end : end + 30]
    return search(R.STAFF_NEAR, window) is not None


def _persons(text: str) -> Iterable[tuple[str, regex.Match[str]]]:
    for label, pattern in (
        ("a titled name", R.TITLED_NAME),
        ("a name with an age", R.NAME_WITH_AGE),
        ("a named relative or baby", R.RELATIVE_NAME),
        ("a name at a ward or bed", R.NAME_AT_LOCATION),
        ("a person by age", R.AGED_PERSON),
        ("one patient", R.PATIENT_WORD),
    ):
        for m in matches(pattern, text):
            yield label, m


class PatientInfoDetector:
    """Patient-identifiable information in a staff draft (and in its ``extra["media"]`` description)."""

    name = "patient_info"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("patient_info_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        out = self.analyse(clip(item.text))
        media = extra_text(item, MEDIA)
        if media:
            out += [
                Finding(f.category, f.kind, f.start, f.end, f.score, f.detector, f.explanation, "media", f.fix)
                for f in self.analyse(media, photo=True)
            ]
        return out

    def analyse(self, text: str, *, photo: bool = False) -> list[Finding]:
        """Findings in one text; ``photo`` says the text describes a photo or video (alt text)."""
        if not text:
            return []
        out = self._numbers(text)
        out += self._photos(text, photo)
        out += self._people(text)
        out += self._locations(text)
        if not out:
            out += self._encounters(text)
        return out

    def _finding(self, kind: str, span: tuple[int, int], score: float, why: str) -> Finding:
        return Finding(_CAT, kind, span[0], span[1], score, self._tag, why, fix=FIXES[kind])

    def _numbers(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        if sum(c.isdigit() for c in text) >= 10:
            for m in matches(R.NHS_NUMBER, text):
                labelled = search(R.NHS_LABEL, text[max(0, m.start() - 25) : m.start()]) is not None
                if nhs_check_digit_ok("".join(c for c in m.group(0) if c.isdigit())):
                    why = "NHS number (modulus-11 check digit valid)"
                    out.append(self._finding("nhs_number", m.span(), 0.97, why + (", labelled." if labelled else ".")))
                elif labelled:
                    out.append(self._finding("nhs_number", m.span(), 0.9, "Number labelled as an NHS number."))
        for m in matches(R.DATE_OF_BIRTH, text):
            context = (
                search(R.HEALTH, text) or search(R.CARE_LOCATION, text) or search(R.PATIENT_WORD, text)
            )  # fmt: skip
            if context is not None:
                why = f"Date of birth in a text about care ('{' '.join(context.group(0).split())}')."
                out.append(self._finding("date_of_birth", m.span(), 0.92, why))
        return out

    def _photos(self, text: str, described: bool) -> list[Finding]:
        out: list[Finding] = []
        media = matches(R.MEDIA, text)
        if described:
            subject = search(R.PATIENT_SUBJECT, text)
            if subject is not None:
                out.append(self._finding("patient_photo", subject.span(), 0.9, "Attached media shows a patient."))
            return out
        for m in media:
            subject = _near(R.PATIENT_SUBJECT, text, m.start(), m.end(), 80)
            if subject is not None:
                what = " ".join(subject.group(0).split())
                out.append(self._finding("patient_photo", m.span(), 0.9, f"A photo or screenshot of '{what}'."))
        return out

    def _people(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for label, m in _persons(text):
            start, end = m.span()
            if label in ("a titled name", "a name with an age") and _is_staff(text, start, end):
                continue
            if label == "a name at a ward or bed":
                out.append(self._finding("person_with_health", m.span(), 0.9, f"{label.capitalize()}."))
                continue
            health = _near(R.HEALTH, text, start, end)
            place = search(R.CARE_LOCATION, text)
            if label == "a person by age":
                extra = _near(R.TIME_REF, text, start, end) or _near(R.HOME_PLACE, text, start, end, 40) or place
                if health is not None and extra is not None:
                    why = f"{label.capitalize()} with health information ('{' '.join(health.group(0).split())}')"
                    out.append(self._finding("person_with_health", m.span(), 0.88, why + " and a time or place."))
                continue
            if label == "one patient":
                timed = _near(R.TIME_REF, text, start, end) or search(R.ENCOUNTER, text)
                if place is not None or (health is not None and timed is not None):
                    why = "One patient described with a ward, bed or room, or with health details and a time."
                    out.append(self._finding("person_with_health", m.span(), 0.88, why))
                continue
            evidence = health or place or _near(R.CARE_SETTING, text, start, end)
            if evidence is not None:
                what = " ".join(evidence.group(0).split())
                why = f"{label.capitalize()} (not a member of staff) beside health or care detail ('{what}')."
                out.append(self._finding("person_with_health", m.span(), 0.9, why))
        return out

    def _locations(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for m in matches(R.CARE_LOCATION, text):
            if m.group(0).lower().startswith("ward"):
                continue  # a ward is a unit; a person beside it is found in _people
            detail = _near(R.HEALTH, text, m.start(), m.end(), 100) or _near(R.ENCOUNTER, text, m.start(), m.end())
            if detail is not None:
                what = " ".join(detail.group(0).split())
                why = f"A bed, bay or room number with a patient's health detail or admission ('{what}')."
                out.append(self._finding("care_location", m.span(), 0.88, why))
        return out

    def _encounters(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for m in matches(R.ENCOUNTER, text):
            health = _near(R.HEALTH, text, m.start(), m.end())
            if health is None:
                continue
            extra = (
                _near(R.TIME_REF, text, m.start(), m.end())
                or search(R.AGED_PERSON, text)
                or _near(R.HOME_PLACE, text, m.start(), m.end(), 60)
            )
            if extra is not None:
                what = " ".join(health.group(0).split())
                why = f"A first-hand account of one patient's visit with health detail ('{what}') and a time or place."
                out.append(self._finding("patient_encounter", m.span(), 0.82, why))
        return out
