"""Party-political content: parties, politicians, candidates, voting appeals and partisan slogans.

Scores follow what a communications team cares about under purdah rules: promoting a party or asking people how
to vote scores high (0.85+); naming a party or politician is plausible (0.5-0.7); mentioning the Government or a
minister while criticising a service is weak (0.3-0.4, "mentions government"). Ambiguous words are handled:
"in labour" / "labour ward" is childbirth, "green" a colour, "NHS reform" a noun, "a conservative estimate" an
adjective — only the unambiguous phrases are in the lexicon, and "labour" needs a capital L or a party cue.
"""

from __future__ import annotations

import functools

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, search, tag
from steward.detectors.lexicon import Entry, Hit, Lexicon, hit_finding, load_lexicon
from steward.detectors.normalise import Normalised, normalise

__all__ = ["PoliticalDetector"]

_MATERNITY_LEFT = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:in|into|early|active|induced|during|prolonged|preterm|premature|established|stage\s+of|"
    r"hard|manual|child|cheap|forced|slave|skilled|unskilled|hours\s+of|days\s+of|long|quick|fast|her|my|"
    r"your|a|the\s+(?:first|second|third))\s+$"
)
_MATERNITY_RIGHT = compile_pattern(
    r"^\s*(?:ward|wards|suite|suites|room|rooms|unit|pains?|induction|contractions?|market|costs?|shortages?|"
    r"force|intensive|of\s+love|day|and\s+delivery|and\s+birth|was|lasted|started|progressed|went|support)"
    r"(?![\p{L}])"
)
_PARTY_CUE = compile_pattern(
    r"^\s*(?:party|government|govt|gov|mp|mps|council|councillors?|leader|leadership|voters?|manifesto|"
    r"led|run|have|has|are|is|will|won|lost|want|promised|policy|policies|conference|candidate|and\s+the)"
    r"(?![\p{L}])"
)
_PROMOTE = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:support|elect|back|join|re-?elect|choose|campaign\s+for|donate\s+to)\s+(?:the\s+)?$"
)


@functools.lru_cache(maxsize=64)
def _candidate_lexicon(names: tuple[str, ...]) -> Lexicon | None:
    entries = [Entry(n.strip().lower(), "candidate", 0.65) for n in names if len(n.strip()) >= 3]
    return Lexicon("candidates", entries) if entries else None


class PoliticalDetector:
    """Parties, politicians, ``context.candidate_names``, voting appeals and partisan slogans."""

    name = "political"
    version = "1.0"
    categories = frozenset({"political"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("political")
        self._tag = tag("political_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = item.text[:MAX_TEXT_CHARS]
        norm = normalise(text)
        hits = [h for h in self._lexicon.find(norm) if self._keep(text, norm, h)]
        candidates = _candidate_lexicon(tuple(context.candidate_names)) if context.candidate_names else None
        if candidates is not None:
            hits.extend(candidates.find(norm))
        if not hits:
            return []
        appeal = any(h.entry.kind in ("voting_appeal", "partisan") for h in hits)
        named = any(h.entry.kind in ("party", "politician", "candidate") for h in hits)
        out: list[Finding] = []
        for h in hits:
            score, note = h.entry.weight, ""
            if h.entry.kind == "voting_appeal" and named:
                score, note = max(score, 0.9), " next to a named party, politician or candidate"
            elif h.entry.kind in ("party", "politician", "candidate"):
                left = norm.text[max(0, h.norm_start - 30) : h.norm_start]
                if appeal:
                    score, note = max(score, 0.85), " in a text that appeals for votes"
                elif search(_PROMOTE, left):
                    score, note = max(score, 0.85), " with a call to support it"
            what = "government mention" if h.entry.kind == "government" else h.entry.kind.replace("_", " ")
            out.append(
                hit_finding("political", h, score, self._tag,
                            f"{what}: political lexicon entry {h.entry.term!r}{note}.")
            )  # fmt: skip
        return out

    def _keep(self, text: str, norm: Normalised, hit: Hit) -> bool:
        if hit.entry.term != "labour":
            return True
        left = norm.text[max(0, hit.norm_start - 30) : hit.norm_start]
        right = norm.text[hit.norm_end : hit.norm_end + 30]
        if search(_MATERNITY_LEFT, left) or search(_MATERNITY_RIGHT, right):
            return False
        return text[hit.start : hit.start + 1] == "L" or search(_PARTY_CUE, right) is not None
