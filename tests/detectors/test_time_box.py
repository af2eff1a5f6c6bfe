"""No pattern can be driven into its time box by a hostile comment.

A pattern that runs out of time fails its detector and sends the comment to review for a timeout, not for
what it says; and each one costs the full time box. The constructions that did it were whole-word gaps
(``they (?:\\w+ ){0,3}better off``) next to a separator that may be empty: a long run of letters could be cut
into words in every possible way. Each rule is run here on its own words around long runs of letters,
underscores, digits and single letters, which is what made four of them time out before the gaps were made
possessive (``phrases._expand``). The same sweep over every compiled pattern of every pipeline found five more
(sexualised remarks about staff, consent written in a draft, number units, organisation business), each
quadratic or worse in a run of "i": the `regex` module's full case folding (IGNORECASE in VERSION1) makes "i"
the letter that backtracks most; their repeated words are possessive now too, which matches the same texts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TypeVar

import pytest
import regex

from steward.assess import assess
from steward.content import ContentItem, Direction
from steward.detectors.base import LAZY_PATTERNS, REGEX_TIMEOUT_S, finditer
from steward.detectors.normalise import normalise
from steward.detectors.phrases import Lexicon, _expand
from steward.detectors.registry import default_detectors
from steward.models.tiers import tier_detectors

RUNS = ("a" * 1500, "ab" * 750, "_" * 1500, "1" * 1500, "a " * 750)
#: Runs for every pattern: letters that fold in full case ("i", dotted and dotless I, "ß"), digits, separators.
HOSTILE_RUNS = ("i" * 1500, "i." * 750, "I" * 1500, "İ" * 1500, "ı" * 1500, "ß" * 1500, "1" * 1500, " " * 1500)


T = TypeVar("T")


def _held(roots: Iterable[object], kind: type[T]) -> list[T]:
    """Every ``kind`` in ``roots`` or a few levels down their lists, tuples, dicts and steward objects."""
    found: dict[int, T] = {}

    def walk(obj: object, depth: int) -> None:
        if isinstance(obj, kind):
            found[id(obj)] = obj
        elif depth >= 4:
            return
        elif isinstance(obj, (list, tuple)):
            for x in obj:
                walk(x, depth + 1)
        elif isinstance(obj, dict):
            for x in obj.values():
                walk(x, depth + 1)
        elif type(obj).__module__.startswith("steward") and hasattr(obj, "__dict__"):
            walk(vars(obj), depth + 1)

    for root in roots:
        walk(root, 0)
    return list(found.values())


def _lexicons() -> list[Lexicon]:
    return _held((*tier_detectors(Direction.INBOUND, "deterministic"), *tier_detectors(Direction.OUTBOUND)), Lexicon)


LEXICONS = _lexicons()


def test_the_phrase_lexicons_were_found() -> None:
    assert len(LEXICONS) >= 10 and sum(len(lex.rules) for lex in LEXICONS) > 200


@pytest.mark.parametrize("lexicon", LEXICONS, ids=lambda lex: f"{len(lex.rules)}-rules-{lex.rules[0].kind}")
def test_no_rule_times_out_on_long_runs(lexicon: Lexicon) -> None:
    slow: list[str] = []
    for i, rule in enumerate(lexicon.rules):
        words = sorted(set(re.findall(r"[a-z]{2,}", rule.pattern.replace("\\", " "))))
        tail = " ".join(words)
        for word in words[:12]:
            for run in RUNS:
                text = normalise(f"{tail} {word} {run} {tail}").text
                try:
                    for _ in finditer(lexicon._compiled[i], text):
                        pass
                except TimeoutError:
                    slow.append(f"{rule.pattern[:60]!r} on {word!r} + {run[:6]!r}...")
                    break
    assert slow == [], f"timed out (time box {REGEX_TIMEOUT_S} s): {slow[:5]}"


@pytest.mark.parametrize(
    ("readable", "expanded"),
    [
        (r"they (?:\w+ ){0,3}better", r"they[^\p{L}\p{N}]{0,4}(?:\w++[^\p{L}\p{N}]{0,4}){0,3}better"),
        (r"every \w+", r"every[^\p{L}\p{N}]{0,4}\w++"),
        (r"kill\w* you", r"ki[li][li]\w*[^\p{L}\p{N}]{0,4}you"),  # a stem's tail still backtracks
        (r"x\w+?", r"x\w+?"),  # an explicit lazy quantifier is left alone
    ],
)
def test_whole_word_gaps_are_possessive(readable: str, expanded: str) -> None:
    assert _expand(readable) == expanded


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("everyone would be better off if i was gone", "self_harm"),
        ("my family would all be better off if i was dead", "self_harm"),
        ("all the" + "a" * 1000 + " she is in a better place now", None),  # timed out before
    ],
)
def test_self_harm_rules_still_match_and_stay_in_their_time_box(text: str, category: str | None) -> None:
    detectors = [d for d in default_detectors(Direction.INBOUND) if d.name == "self_harm"]
    found = assess(ContentItem(id="1", text=text), detectors)
    assert found.failures == ()
    assert [f.category for f in found.findings][:1] == ([category] if category else [])


def _every_pattern() -> list[regex.Pattern[str]]:
    """Every compiled pattern of every pipeline: the lexicons' lazy ones, and those held by steward's modules."""
    tier_detectors(Direction.INBOUND, "accurate")
    tier_detectors(Direction.OUTBOUND)
    modules = [
        vars(m) for name, m in list(sys.modules.items()) if name.startswith("steward.") and ".server" not in name
    ]
    lazy = [p.compiled() for p in list(LAZY_PATTERNS)]
    return _held([*lazy, *modules], regex.Pattern)


def test_no_pattern_times_out_on_runs_that_fold_or_repeat() -> None:
    patterns = _every_pattern()
    assert len(patterns) > 900
    slow: list[str] = []
    for pattern in patterns:
        words = sorted(set(re.findall(r"[a-z]{2,}", pattern.pattern.replace("\\", " "))), key=len)[:8]
        tail = " ".join(words)
        for word in words or [""]:
            try:
                for run in HOSTILE_RUNS:
                    for _ in finditer(pattern, f"{tail} {word} {run} {tail}"):
                        pass
            except TimeoutError:
                slow.append(f"{pattern.pattern[:80]!r} after {word!r}")
                break
    assert slow == [], f"timed out (time box {REGEX_TIMEOUT_S} s): {slow[:5]}"
