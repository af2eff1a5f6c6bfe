"""Threats of violence or harm against people, staff or buildings.

The threat lexicon (lexicons/threat.yaml) holds violent verbs and fixed intimidation phrases. A phrase ("I know
where you live", "you'll get what's coming") is a threat on its own. A violent verb is one only with a
first-person intent before it ("I'll", "I'm going to", "I'm going to come down there and") or an incitement
("someone should"), and a person or place after it ("you", "the receptionist", "the place"):

- "I'll kill you", "someone should burn the place down", "I'm going to come down there and smash the place up";
- NOT "this waiting list is killing me", "I could kill for a coffee", "smoking will kill you", "the heat is killing
  me": no first-person intent, or no person as the object.
"""

from __future__ import annotations

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, search, tag
from steward.detectors.lexicon import Hit, hit_finding, load_lexicon
from steward.detectors.normalise import Normalised, normalise
from steward.detectors.phrases import Lexicon
from steward.detectors.threat_rules import COLLOQUIAL_RULES, VEILED_RULES

__all__ = ["ThreatDetector"]

#: Public-safety warnings ("it's so icy, someone's going to get hurt") are not threats.
_SAFETY = compile_pattern(
    r"\b(?:ic[ey]|slip\w*|pothole\w*|trip\w*|fall\w*|dangerous|unsafe|hazard\w*|lighting|broken|crossing|traffic|"
    r"junction|speeding|wet floor|steps|stairs|road|cycl\w+|pavement|kerb|drivers?|bikes?|lifts?|escalator)\b"
)

#: First-person intent ending just before the verb.
_INTENT = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:i'?ll|i\s+will|i\s+shall|i'?m\s+(?:going\s+to|gonna|gunna|gona|about\s+to)|"
    r"i\s+am\s+(?:going\s+to|gonna|about\s+to)|im\s+(?:going\s+to|gonna|gunna)|(?P<hedge>i'?d|i\s+would|i\s+could)|"
    r"i\s+(?:want|wanna|intend|plan)\s+to|i\s+swear\s+i'?ll|we'?ll|we\s+will|we'?re\s+(?:going\s+to|gonna)|"
    r"(?:come|coming|go|going)\s+(?:down|round|over|up)\s+(?:there\s+|here\s+)?(?:and|to)|"
    r"gonna|gunna|"
    r"(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna))(?:\s+[\p{L}'&]+){1,5}?\s+and)"
    r"(?:\s+(?:fucking|bloody|literally|actually|really|personally|just|come\s+and|go\s+and))*+\s+$"
)
_VISIT = compile_pattern(r"(?:come|coming|go|going)\s+(?:down|round|over|up)\s+(?:there\s+|here\s+)?(?:and|to)")
_INCITE = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:some(?:one|body)|people|we|you\s+lot|they)\s+(?:should|need\s+to|needs\s+to|ought\s+to|"
    r"must|will|is\s+going\s+to|are\s+going\s+to|gonna)(?:\s+(?:just|really|fucking|go\s+and|come\s+and))*+\s+$"
)
#: A person, staff member or building right after the verb.
_TARGET = compile_pattern(
    r"^\s*(?:(?:the\s+)?(?:fuck|shit|hell)\s+out\s+of\s+)?(?:you|u|ya|yous|youse|yer|your\s+\p{L}+|him|her|"
    r"them|every(?:one|body)|all\s+of\s+(?:you|them)|"
    r"(?:the|that|this|your|those|these|every|each|some|their|his)\s+(?:\p{L}+\s+)?(?:receptionists?|nurses?|doctors?|"
    r"drs?|gps?|consultants?|surgeons?|managers?|staff|workers?|lot|place|building|hospital|surgery|ward|"
    r"clinic|practice|reception|a&e|office|offices|cars?|windows?|bitch|bastards?|cunts?|twats?|idiots?|"
    r"woman|man|bloke|lady|girl|people|family|kids)|it\s+(?:all\s+)?down|the\s+place\s+up|[a-z]+\s+up)"
    r"(?![\p{L}])"
)


class ThreatDetector:
    """Violent threats, intimidation, incitement and wishes of harm."""

    name = "threat"
    version = "1.0"
    categories = frozenset({"threat"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("threat")
        self._tag_phrase = tag("threat_phrase_lexicon", self.version)
        self._tag_verb = tag("threat_intent_verb", self.version)
        self._veiled = Lexicon([*VEILED_RULES, *COLLOQUIAL_RULES])
        self._tag_veiled = tag("threat_veiled_phrase", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out: list[Finding] = []
        for h in self._lexicon.find(norm):
            if h.entry.kind != "violent_verb":
                out.append(
                    hit_finding("threat", h, h.entry.weight, self._tag_phrase,
                                f"threat lexicon phrase {h.entry.term!r} ({h.entry.kind}).")
                )  # fmt: skip
                continue
            finding = self._verb(norm, h)
            if finding is not None:
                out.append(finding)
        out.extend(self._veiled_findings(item, out))
        return out

    def _veiled_findings(self, item: ContentItem, found: list[Finding]) -> list[Finding]:
        text = item.text[:MAX_TEXT_CHARS]
        hits = self._veiled.scan(text)
        if not hits:
            return []
        out: list[Finding] = []
        for h in hits:
            score, note = h.rule.score, ""
            if h.rule.label == "someone is going to get hurt" and search(_SAFETY, text) is not None:
                continue  # a warning about a hazard, not a threat
            if h.rule.kind == "follow_up":
                strong = any(f.score >= 0.6 for f in found) or any(
                    x.rule.kind != "follow_up" and x.rule.score >= 0.6 for x in hits
                )
                if not strong:
                    strong = any(
                        f.score >= 0.6
                        for entry in item.thread[-3:]
                        for f in self.detect(ContentItem(item.id, entry[:MAX_TEXT_CHARS]), AssessContext())
                    )
                if not strong:
                    continue
                score, note = 0.7, " after a threat in the same comment or thread"
            why = f"veiled threat phrase '{h.rule.label}'{note}."
            out.append(h.finding("threat", self._tag_veiled, why, score=score))
        return out

    def _verb(self, norm: Normalised, hit: Hit) -> Finding | None:
        text = norm.text
        left = text[max(0, hit.norm_start - 70) : hit.norm_start]
        # the verb itself may end in an object ("do you in", "get you"); otherwise look right for one
        has_object = " you" in hit.entry.term or hit.entry.term.endswith(" your")
        target = has_object or search(_TARGET, text[hit.norm_end : hit.norm_end + 50]) is not None
        intent = search(_INTENT, left)
        visit = intent is not None and search(_VISIT, intent.group()) is not None
        if not target and not visit:
            return None
        if intent is not None:
            kind, score, why = "violent_threat", hit.entry.weight, "a first-person intent"
            if intent.group("hedge"):
                score -= 0.2
        else:
            incite = search(_INCITE, left)
            if incite is None or hit.entry.target:
                return None
            intent = incite
            kind, score, why = "incitement", hit.entry.weight - 0.05, "a call on others"
        start = hit.norm_start - len(left) + intent.start()
        end = hit.norm_end
        m = search(_TARGET, text[hit.norm_end : hit.norm_end + 50])
        if m is not None:
            end = hit.norm_end + m.end()
        o_start, o_end = norm.span(start, end)
        return Finding("threat", kind, o_start, o_end, round(score, 4), self._tag_verb,
                       f"violent verb {hit.entry.term!r} after {why}, aimed at a person or place.")  # fmt: skip
