"""Lexicon detectors for swearing, abuse and sexual content (hate and threat live in hate.py and threat.py).

All of them read the shared, cached ``normalise`` result, so "F.U.C.K", "fuuuck", "ｆｕｃｋ" and "f*ck" are the same
word, and report spans in the original text. Legitimate criticism is not abuse: "the A&E wait was a disgrace" or
"your management is useless" names no insult; abuse needs an insult word, an insult aimed at someone, or
harassment ("shut up", "kill yourself").
"""

from __future__ import annotations

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, finditer, search, tag
from steward.detectors.hate import HateDetector
from steward.detectors.lexicon import Hit, hit_finding, load_lexicon, text_tokens
from steward.detectors.normalise import Normalised, normalise
from steward.detectors.threat import ThreatDetector

__all__ = ["AbuseDetector", "HateDetector", "ProfanityDetector", "SexualDetector", "ThreatDetector"]


class ProfanityDetector:
    """Swear words and obscenity, wherever they are aimed (or not)."""

    name = "profanity"
    version = "1.0"
    categories = frozenset({"profanity"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("profanity")
        self._tag = tag("profanity_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        return [
            hit_finding("profanity", h, h.entry.weight, self._tag, _explain("profanity", h))
            for h in self._lexicon.find(norm)
        ]


class SexualDetector:
    """Explicit sexual words, sexual solicitation and sexualised harassment. Clinical words are not listed."""

    name = "sexual"
    version = "1.0"
    categories = frozenset({"sexual"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("sexual")
        self._tag = tag("sexual_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        return [
            hit_finding("sexual", h, h.entry.weight, self._tag, _explain("sexual", h)) for h in self._lexicon.find(norm)
        ]


def _explain(lexicon: str, hit: Hit, extra: str = "") -> str:
    return f"{lexicon} lexicon entry {hit.entry.term!r} ({hit.entry.kind}){extra}."


#: Words between a target and an insult: articles, intensifiers and degrading adjectives.
_FILLER = (
    r"(?:a|an|the|such|so|real|right|proper|complete|total|absolute|utter|massive|fucking|fuckin|effing|"
    r"bloody|stupid|fat|ugly|useless|lazy|thick|dumb|pathetic|arrogant|incompetent|old|little|silly|daft|"
    r"disgusting|rude|horrible|miserable|lying|sad|smug|ignorant|vile|nasty|bunch|load|lot|pack|of|"
    r"[a-z]+ing)(?![\p{L}])"
)
#: An insult is aimed at someone when it follows "you", a pronoun, "is/are a", "what a", "bunch of" ...
_TARGET_LEFT = compile_pattern(
    r"(?r)"
    r"(?:^|[^\p{L}'])(?:you|u|ya|ye|youre|you're|your\s+a|ur|yer|he's|she's|he|she|they|they're|him|her|them|"
    r"is|are|was|were|what|such|bunch\s+of|load\s+of|lot\s+of|pack\s+of)"
    rf"(?:\s+{_FILLER}){{0,4}}+\s+$"
)
#: ... or precedes a person noun ("idiot receptionist") or ends the sentence as a vocative ("shut up, idiot!").
_TARGET_RIGHT = compile_pattern(
    r"^\s+(?:receptionists?|nurses?|doctors?|drs?|gps?|consultants?|managers?|staff|woman|women|man|men|"
    r"lady|bloke|girl|boy|people|person|admin|manager|surgeon|paramedics?|porters?|cleaners?|security)\b"
)
#: A degrading adjective right before the word: "stupid cow", "fat pig".
_DEGRADING_LEFT = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:stupid|fat|ugly|silly|daft|thick|dumb|lazy|useless|miserable|smelly|dirty|filthy|"
    r"disgusting|vile|nasty|horrible|old|evil|lying|sad|pathetic|fucking|bloody)\s+$"
)
_VOCATIVE_LEFT = compile_pattern(r"(?r)" r"(?:^|[,!.?:;]\s*|\byou\s+)$")
#: Second-person attacks that use adjectives rather than insult nouns: "you are pathetic", "you stupid woman".
_YOU_ADJ = compile_pattern(
    r"(?<![\p{L}])(?:you\s*(?:are|'re|re|r)|ur|youre|you\s+really\s+are)\s+(?:so\s+|such\s+|really\s+|"
    r"fucking\s+|bloody\s+|a\s+|an\s+|just\s+|completely\s+|totally\s+){0,3}+(?P<adj>stupid|thick|pathetic|"
    r"worthless|ugly|fat|disgusting|vile|dumb|moronic|idiotic|brainless|retarded|repulsive|useless|"
    r"incompetent|horrible|evil|nasty|filthy|a\s+waste\s+of\s+space|a\s+joke\s+of\s+a\s+person)(?![\p{L}])"
)
_YOU_ADJ_NOUN = compile_pattern(
    r"(?<![\p{L}])you\s+(?:stupid|fat|ugly|useless|pathetic|thick|lazy|dumb|silly|daft|disgusting|vile|"
    r"nasty|horrible|miserable|smug|ignorant)\s+(?:\p{L}+)(?![\p{L}])"
)
_ADJ_SCORES = {"useless": 0.5, "incompetent": 0.45, "horrible": 0.5, "nasty": 0.55}


def _is_targeted(norm: Normalised, hit: Hit) -> str:
    """Why ``hit`` counts as aimed at someone, or "" when it does not."""
    text = norm.text
    left = text[max(0, hit.norm_start - 60) : hit.norm_start]
    if search(_TARGET_LEFT, left):
        return "aimed at someone by the words before it"
    if search(_DEGRADING_LEFT, left[-25:]):
        return "after a degrading adjective"
    if search(_TARGET_RIGHT, text[hit.norm_end : hit.norm_end + 20]):
        return "followed by a person"
    right = text[hit.norm_end : hit.norm_end + 2]
    if search(_VOCATIVE_LEFT, left) and (not right.strip() or right.strip()[0] in "!.?,"):
        return "used as a form of address"
    return ""


class AbuseDetector:
    """Insults aimed at a person or group, harassment and bullying.

    An insult word alone scores its lexicon weight ("what idiots" ~0.45); aimed at someone ("you idiot", "the
    receptionist is a fat useless bitch") it scores 0.8-0.95. Words with innocent senses (cow, pig, clown)
    only count when aimed. Criticism of a service names no insult, so it never matches.
    """

    name = "abuse"
    version = "1.0"
    categories = frozenset({"abuse"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("abuse")
        self._tag = tag("abuse_lexicon", self.version)
        self._tag_pattern = tag("abuse_second_person", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out: list[Finding] = []
        for h in self._lexicon.find(norm):
            if h.entry.kind == "harassment":
                out.append(hit_finding("abuse", h, h.entry.weight, self._tag, _explain("abuse", h)))
                continue
            why = _is_targeted(norm, h)
            if why:
                score = min(0.95, max(0.8, h.entry.weight + 0.35))
                out.append(hit_finding("abuse", h, score, self._tag, _explain("abuse", h, f", {why}")))
            elif not h.entry.target:
                out.append(hit_finding("abuse", h, h.entry.weight, self._tag, _explain("abuse", h)))
        plain, _, _ = text_tokens(norm.text)
        if "you" in plain or "ur" in plain:
            out.extend(self._second_person(norm))
        return out

    def _second_person(self, norm: Normalised) -> list[Finding]:
        out: list[Finding] = []
        for m in finditer(_YOU_ADJ, norm.text):
            adj = m.group("adj")
            score = _ADJ_SCORES.get(adj, 0.65)
            start, end = norm.span(*m.span())
            out.append(
                Finding("abuse", "personal_attack", start, end, score, self._tag_pattern,
                        f"second-person attack: calls the reader {adj!r}.")
            )  # fmt: skip
        for m in finditer(_YOU_ADJ_NOUN, norm.text):
            start, end = norm.span(*m.span())
            out.append(
                Finding("abuse", "insult", start, end, 0.75, self._tag_pattern,
                        "second-person insult of the form 'you <degrading adjective> <noun>'.")
            )  # fmt: skip
        return out
