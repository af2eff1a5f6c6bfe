"""Impersonation: author names and handles that imitate the organisation's, and text claiming to be it.

Names and handles are compared in ``skeleton`` form (look-alike characters, case, leetspeak, separators and
repeats folded away), so "NHS Surrey Heartlаnds" (Cyrillic а) and "@NHSSurreyHeartIands" (capital I for l) have
the same skeleton as the real ones:

* same skeleton, different text → ``confusable_name`` / ``confusable_handle`` (0.95);
* a small edit away (rapidfuzz ratio >= 90, or a Levenshtein distance of 1-2 for skeletons longer than 8) →
  ``lookalike_name`` / ``lookalike_handle`` (0.8);
* a display name copied exactly while the handle is not the organisation's → ``copied_name`` (0.85);
* a display name containing a protected name ("NHS Surrey Heartlands Support") → ``contains_name`` (0.6);
* a generic official-sounding name ("NHS Support Team", "NHS Helpdesk") → ``generic_official_name`` (0.5, or
  0.75 when the text asks for personal details).

The organisation's own handle (same handle, ignoring case and a leading @) is never a finding, and nothing else
about such an item is either. In the text, a claim to be the organisation ("This is the official NHS Surrey
Heartlands page", "I am from the CCG, send me your details") is ``claims_organisation`` (0.7 with a request
for details or an "official" claim, 0.5 otherwise). Author findings have ``field="author"`` and offsets into the
display name or handle; the explanation says which.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from steward.content import Author, Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.normalise import skeleton
from steward.detectors.phrases import Lexicon, Rule, clip

_CAT = Category.IMPERSONATION.value
_GENERIC_NAME = compile_pattern(
    r"^\W*(?:the\s+)?(?:nhs|ccg|icb|nhs\s+\w+)\s*(?:official\s+)?(?:support|help|helpdesk|help\s+desk|admin|"
    r"administrator|team|customer\s+service|customer\s+care|security|verification|accounts?|official|"
    r"notifications?|service\s+desk|refunds?|care\s+team)(?:\s+team|\s+desk|\s+centre|\s+uk)?\W*$"
)
_ORG = "(?:nhs|ccg|icb|trust|hospital|gp surgery|surgery|practice|health board|integrated care board|nhs \\w+)"
_CLAIMS = Lexicon(
    [
        Rule(
            "claims_organisation",
            r"(?:this is|this page is|we are|we re|i am|i m|here is|you re talking to) (?:the |an |a )?(?:official|"
            r"real|genuine|verified|authorised|authorized) (?:\w+ ){0,4}?(?:page|account|profile|nhs|ccg|icb|trust|"
            r"team|support|helpdesk|representative)",
            0.7,
            "claims to be the official page",
            triggers="official|real|genuine|verified|authoris|authoriz",
        ),
        Rule(
            "claims_organisation",
            rf"(?:i am|i m|we are|we re|this is|calling|writing|messaging|contacting you) (?:from|with|on behalf of) "
            rf"(?:the |your )?{_ORG}",
            0.5,
            "claims to be from the organisation",
            triggers="from|with|behaif|behalf",
        ),
    ]
)
_DETAILS_REQUEST = compile_pattern(
    r"\b(?:send|dm|message|inbox|give|confirm|verify|provide|share|reply\s+with|tell)\s+(?:me|us)?\s*"
    r"(?:with\s+)?(?:your|ur)\s+(?:\w+\s+)?(?:details|nhs\s+number|bank|card|date\s+of\s+birth|dob|address|"
    r"password|login|pin|phone\s+number|number|email|full\s+name|account)"
)


@lru_cache(maxsize=64)
def _protected(names: tuple[str, ...], handles: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """(raw, skeleton) for every protected name and handle, and the handles' comparable forms."""
    pairs = tuple((raw, _skeleton(raw)) for raw in (*names, *handles) if raw.strip())
    return tuple(p for p in pairs if p[1]), frozenset(_handle_key(h) for h in handles)


@lru_cache(maxsize=8192)
def _skeleton(value: str) -> str:
    """``skeleton`` of a name or handle, cached: the same authors comment again and again."""
    return skeleton(value)


def _plain(value: str) -> str:
    """Case, spaces and punctuation removed, but not look-alike characters: "NHS Surrey" == "@nhssurrey"."""
    return "".join(c for c in value.casefold() if c.isalnum())


def _handle_key(handle: str) -> str:
    return handle.strip().lstrip("@").casefold()


class ImpersonationDetector:
    """Author names/handles imitating the organisation's, and text that claims to be the organisation."""

    name = "impersonation"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self, ratio_threshold: float = 90.0) -> None:
        self.ratio_threshold = ratio_threshold
        self._author_tag = tag("impersonation_author", self.version)
        self._claim_tag = tag("impersonation_claim", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        author = item.author or Author()
        protected, handle_keys = _protected(context.protected_names, context.protected_handles)
        if author.handle and _handle_key(author.handle) in handle_keys:
            return []  # the organisation itself
        text = clip(item.text)
        claims = _CLAIMS.scan(text)
        generic = bool(author.display_name) and search(_GENERIC_NAME, author.display_name or "") is not None
        asks_details = (bool(claims) or generic) and search(_DETAILS_REQUEST, text) is not None
        findings: list[Finding] = []
        for what, value in (("name", author.display_name), ("handle", author.handle)):
            if value:
                found = self._author_finding(what, value[:200], protected, asks_details, bool(author.handle))
                if found is not None:
                    findings.append(found)
        for h in claims:
            official = h.rule.score >= 0.7
            score = 0.7 if official or asks_details else h.rule.score
            extra = " and asks for personal details" if asks_details else ""
            findings.append(h.finding(_CAT, self._claim_tag, f"Text {h.rule.label}{extra}.", score=score))
        return findings

    def _author_finding(
        self,
        what: str,
        value: str,
        protected: tuple[tuple[str, str], ...],
        asks_details: bool,
        has_handle: bool,
    ) -> Finding | None:
        sk = _skeleton(value)
        if not sk:
            return None
        best: tuple[float, str, str] | None = None  # (score, kind, explanation)
        for raw, psk in protected:
            candidate = self._compare(what, value, sk, raw, psk, has_handle)
            if candidate is not None and (best is None or candidate[0] > best[0]):
                best = candidate
        if best is None and what == "name" and search(_GENERIC_NAME, value) is not None:
            score = 0.75 if asks_details else 0.5
            note = " and the text asks for personal details" if asks_details else ""
            best = (score, "generic_official_name", f"Author display name sounds like an official NHS account{note}.")
        if best is None:
            return None
        score, kind, why = best
        return Finding(_CAT, kind, 0, len(value), score, self._author_tag, why, field="author")

    def _compare(
        self, what: str, value: str, sk: str, raw: str, psk: str, has_handle: bool
    ) -> tuple[float, str, str] | None:
        label = "display name" if what == "name" else "handle"
        shown = raw[:80]
        if sk == psk:
            if _plain(value) == _plain(raw):
                if what == "name" and has_handle:
                    return 0.85, "copied_name", f"Author {label} copies the protected name {shown!r} exactly."
                return None
            return 0.95, f"confusable_{what}", f"Author {label} is a look-alike of {shown!r} (same skeleton)."
        if len(psk) < 6:
            return None  # too short for edit distance to mean anything
        if _too_far(sk, psk, self.ratio_threshold) and (what != "name" or len(psk) < 8 or psk not in sk):
            return None  # the lengths alone rule out a look-alike (the usual case: a person's name)
        distance = Levenshtein.distance(sk, psk, score_cutoff=3)
        ratio = fuzz.ratio(sk, psk)
        if ratio >= self.ratio_threshold or (len(psk) > 8 and 1 <= distance <= 2):
            return (
                0.8,
                f"lookalike_{what}",
                f"Author {label} is within edit distance {distance} of {shown!r} (similarity {ratio:.0f}).",
            )
        if what == "name" and len(psk) >= 8 and psk in sk:
            return 0.6, "contains_name", f"Author {label} contains the protected name {shown!r}."
        return None


def _too_far(a: str, b: str, threshold: float) -> bool:
    """Whether two skeletons differ in length by more than two characters and so much that their similarity
    cannot reach ``threshold``: both edit distances are at least the length difference, so then neither the
    distance test nor the ratio test in ``_compare`` can pass. A small margin keeps float rounding on the safe side.
    """
    gap = abs(len(a) - len(b))
    if gap <= 2:
        return False
    total = len(a) + len(b)
    return 100.0 * (total - gap) / total < threshold - 1e-6
