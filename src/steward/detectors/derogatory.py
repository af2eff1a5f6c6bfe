"""``defamation`` in staff drafts (SMP 7.3.1, 7.6.1, 7.3.8): derogatory comments and damaging allegations about
the organisation or colleagues.

Two kinds, both needing a target in the same or the previous sentence (the CCG, "this place", senior
management, the board, "our director of finance", "the new head of contracts", "Dr Ahmed at the CCG"):

* ``allegation`` (0.9): a specific accusation of wrongdoing: lying, fraud, "fiddling the books", a cover-up,
  bribes, "only got the job because ...". Libel territory, and a concern that belongs in the Whistleblowing and
  Raising Concerns Policy, not on social media.
* ``derogatory`` (0.65): a disparaging opinion: "a joke", "a shambles", "clueless", "couldn't organise a raffle",
  "wasted millions".

Criticism of the Government, of "waiting lists", or by the organisation of itself ("we got it wrong") names no
such target and is not a finding here (the political detector looks at the Government).
"""

from __future__ import annotations

import functools

import regex

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import matches, org_alternation, quote

__all__ = ["DerogatoryDetector"]

_CAT = Category.DEFAMATION.value
_SENTENCE = compile_pattern(r"[^.!?\n]+[.!?\n]*")
_ROLE = (
    r"(?:director(?:\s+of\s+\w+)?|\w+\s+director|chief\s+exec(?:utive)?|ceo|cfo|chair(?:man|woman)?|manager|boss|"
    r"head\s+of\s+\w+|lead|deputy\s+\w+|executives?|governing\s+body|board|team\s+leader|supervisor)"
)
_TARGET_BODY = (
    r"(?:this|the|our)\s+(?:ccg|organisation|organization|place|trust|icb)|senior\s+management|management|"
    r"(?:our|the)\s+(?:senior\s+)?leadership(?:\s+team)?|(?:the|our)\s+(?:exec(?:utive)?\s+team|board)|"
    rf"(?:our|the|my|their)\s+(?:new\s+)?{_ROLE}|dr\s+\w+|colleagues?|(?:our|the)\s+(?:\w+\s+)?team|"
    r"organisation\s+to\s+work\s+for|(?:working|work)\s+(?:at|for|here)"
)


@functools.lru_cache(maxsize=16)
def _target_pattern(protected: tuple[str, ...]) -> regex.Pattern[str]:
    return compile_pattern(rf"(?<![\p{{L}}])(?:{_TARGET_BODY}|{org_alternation(protected)})(?![\p{{L}}])")


_ALLEGATION = compile_pattern(
    r"(?<![\p{L}])(?:(?:fiddl|cook)(?:ing|ed|es)\s+the\s+(?:books|figures|numbers|accounts)|fraud\w*|corrupt\w*|"
    r"covered\s+(?:it|this|that|them|\w+)?\s*up|cover(?:ing)?[\s\-]+up|backhanders?|bribes?|bribery|kickbacks?|"
    r"embezzl\w*|lied\s+(?:to|about)|lies\s+to|lying\s+to|(?:a|an|useless|total|compulsive|barefaced)\s+liars?|"
    r"liars|told\s+lies|stole|stealing\s+from|on\s+the\s+take|falsif\w*|only\s+got\s+the\s+job\s+because|jobs\s+for"
    r"\s+the\s+boys|nepotism|cronyism|buried\s+the\s+(?:report|findings|evidence)|pocketed|rigged|took\s+(?:money|"
    r"cash|backhanders|bribes)|bull(?:y|ies|ying|ied)\s+(?:staff|us|people|her|him|them))(?![\p{L}])"
)
_DEROGATORY = compile_pattern(
    r"(?<![\p{L}])(?:(?:is|are|was|were)\s+(?:a\s+|an\s+|such\s+a\s+|an\s+absolute\s+|a\s+complete\s+|a\s+total\s+)?"
    r"(?:joke|shambles|mess|circus|disgrace|embarrassment|laughing\s+stock|farce|clueless|incompetent|useless|"
    r"hopeless|pathetic|rubbish|toxic|shambolic|a\s+waste\s+of\s+space|clowns|idiots|morons)|shambolic|clueless|"
    r"incompetent|embarrassing|couldn['’]?t\s+(?:organise|organize|run)\s+a|can['’]?t\s+(?:organise|organize|run)\s+a|"
    r"wasted\s+(?:millions|£\s?\d[\d,.]*\s?\w*|a\s+fortune|public\s+money|our\s+money)|not\s+fit\s+for\s+purpose|"
    r"no\s+idea\s+what\s+(?:they|he|she)['’]?re\s+doing|a\s+sinking\s+ship|rotten\s+to\s+the\s+core)(?![\p{L}])"
)

FIX_ALLEGATION = (
    "Remove the allegation “{span}”. Do not post accusations of wrongdoing about the CCG or colleagues (7.3.1, "
    "7.6.1): if you believe wrongdoing has happened, raise it through the Whistleblowing and Raising Concerns "
    "Policy (7.3.8)."
)
FIX_DEROGATORY = (
    "Remove or reword “{span}”: derogatory comments about the CCG or colleagues must not be posted (7.3.1). "
    "Raise concerns with your line manager instead."
)


class DerogatoryDetector:
    """Derogatory comments and allegations about the organisation or colleagues."""

    name = "derogatory"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("derogatory_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        target = _target_pattern(tuple(context.protected_names))
        out: list[Finding] = []
        previous = ""
        for sentence in matches(_SENTENCE, text, 2_000):
            body = sentence.group(0)
            aimed = search(target, previous + " " + body)
            previous = body
            if aimed is None:
                continue
            for pattern, kind, score, fix in (
                (_ALLEGATION, "allegation", 0.9, FIX_ALLEGATION),
                (_DEROGATORY, "derogatory", 0.65, FIX_DEROGATORY),
            ):
                for m in matches(pattern, body):
                    start, end = sentence.start() + m.start(), sentence.start() + m.end()
                    if any(f.start < end and start < f.end for f in out):
                        continue
                    who = " ".join(aimed.group(0).split())
                    why = f"{kind.capitalize()} about the organisation or a colleague ('{who}')."
                    out.append(Finding(_CAT, kind, start, end, score, self._tag, why,
                                       fix=fix.format(span=quote(text, start, end))))  # fmt: skip
        return out
