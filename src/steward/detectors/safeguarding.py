"""Safeguarding detectors: self-harm and suicide risk here; child safety and extremism in their own modules.

Lexicon rules, matched in a leetspeak- and spacing-tolerant view of the text (see ``phrases``). Self-harm rules
are first person ("I want to die") or aimed at someone else ("kys", kind ``encouragement``); figures of speech
("this waiting list is killing me", "dying to know") and bereavement are simply not in the lexicon, and a
negation just before a rule ("I'm not going to kill myself") drops it.
"""

from __future__ import annotations

import dataclasses

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, finditer, tag
from steward.detectors.child_safety import ChildSafetyDetector
from steward.detectors.extremism import ExtremismDetector
from steward.detectors.lexicon import text_tokens
from steward.detectors.normalise import normalise
from steward.detectors.phrases import Lexicon, clip
from steward.detectors.self_harm_past import told_as_past
from steward.detectors.self_harm_rules import SELF_HARM_RULES

__all__ = ["ChildSafetyDetector", "ExtremismDetector", "SelfHarmDetector"]


_KEEP_KINDS = frozenset({"encouragement", "mention"})

#: Crisis words people self-censor ("s*icide", "k*ll myself", "su#cidal", "d*e"): matched letter for letter, any
#: letter may be a mask symbol, and at least one is.
_MASKABLE = ("suicide", "suicidal", "kill", "die", "dead", "overdose", "unalive", "myself")
#: Slang for suicide, spelt out at the same length (padded with spaces) so spans stay spans of the text.
_SLANG = compile_pattern(r"(?<![\p{L}])(?:sewer ?slide|sewerslide)(?![\p{L}])")
_MASKED = compile_pattern(
    r"(?<![\p{L}\p{N}*#])(?:"
    + "|".join("".join(f"[{c}*#]" for c in word) for word in _MASKABLE)
    + r")(?![\p{L}\p{N}*#])"
)


def unmask(text: str) -> str:
    """``text`` with self-censored crisis words spelt out, same length (so spans stay spans of ``text``)."""
    out = text
    if "sewer" in text.lower():  # a substring test first: the pattern's lookbehind costs ~40 µs a comment
        for m in finditer(_SLANG, text):
            out = out[: m.start()] + "suicide".ljust(m.end() - m.start()) + out[m.end() :]
    if ("*" not in text and "#" not in text) or not text_tokens(normalise(text).text)[2]:
        return out  # no mask symbol after a letter (a hashtag is not one): the common case, cached tests only
    for m in finditer(_MASKED, text):
        word = m.group(0)
        if "*" not in word and "#" not in word:
            continue
        plain = next(
            w
            for w in _MASKABLE
            if len(w) == len(word) and all(c in (w[i], "*", "#") for i, c in enumerate(word.lower()))
        )
        if sum(c in "*#" for c in word) * 2 < len(word):  # mostly letters: "s*icide", not "****"
            out = out[: m.start()] + plain + out[m.end() :]
    return out


class SelfHarmDetector:
    """Suicidal statements, self-injury, overdose, despair and encouragement of self-harm."""

    name = "self_harm"
    version = "1.4"
    categories = frozenset({Category.SELF_HARM.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon(SELF_HARM_RULES)
        self._tag = tag("self_harm_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        original = clip(item.text)
        text = unmask(original)
        hits = self._lexicon.scan(text)
        if not hits:
            return []
        if text != original:  # a hit ending inside spelt-out slang ("suicide   " for "sewerslide") takes it whole
            slang = [m.span() for m in finditer(_SLANG, original)]
            hits = [dataclasses.replace(h, end=next((e for s, e in slang if s < h.end < e), h.end)) for h in hits]
        # two different indirect signals ("tonight's the night ... I've written my letters") make a crisis
        signals = {h.rule.label for h in hits if h.rule.kind in ("indirect_crisis", "despair")}
        together = len(signals) >= 2
        # a past crisis told as a recovery story, or grief for someone else, is not a crisis now
        past = told_as_past(text)
        out: list[Finding] = []
        for h in hits:
            score, note = h.rule.score, ""
            if past and h.rule.kind not in _KEEP_KINDS:
                score, note = min(score, 0.4), " in a past-tense account with a good outcome"
            elif together and h.rule.kind in ("indirect_crisis", "despair"):
                score, note = max(score, 0.9), " beside another indirect crisis signal"
            why = f"Self-harm lexicon entry '{h.rule.label}' ({h.rule.kind.replace('_', ' ')}){note}."
            out.append(h.finding(Category.SELF_HARM.value, self._tag, why, score=score))
        return out
