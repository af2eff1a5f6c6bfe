"""The perturbation suite: each disguise changes text as described, is deterministic and keeps labels."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from steward.evaluation.datasets import LabelledExample
from steward.evaluation.perturb import EMOJI, HOMOGLYPHS, LEET, PERTURBATIONS, perturb_examples

TEXTS = [
    "You are an idiot and a disgrace",
    "Thank you to the nurses on ward 7",
    "STOP wasting our money",
    "a",
]
WORD_LEVEL = ("leetspeak", "spaced", "dotted", "homoglyphs", "repeated", "emoji")


def _same_length_substitutions(table: dict[str, str]) -> Callable[[str, str], bool]:
    def check(before: str, after: str) -> bool:
        if len(before) != len(after):
            return False
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        return bool(changed) and all(b in (table.get(a) or table.get(a.lower(), "")) for a, b in changed)

    return check


def _runs(text: str) -> list[str]:
    return [k for k, _ in itertools.groupby(text)]


def _without_emoji(text: str) -> str:
    for e in EMOJI:
        text = text.replace(f" {e}", "")
    return text


def _dots_inside_words(before: str, after: str) -> bool:
    if after.replace(".", "") != before or after.count(".") <= before.count("."):
        return False
    return all(after[i - 1].isalpha() and after[i + 1].isalpha() for i, ch in enumerate(after) if ch == ".")


# name → what every disguised text must satisfy, given the original.
DESCRIBED: dict[str, Callable[[str, str], bool]] = {
    "leetspeak": _same_length_substitutions(dict(LEET)),
    "homoglyphs": _same_length_substitutions(dict(HOMOGLYPHS)),
    "spaced": lambda b, a: a.replace(" ", "") == b.replace(" ", "") and a.count(" ") > b.count(" "),
    "dotted": _dots_inside_words,
    "repeated": lambda b, a: _runs(a) == _runs(b) and len(b) + 2 <= len(a) <= len(b) + 4 * len(b.split()),
    "emoji": lambda b, a: _without_emoji(a) == b and any(e in a for e in EMOJI),
    "upper": lambda b, a: a == b.upper(),
    "random_case": lambda b, a: a.lower() == b.lower() and a != b,
}


def test_the_suite_is_the_one_the_issue_asks_for() -> None:
    assert set(PERTURBATIONS) == set(DESCRIBED)


@pytest.mark.parametrize("name", list(DESCRIBED))
@pytest.mark.parametrize("text", TEXTS[:3])
def test_changes_text_as_described(name: str, text: str) -> None:
    after = PERTURBATIONS[name](text)
    assert after != text
    assert DESCRIBED[name](text, after), (text, after)


@pytest.mark.parametrize("name", list(PERTURBATIONS))
@pytest.mark.parametrize("text", TEXTS)
def test_deterministic(name: str, text: str) -> None:
    p = PERTURBATIONS[name]
    assert p(text) == p(text) == PERTURBATIONS[name](text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # Nothing to disguise: no word of three Latin letters, or only handles, hashtags, numbers, other scripts.
        *((n, t, t) for n in WORD_LEVEL for t in ["", "ok 123", "@USER #NHSdisgrace", "Привет мир", "🙂🙂", "a b"]),
        # A word inside a handle or joined to digits is left alone; a free word is taken.
        ("spaced", "@idiot idiot", "@idiot i d i o t"),
        ("spaced", "idiot2 x", "idiot2 x"),
        ("upper", "straße", "STRASSE"),
        ("upper", "ALREADY LOUD 123", "ALREADY LOUD 123"),
        ("random_case", "1234 !!", "1234 !!"),
    ],
)
def test_edge_cases(name: str, text: str, expected: str) -> None:
    assert PERTURBATIONS[name](text) == expected


def test_one_word_is_always_disguised() -> None:
    """A text with a single eligible word always has it changed, whatever the draw."""
    for i in range(50):
        text = f"{i} idiot"
        for name in WORD_LEVEL:
            assert PERTURBATIONS[name](text) != text, (name, text)


def test_rate_leaves_some_words_alone_on_a_long_text() -> None:
    text = " ".join(["wordy"] * 200)
    after = PERTURBATIONS["dotted"](text).split()
    dotted = sum("." in w for w in after)
    assert 60 < dotted < 140  # about half of 200


def test_long_hostile_text_is_handled() -> None:
    text = ("a" * 10_000 + " ") * 5 + "idiot"
    for p in PERTURBATIONS.values():
        assert isinstance(p(text), str)


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_perturb_examples_keeps_labels_and_order_does_not_matter(name: str) -> None:
    examples = [
        LabelledExample("You are an idiot", frozenset({"offensive"}), "gay", "val"),
        LabelledExample("Thank you to the nurses", frozenset(), None, "val"),
    ]
    p = PERTURBATIONS[name]
    out = perturb_examples(examples, p)
    assert [(e.labels, e.group, e.split) for e in out] == [(e.labels, e.group, e.split) for e in examples]
    assert [e.text for e in out] == [p(e.text) for e in examples]
    assert [e.text for e in perturb_examples(examples[::-1], p)] == [e.text for e in out][::-1]
    assert examples[0].text == "You are an idiot"  # the input is not mutated
