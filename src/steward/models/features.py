"""The text features of the fast learned tier: shared by training (scikit-learn) and inference (numpy).

Both sides call these functions, so the features a model was trained on are exactly the ones it sees at run
time. A text is first folded by :func:`steward.detectors.normalise.normalise` (lower case, homoglyphs,
leetspeak, spaced-out letters), which makes the models robust to the usual disguises, then cut into

- word n-grams (1-2): runs of two or more letters, digits or underscores (what scikit-learn's default token
  pattern finds, computed with ``str`` methods on the common path because they are several times faster);
- character n-grams (2-5) inside word boundaries, each word padded with one space either side, exactly as
  scikit-learn's ``analyzer="char_wb"`` does (a test checks the two agree).
"""

from __future__ import annotations

import itertools

from steward.detectors.base import MAX_TEXT_CHARS, compile_pattern, finditer
from steward.detectors.normalise import normalise

__all__ = ["CHAR_RANGE", "WORD_RANGE", "char_grams", "padded_grams", "prepare", "tokens_of", "word_grams"]

WORD_RANGE = (1, 2)
CHAR_RANGE = (2, 5)
_TOKEN = compile_pattern(r"\b\w\w+\b")
#: ASCII punctuation (everything but the underscore) becomes a space before splitting into tokens.
_PUNCT = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", " "))


def prepare(text: str) -> str:
    """The normalised form of the first ``MAX_TEXT_CHARS`` characters of ``text``."""
    return normalise(text[:MAX_TEXT_CHARS]).text


def word_grams(prepared: str) -> list[str]:
    """Word unigrams and bigrams (bigrams joined by one space) of already prepared text."""
    tokens = tokens_of(prepared)
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def tokens_of(prepared: str) -> list[str]:
    """Runs of two or more word characters (letters, digits, underscore) of already prepared text."""
    out: list[str] = []
    for piece in prepared.translate(_PUNCT).split():
        if piece.isalnum() or piece.replace("_", "a").isalnum():
            if len(piece) > 1:
                out.append(piece)
        else:  # emoji, symbols or control characters inside the piece: let the pattern split it
            out.extend(m.group() for m in finditer(_TOKEN, piece))
    return out


def padded_grams(word: str) -> list[str]:
    """Character n-grams of one whitespace-free word padded by a space either side (scikit-learn ``char_wb``)."""
    lo, hi = CHAR_RANGE
    w = f" {word} "
    size = len(w)
    out: list[str] = []
    for n in range(lo, hi + 1):
        if size <= n:
            out.append(w)
            break
        out.extend([w[i : i + n] for i in range(size - n + 1)])
    return out


def char_grams(prepared: str) -> list[str]:
    """Character 2- to 5-grams within words padded by a space, in scikit-learn's ``char_wb`` order."""
    out: list[str] = []
    for word in prepared.split():
        out.extend(padded_grams(word))
    return out
