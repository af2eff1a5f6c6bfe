"""The text features of the fast learned tier: shared by training (scikit-learn) and inference (numpy).

Both sides call these functions, so the features a model was trained on are exactly the ones it sees at run
time. A text is first folded by :func:`steward.detectors.normalise.normalise` (lower case, homoglyphs,
leetspeak, spaced-out letters), spaced-out words that ran together cut apart again (:func:`split_words`) and
stretched words squeezed (:func:`squeeze`: "idiooot" → "idiot", "coooool" → "cool"), which makes the models
robust to the usual disguises, then cut into

- word n-grams (1-2): runs of two or more letters, digits or underscores (what scikit-learn's default token
  pattern finds, computed with ``str`` methods on the common path because they are several times faster);
- character n-grams (2-5) inside word boundaries, each word padded with one space either side, exactly as
  scikit-learn's ``analyzer="char_wb"`` does (a test checks the two agree).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from pathlib import Path

import regex

from steward.detectors.base import MAX_TEXT_CHARS, REGEX_TIMEOUT_S, compile_pattern, finditer
from steward.detectors.normalise import normalise

__all__ = [
    "CHAR_RANGE",
    "WORD_RANGE",
    "char_grams",
    "padded_grams",
    "prepare",
    "squeeze",
    "tokens_of",
    "word_grams",
]

WORD_RANGE = (1, 2)
CHAR_RANGE = (2, 5)
_TOKEN = compile_pattern(r"\b\w\w+\b")
#: ASCII punctuation (everything but the underscore) becomes a space before splitting into tokens.
_PUNCT = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", " "))


#: The dictionary of ``squeeze`` and ``split_words``: the whole words of the published MiniLM's WordPiece
#: vocabulary (letters only; single letters only "a" and "i"), one per line in vocabulary order, which is by
#: frequency. Fixed data, not a training output, so training and run time always read the same list.
WORDS_FILE = Path(__file__).resolve().parent / "words.txt"
#: A word of normalised text (a run of lower-case letters): stretched when it holds a letter three times in a row
#: (no English word has that). Found run by run and tested with ``_TRIPLE_LETTER``, which is linear in the text;
#: the one pattern ``\p{Ll}*(?:(\p{Ll})\1{2,}\p{Ll}*)+`` used before finds the same words but retries every start
#: inside a long run without a triple (0.57 s for 4,000 letters, so a hostile comment made it time out).
_LOWER_WORD = compile_pattern(r"\p{Ll}+", 0)
#: Words with more stretched runs than this are squeezed to single letters without consulting the dictionary.
_MAX_RUNS = 4
#: A run of three or more of one letter inside a word.
_RUN = compile_pattern(r"((\p{Ll})\2{2,})", 0)
#: A letter three times in a row: a text without one has nothing to squeeze. Measured on TweetEval offensive val
#: (1,324 tweets, 15 with a stretched word): this stdlib test costs ~7 µs a text, the old one-pattern ``sub`` ~52 µs
#: (it tries every start of every word). ``[^\W\d_]`` (letters) includes every ``\p{Ll}``, so nothing is missed;
#: the pattern is linear (one character, two back-references), so it needs no time box.
_TRIPLE_LETTER = re.compile(r"([^\W\d_])\1\1")


#: A run of letters long enough to hold two words, in normalised text.
_LETTERS = compile_pattern(r"\p{Ll}{5,}", 0)
#: Longest run the word splitter looks at, and longest word it tries.
_MAX_SPLIT, _MAX_WORD = 80, 24
#: Cost of a stretch of letters that is no dictionary word (a dictionary word costs at most ~12.3).
_UNKNOWN, _UNKNOWN_PER_LETTER = 12.0, 4.0


# Cached for one item's several callers (the encoder and its n-gram partner), kept small like the lexicons' caches.
@functools.lru_cache(maxsize=32)
def prepare(text: str) -> str:
    """The normalised form of the first ``MAX_TEXT_CHARS`` characters of ``text``, with words that were spaced
    out and ran together cut apart again (:func:`split_words`) and stretched words squeezed (:func:`squeeze`)."""
    cut = text[:MAX_TEXT_CHARS]
    norm = normalise(cut)
    folded = norm.text
    if len(folded) < len(cut):  # separators were removed somewhere: perhaps spaced-out words ran together
        folded = _split_joined(cut, norm.text, norm.offsets)
    return squeeze(folded)


def _split_joined(original: str, folded: str, offsets: tuple[int, ...]) -> str:
    """Cut the runs of letters that normalisation joined across spaces ("y o u r a s s" → "yourass") into
    dictionary words ("your ass"); other runs, and runs with no spelling as dictionary words, stay as they are."""
    pieces: list[str] = []
    last = 0
    for m in finditer(_LETTERS, folded):
        start, end = m.span()
        if end - start > _MAX_SPLIT or not any(ch.isspace() for ch in original[offsets[start] : offsets[end - 1]]):
            continue
        pieces.append(folded[last:start])
        pieces.append(" ".join(split_words(m.group())))
        last = end
    pieces.append(folded[last:])
    return "".join(pieces)


def split_words(run: str) -> list[str]:
    """``run`` cut into its most likely words (a run that is one word, or cannot be cut, comes back whole).

    The usual unigram segmentation (as in Norvig's and ``wordninja``'s splitters): each dictionary word costs
    ``log(rank · log N)`` where rank is its place in the WordPiece vocabulary, which lists whole words by
    frequency; a stretch of letters that is no dictionary word costs ``_UNKNOWN + _UNKNOWN_PER_LETTER`` per
    letter, so the cut keeps unknown words whole rather than chopping them into fragments. Single letters are
    words only as "a" and "i"."""
    costs = _word_costs()
    n = len(run)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n  # (cost of run[:i], start of last)
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_WORD), end):
            piece = run[start:end]
            cost = costs.get(piece)
            if cost is None:
                if len(piece) == 1:  # no single letter but "a" and "i" is a word
                    continue
                cost = _UNKNOWN + _UNKNOWN_PER_LETTER * len(piece)
            total = best[start][0] + cost
            if total < best[end][0]:
                best[end] = (total, start)
    if best[n][0] == float("inf"):
        return [run]
    out: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        out.append(run[start:end])
        end = start
    return out[::-1]


@functools.cache
def _word_costs() -> dict[str, float]:
    """Each dictionary word with its cost for :func:`split_words` (``log(rank · log N)``)."""
    try:
        ranked = WORDS_FILE.read_text(encoding="utf-8").split()
    except OSError as exc:
        from steward.models.linear import ModelError  # linear imports this module

        raise ModelError(f"{WORDS_FILE}: cannot read the word list ({exc})") from None
    scale = math.log(len(ranked) or 2)
    return {w: math.log((rank + 1) * scale) for rank, w in enumerate(ranked)}


def _squeeze_word(word: str) -> str:
    """``word`` with each run of three or more of one letter cut to two or one: the first spelling (two before
    one, run by run) that is a dictionary word, else every run cut to one ("fuuuuck" → "fuck", "hellllo" →
    "hello", "sooooo" → "so")."""
    words = _word_costs()
    if word in words:  # "www", "zzz": spelt that way in the dictionary
        return word
    parts = _RUN.split(word, timeout=REGEX_TIMEOUT_S)
    # split with two groups gives [text, run, letter, text, run, letter, ..., text]
    texts, letters = parts[0::3], parts[2::3]
    if len(letters) <= _MAX_RUNS:
        for counts in itertools.product((2, 1), repeat=len(letters)):
            candidate = _join(texts, letters, counts)
            if candidate in words:
                return candidate
    return _join(texts, letters, (1,) * len(letters))


def _join(texts: list[str], letters: list[str], counts: tuple[int, ...]) -> str:
    out = [texts[0]]
    for letter, count, text in zip(letters, counts, texts[1:], strict=True):
        out.append(letter * count + text)
    return "".join(out)


def squeeze(text: str) -> str:
    """``text`` (already normalised: lower case) with its stretched words squeezed back to dictionary spelling:
    strangers stretch words to slip past filters ("idiooot", "fuuuuck") and for emphasis ("sooooo"), and neither
    the n-gram models nor the encoder's WordPiece vocabulary know the stretched forms."""
    if _TRIPLE_LETTER.search(text) is None:
        return text
    return _LOWER_WORD.sub(_squeeze_match, text, timeout=REGEX_TIMEOUT_S)


def _squeeze_match(m: regex.Match[str]) -> str:
    word = m.group()
    return word if _TRIPLE_LETTER.search(word) is None else _squeeze_word(word)


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
