"""``political`` in staff drafts: party-political content, scored so the pack's two rules make the policy
stricter inside a pre-election period (min 0.4, block) than outside it (min 0.6, needs changes).

Built on the inbound political detector (parties, politicians, candidates, voting appeals), with three changes
for what staff and corporate accounts post:

* a mention of the Government, a minister or an election is information, not politics (capped at 0.2): "the
  Government has announced £20m", "we are in the pre-election period";
* a named MP, councillor, mayor or candidate scores 0.45 (``elected_representative``): welcome outside an
  election ("great to welcome Judith Cummins MP to our new hub"), not published inside one;
* an opinion for or against a party, politician or the Government ("wrecking the NHS", "the only serious
  plan", "cuts ... are a disgrace", "proud to be a member", "out canvassing") raises the finding to 0.85 (0.7
  when aimed at the Government only): the CCG must stay impartial, and readers take staff posts as its view.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.political import PoliticalDetector
from steward.detectors.staff_context import matches, quote

__all__ = ["StaffPoliticalDetector"]

_CAT = Category.POLITICAL.value
_REPRESENTATIVE = compile_pattern(
    r"(?<![\p{L}])(?:(?-i:[A-Z][\p{Ll}'’\-]+(?:\s+[A-Z][\p{Ll}'’\-]+){0,2})\s+(?-i:MP|MSP|MEP)|(?-i:Cllr)\.?\s+"
    r"(?-i:[A-Z][\p{L}'’\-]*)|(?-i:Councillor)\s+(?-i:[A-Z][\p{L}'’\-]*)|(?:our|the|local|your)\s+(?-i:MP)|(?:the\s+)?(?:west\s+yorkshire\s+"
    r")?(?-i:Mayor)(?:\s+of\s+west\s+yorkshire)?(?=\s+(?-i:[A-Z])|\s*,)|(?:parliamentary|council|mayoral)\s+"
    r"candidates?|(?-i:Minister)\s+(?-i:[A-Z][\p{L}'’\-]*))(?![\p{L}])"
)
_OPINION = compile_pattern(
    r"(?<![\p{L}])(?:wreck\w*|ruin\w*|destroy\w*|sell(?:ing)?\s+off|sold\s+off|privatis\w*|starv\w*|betray\w*|"
    r"gutt(?:ed|ing)|disgrace\w*|scandal\w*|shameful|shame\s+on|only\s+(?:ones|party|serious|hope|real)|"
    r"don['’]?t\s+let\s+(?:them|him|her)|vote\s+(?:them\s+|him\s+|her\s+)?out|canvass\w*|proud\s+to\s+be\s+a\s+"
    r"member|(?:our|my)\s+candidate|join\s+the\s+party|cuts?\s+to|austerity|lies|liars|useless|incompetent|"
    r"clueless|can['’]?t\s+be\s+trusted|(?:kick|get)\s+(?:them|the\s+\w+)\s+out|deliver(?:ed|ing)?\s+for\s+"
    r"(?:us|the\s+nhs)|backs?\s+the\s+nhs|(?:best|worst)\s+(?:thing|government|party|plan))(?![\p{L}])"
)
_SENTENCE = compile_pattern(r"[^.!?\n]+[.!?\n]*")

FIX = (
    "Remove or reword “{span}”: staff posts must not take party-political sides, and readers may take them as "
    "the CCG's view (12.1.1, 12.1.2). In a pre-election period, leave out parties, candidates and elected "
    "representatives altogether."
)


class StaffPoliticalDetector:
    """Party politics and, for pre-election periods, elected representatives in a staff draft."""

    name = "staff_political"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._inner = PoliticalDetector()
        self._tag = tag("staff_political_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        found = list(self._inner.detect(item, context))
        for m in matches(_REPRESENTATIVE, text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                why = "An elected representative or candidate named (not published in a pre-election period)."
                found.append(Finding(_CAT, "elected_representative", *m.span(), 0.45, self._tag, why))
        out: list[Finding] = []
        for f in found:
            opinion = self._opinion(text, f.start, f.end)
            score, why = f.score, f.explanation
            if f.kind == "government":
                score = 0.7 if opinion else 0.2
                why = why[:-1] + (f", with a partisan opinion ('{opinion}')." if opinion else ": information only.")
            elif opinion and f.kind in ("party", "politician", "candidate", "elected_representative"):
                score = max(score, 0.85)
                why = why[:-1] + f", with a partisan opinion ('{opinion}')."
            out.append(Finding(_CAT, f.kind, f.start, f.end, score, f.detector, why,
                               fix=FIX.format(span=quote(text, f.start, f.end))))  # fmt: skip
        return out

    @staticmethod
    def _opinion(text: str, start: int, end: int) -> str | None:
        """An opinion word in the sentence of ``[start, end)`` or the next one."""
        sentences = [m.span() for m in matches(_SENTENCE, text, 2_000)]
        for i, (s, e) in enumerate(sentences):
            if s <= start < e:
                hi = sentences[i + 1][1] if i + 1 < len(sentences) else e
                m = search(_OPINION, text[s:hi])
                return " ".join(m.group(0).split()) if m else None
        return None
