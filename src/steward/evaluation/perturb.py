"""Perturbations for the robustness suite of `steward eval --perturb`: the disguises strangers use.

Each perturbation is a deterministic function of the text: its random choices come from a generator seeded with
``SEED``, the perturbation's name and the text itself, so the same text is always disguised the same way,
whatever else is in the set and in whatever order it is scored. Labels, groups and splits are kept.

The word-level perturbations pick the *eligible words* of a text (runs of at least three Latin letters that are
not part of a longer word, an @handle or a #hashtag), disguise each with probability ``WORD_RATE``, and always
disguise at least one when the text has any (two neighbouring ``spaced`` words run together, "a n d a l l",
as they do when people write that way):

| name          | what it does to a chosen word (or the text)                   | example                 |
|---------------|---------------------------------------------------------------|-------------------------|
| `leetspeak`   | each of a e i o s t l b g → 4 3 1 0 5 7 1 8 9, with p 1/2     | idiot → 1d10t           |
| `spaced`      | a space between every two letters                             | idiot → i d i o t       |
| `dotted`      | one dot inside the word                                       | idiot → idi.ot          |
| `homoglyphs`  | each letter with a Cyrillic/Greek look-alike, with p 1/2      | idiot → іdіоt           |
| `repeated`    | one letter repeated two to four more times                    | idiot → idiooot         |
| `emoji`       | an emoji after the word                                       | idiot → idiot 😂        |
| `upper`       | the whole text in capitals                                    | You idiot → YOU IDIOT   |
| `random_case` | each letter's case flipped with p 1/2 (at least one)          | You idiot → yOu IdIOt   |
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

import regex

from steward.detectors.base import compile_pattern, finditer
from steward.evaluation.datasets import LabelledExample

SEED = 20240611
#: Probability that an eligible word is disguised by a word-level perturbation.
WORD_RATE = 0.5

#: Case-sensitive on purpose: with IGNORECASE, [a-z] would also take the long s and the Kelvin sign.
_WORD = compile_pattern(r"(?<![\w@#])[A-Za-z]{3,}(?!\w)", regex.VERSION1)

LEET: Mapping[str, str] = MappingProxyType(
    {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "l": "1", "b": "8", "g": "9"}
)
#: Latin letter → Cyrillic (first) and Greek look-alikes.
HOMOGLYPHS: Mapping[str, str] = MappingProxyType(
    {
        "a": "\u0430\u03b1",
        "c": "\u0441\u03f2",
        "e": "\u0435",
        "h": "\u04bb",
        "i": "\u0456\u03b9",
        "j": "\u0458",
        "o": "\u043e\u03bf",
        "p": "\u0440\u03c1",
        "s": "\u0455",
        "x": "\u0445\u03c7",
        "y": "\u0443",
        "v": "\u03bd",
        "A": "\u0410\u0391",
        "B": "\u0412\u0392",
        "C": "\u0421",
        "E": "\u0415\u0395",
        "H": "\u041d\u0397",
        "I": "\u0406\u0399",
        "K": "\u041a\u039a",
        "M": "\u041c\u039c",
        "N": "\u039d",
        "O": "\u041e\u039f",
        "P": "\u0420\u03a1",
        "T": "\u0422\u03a4",
        "X": "\u0425\u03a7",
        "Y": "\u03a5",
        "Z": "\u0396",
    }
)
EMOJI = ("\U0001f602", "\U0001f621", "\U0001f92c", "\U0001f44d", "\U0001f525", "\U0001f480", "\u2764\ufe0f")

WordFn = Callable[[str, random.Random], str]


@dataclass(frozen=True, slots=True)
class Perturbation:
    name: str
    description: str
    apply: Callable[[str, random.Random], str]

    def __call__(self, text: str) -> str:
        return self.apply(text, random.Random(f"{SEED}|{self.name}|{text}"))


def _substitute(word: str, rng: random.Random, table: Mapping[str, str]) -> str:
    """Each letter found in ``table`` replaced by one of its substitutes with p 1/2; at least one replaced."""
    slots = [i for i, ch in enumerate(word) if ch in table or ch.lower() in table]
    if not slots:
        return word
    chosen = [i for i in slots if rng.random() < 0.5] or [rng.choice(slots)]
    chars = list(word)
    for i in chosen:
        options = table.get(chars[i]) or table[chars[i].lower()]
        chars[i] = rng.choice(options)
    return "".join(chars)


def _leet(word: str, rng: random.Random) -> str:
    return _substitute(word, rng, LEET)


def _homoglyph(word: str, rng: random.Random) -> str:
    return _substitute(word, rng, HOMOGLYPHS)


def _spaced(word: str, rng: random.Random) -> str:
    return " ".join(word)


def _dotted(word: str, rng: random.Random) -> str:
    cut = rng.randrange(1, len(word))
    return f"{word[:cut]}.{word[cut:]}"


def _repeated(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    return word[: i + 1] + word[i] * rng.randint(2, 4) + word[i + 1 :]


def _emoji(word: str, rng: random.Random) -> str:
    return f"{word} {rng.choice(EMOJI)}"


def _per_word(fn: WordFn) -> Callable[[str, random.Random], str]:
    """Apply ``fn`` to each eligible word with probability WORD_RATE, and to one of them when none was drawn."""

    def apply(text: str, rng: random.Random) -> str:
        spans = [m.span() for m in finditer(_WORD, text)]
        if not spans:
            return text
        chosen = [s for s in spans if rng.random() < WORD_RATE] or [rng.choice(spans)]
        parts: list[str] = []
        last = 0
        for start, end in chosen:
            parts.append(text[last:start])
            parts.append(fn(text[start:end], rng))
            last = end
        parts.append(text[last:])
        return "".join(parts)

    return apply


def _upper(text: str, rng: random.Random) -> str:
    return text.upper()


def _random_case(text: str, rng: random.Random) -> str:
    cased = [i for i, ch in enumerate(text) if ch.swapcase() != ch and len(ch.swapcase()) == 1]
    if not cased:
        return text
    flip = {i for i in cased if rng.random() < 0.5} or {rng.choice(cased)}
    return "".join(ch.swapcase() if i in flip else ch for i, ch in enumerate(text))


_ALL = (
    Perturbation("leetspeak", "letters → look-alike digits in some words (1d10t)", _per_word(_leet)),
    Perturbation("spaced", "spaces between the letters of some words (i d i o t)", _per_word(_spaced)),
    Perturbation("dotted", "a dot inside some words (idi.ot)", _per_word(_dotted)),
    Perturbation("homoglyphs", "Cyrillic/Greek look-alike letters in some words (іdіоt)", _per_word(_homoglyph)),
    Perturbation("repeated", "a letter repeated in some words (idiooot)", _per_word(_repeated)),
    Perturbation("emoji", "an emoji after some words (idiot 😂)", _per_word(_emoji)),
    Perturbation("upper", "the whole text in capitals", _upper),
    Perturbation("random_case", "random letters' case flipped (yOu IdIOt)", _random_case),
)
#: Every perturbation of the suite, by name, in report order.
PERTURBATIONS: Mapping[str, Perturbation] = MappingProxyType({p.name: p for p in _ALL})


def perturb_examples(examples: Sequence[LabelledExample], perturbation: Perturbation) -> list[LabelledExample]:
    """The examples with their text disguised; labels, group and split unchanged."""
    return [replace(ex, text=perturbation(ex.text)) for ex in examples]
