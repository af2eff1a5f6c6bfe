"""Phrase lexicons that survive light obfuscation, shared by the safeguarding and intent detectors.

A lexicon is a list of ``Rule`` s: a readable pattern, a kind, a score and a label for the explanation. Patterns
are written in lower case with two conveniences:

* a space stands for any short run of non-alphanumeric characters, including none ("kill myself",
  "kill_myself", "killmyself", "kill   myself");
* a letter ``l`` also matches ``i`` (leetspeak ``1`` is normalised to ``i``, and people type ``1`` for both).

Each rule is wrapped in alphanumeric boundaries, gated by cheap substring triggers, and matched in the
``normalise`` form of the text (look-alike letters, leetspeak, letter-spaced "k y s" and zero-width characters
folded away); spans are mapped back to the original text.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import ahocorasick
import regex

from steward.content import Finding
from steward.detectors.base import MAX_TEXT_CHARS, compile_pattern, finditer, lazy_pattern, search
from steward.detectors.normalise import normalise

#: What a space in a rule pattern becomes: a short, possibly empty run of separators.
SEP = r"[^\p{L}\p{N}]{0,4}"
_START = r"(?<![\p{L}\p{N}])"
_END = r"(?![\p{L}\p{N}])"

_NEGATION = compile_pattern(
    r"\b(?:not|never|no\s+longer|(?:don|doesn|didn|won|wouldn|isn|wasn)['’]?t)[^\w.!?;]+(?:\w+[^\w.!?;]+){0,2}$"
)


def clip(text: str) -> str:
    """The part of a text that detectors examine."""
    return text[:MAX_TEXT_CHARS]


def _expand(pattern: str) -> str:
    """Turn a readable rule pattern into a regex: spaces become SEP, a bare ``l`` also matches ``i``, and a
    whole-word gap (``\\w+`` or ``\\w*`` not straight after a letter or digit, as in ``they (?:\\w+ ){0,3}better
    off``) takes its word whole (possessive).

    SEP may be empty (so "killyourself", spaced-out letters joined by ``normalise``, still matches), and ``\\w``
    overlaps SEP on "_": a backtracking gap could cut one long run of letters into its words in every possible
    way, and a hostile comment ("all the" and 500 letters, then "a better place") took 0.9 s for one pattern
    and timed out others. A word stem's tail (``kill\\w*``) still backtracks, so "killyou" keeps matching.
    """
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            gap = pattern[i - 1] == "w" and i < n and pattern[i] in "+*" and (i + 1 >= n or pattern[i + 1] not in "?+")
            if gap and (i < 3 or not pattern[i - 3].isalnum()):
                out.append(pattern[i] + "+")
                i += 1
        elif c == "[":
            j = i + 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif c == " ":
            out.append(SEP)
            i += 1
        elif c == "l":
            out.append("[li]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class _TriggerIndex:
    """The triggers of every ``Lexicon`` in one Aho-Corasick automaton, matched once per normalised text.

    ``active(text)`` maps each lexicon (by the key ``add`` gave it) to the sorted indices of its rules that have a
    trigger in ``text``; lexicons with none are absent. Matching is exactly the per-lexicon test it replaces: a
    rule is active when one of its trigger strings occurs as a substring of the normalised text. The result for
    the last few texts is cached (detectors of one item share it); adding a lexicon rebuilds the automaton.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lexicons: list[dict[str, tuple[int, ...]]] = []
        self._keys: dict[tuple[tuple[str, tuple[int, ...]], ...], int] = {}
        self._active: Callable[[str], Mapping[int, tuple[int, ...]]] = _no_triggers

    def add(self, by_trigger: Mapping[str, tuple[int, ...]]) -> int:
        """Register one lexicon's triggers (trigger → its rule indices); returns the lexicon's key."""
        frozen = tuple(sorted(by_trigger.items()))
        with self._lock:
            known = self._keys.get(frozen)
            if known is not None:
                return known  # the same rules again (every pipeline builds its own detectors): share them
            self._keys[frozen] = len(self._lexicons)
            self._lexicons.append(dict(by_trigger))
            targets: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
            for key, triggers in enumerate(self._lexicons):
                for t, ix in triggers.items():
                    targets.setdefault(t, []).append((key, ix))
            automaton = ahocorasick.Automaton()
            for t, pairs in targets.items():
                automaton.add_word(t, tuple(pairs))
            if targets:
                automaton.make_automaton()
                self._active = _matcher(automaton)
            return len(self._lexicons) - 1

    def active(self, text: str) -> Mapping[int, tuple[int, ...]]:
        return self._active(text)


def _no_triggers(text: str) -> Mapping[int, tuple[int, ...]]:
    return {}


def _matcher(automaton: Any) -> Callable[[str], Mapping[int, tuple[int, ...]]]:
    # Cached for reuse across the lexicons of ONE item; kept small so repeated benchmark texts do not hit it.
    @functools.lru_cache(maxsize=32)
    def active(text: str) -> Mapping[int, tuple[int, ...]]:
        found: dict[int, set[int]] = {}
        for _, pairs in automaton.iter(text):
            for key, indices in pairs:
                rules = found.get(key)
                if rules is None:
                    found[key] = set(indices)
                else:
                    rules.update(indices)
        return MappingProxyType({key: tuple(sorted(rules)) for key, rules in found.items()})

    return active


TRIGGERS = _TriggerIndex()


@dataclass(frozen=True, slots=True)
class Rule:
    """One lexicon entry.

    ``triggers`` ("|"-separated) are substrings of the normalised text at least one of which every match must
    contain (spell them with ``i`` as well where a ``l`` may be typed as ``1``); the rule's pattern only runs
    when one is present, which keeps the cost of a lexicon near that of a few substring tests on ordinary text.
    ``negatable`` rules are dropped when a negation ("not", "don't") comes just before; ``not_after`` is a
    pattern that, matching the original text just before a hit, drops it.
    """

    kind: str
    pattern: str
    score: float
    label: str
    triggers: str
    negatable: bool = True
    not_after: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int

    def finding(
        self, category: str, detector: str, explanation: str, *, score: float | None = None, kind: str | None = None
    ) -> Finding:
        """This hit as evidence: its span, the rule's kind and score unless the detector adjusted them."""
        return Finding(
            category,
            self.rule.kind if kind is None else kind,
            self.start,
            self.end,
            self.rule.score if score is None else score,
            detector,
            explanation,
        )


class Lexicon:
    """A compiled list of rules. Overlapping hits keep the highest-scoring rule."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._compiled = tuple(
            lazy_pattern(f"{_START}(?:{_expand(r.pattern)}){_END}", regex.VERSION1) for r in self.rules
        )
        by_trigger: dict[str, list[int]] = {}
        for i, r in enumerate(self.rules):
            for t in r.triggers.split("|"):
                if t:
                    by_trigger.setdefault(t, []).append(i)
        # Every lexicon's triggers live in one shared Aho-Corasick automaton, run once per normalised text for
        # all lexicons (see ``_TriggerIndex``): a lexicon whose triggers are absent costs one dictionary lookup.
        self._key = TRIGGERS.add({t: tuple(ix) for t, ix in by_trigger.items()})
        self._guards = tuple(
            compile_pattern(r.not_after + r"$") if r.not_after is not None else None for r in self.rules
        )

    def scan(self, text: str) -> list[Hit]:
        """Hits in ``text`` (clipped by the caller), matched in its normalised form, with original offsets."""
        norm = normalise(text)
        ntext = norm.text
        active = TRIGGERS.active(ntext).get(self._key)
        if not active:
            return []
        found: list[tuple[Hit, int]] = []
        for i in active:
            rule = self.rules[i]
            guard = self._guards[i]
            for m in finditer(self._compiled[i], ntext):
                if rule.negatable and negated(ntext, m.start()):
                    continue
                start, end = norm.span(*m.span())
                if guard is not None and search(guard, text[max(0, start - 40) : start]) is not None:
                    continue
                found.append((Hit(rule, start, end), i))
        if len(found) < 2:
            return [h for h, _ in found]
        found.sort(key=lambda hi: (-hi[0].rule.score, hi[1], hi[0].start))
        kept: list[Hit] = []
        for h, _ in found:
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
        kept.sort(key=lambda h: h.start)
        return kept


def negated(norm: str, start: int) -> bool:
    """Whether a negation ("not", "don't", "never") comes within the three words before ``start``, in the same
    sentence: "It never stops. I want to die" is not a denial (until 2026-12-07 the window crossed the full stop,
    and no rule found that crisis)."""
    return search(_NEGATION, norm[max(0, start - 40) : start]) is not None
