"""A reusable lexicon matcher: term lists as data, one compiled alternation per lexicon, matched on normalised text.

A lexicon file (``lexicons/<name>.yaml``) holds ``terms`` (each with ``term``, ``kind``, ``weight`` and optional
``stem`` — allow any word ending, e.g. "fuck" → "fucking" — and ``target`` — the entry only counts where it is
aimed at someone, the detector decides) and ``allow`` (safe-context phrases: a hit overlapping one is dropped,
e.g. "spotted dick", "blue tits").

Each term compiles to a pattern in which every letter may repeat ("fuuuck", "kiill") but a doubled letter needs
at least two ("ass" never matches "as"), words of a phrase may be joined by up to three non-letters or none
("bell end", "bellend"), and the whole is word-boundaried so "Scunthorpe", "grape" and "therapist" never match.
Masked spellings ("f*ck", "b*ll*cks") are matched in a second pass that only runs when the text holds a mask.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

from steward.content import Finding
from steward.detectors.base import LazyPattern, compile_pattern, finditer, lazy_pattern
from steward.detectors.normalise import Normalised

__all__ = [
    "Entry",
    "Hit",
    "Lexicon",
    "LexiconError",
    "hit_finding",
    "load_lexicon",
    "masked_tokens",
    "term_pattern",
    "text_tokens",
]

LEXICON_DIR = Path(__file__).with_name("lexicons")
_MASKS = frozenset("*#")
#: Without IGNORECASE (letter classes match both cases anyway): the same matches, measured 3x faster (148 → 44 µs
#: a tweet). ``_MASK_AFTER_LETTER`` (stdlib, linear) is the cheap test of whether it can match at all: every
#: ``\p{L}`` is in ``[^\W\d_]``, so a text it rejects has no masked word.
_MASKED_TOKEN = compile_pattern(r"(?<![\p{L}\p{N}*#])\p{L}++[*#]++[\p{L}*#]*+", regex.VERSION1)
_MASK_AFTER_LETTER = re.compile(r"[^\W\d_][*#]")


class LexiconError(ValueError):
    """A lexicon file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    kind: str
    weight: float
    stem: bool = False
    target: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found in a text: original span (``start``, ``end``) and normalised span."""

    entry: Entry
    start: int
    end: int
    norm_start: int
    norm_end: int


def _word_pattern(word: str) -> str:
    out: list[str] = []
    for ch, run in itertools.groupby(word):
        n = len(list(run))
        if ch == "'":
            out.append("'?")
        elif ch.isalpha():
            esc = regex.escape(ch)
            out.append(f"{esc}++" if n == 1 else f"{esc}{{{n},}}+")
        else:
            out.append(regex.escape(ch * n))
    return "".join(out)


def term_pattern(term: str, stem: bool = False) -> str:
    """The pattern (without boundaries) for one lexicon term."""
    words = [w for w in regex.split(r"[\s\-]+", term.strip().lower()) if w]
    body = r"[^\p{L}\p{N}]{0,3}+".join(_word_pattern(w) for w in words)
    return body + (r"\p{L}*+" if stem else "")


def _collapse(word: str) -> str:
    return "".join(ch for ch, _ in itertools.groupby(word))


#: Words too common to be a useful prefilter key for a phrase ("you're dead" is keyed on "dead").
_STOPWORDS = frozenset(
    regex.split(
        r"\s+",
        "a an the i i'm i'll i'd me my we us our you you're youre your u he she it they them him her his to for "
        "of in on at by and or is are was be do don't dont not no so all out up now get got go will won't can "
        "just what how this that with from youll you've youve we'll well they'll id ill im wait till until real "
        "more like know want hope nice show check free best buy order shop click sign never should see where "
        "when one every back come down there here time day week make made good great nobody someone",
    )
)


def _prefix(word: str) -> str:
    return word[:5] if len(word) >= 5 else word[:4] if len(word) >= 4 else word[:3]


def _entry_keys(term: str) -> tuple[str, str]:
    """(plain key, collapsed key): the first five (or four, or three) characters of the term's key word, as written and
    with repeated letters collapsed. The key word is the first word, or for a phrase that opens with a common
    word, its longest uncommon word. A token is a candidate when its own keys meet these."""
    words = [w.replace("'", "") for w in regex.split(r"[\s\-]+", term)]
    key = words[0]
    if key in _STOPWORDS:
        rare = [w for w in words if w not in _STOPWORDS]
        if rare:
            key = max(rare, key=len)
    return _prefix(key), _prefix(_collapse(key))


#: How words are cut out of a normalised text: punctuation splits, apostrophes vanish ("didn't" -> "didnt").
TOKEN_SPLIT = str.maketrans(
    {**dict.fromkeys('!?:;"()[]{}<>.,-/#@\u201c\u201d', " "), **dict.fromkeys("'\u2019\u2018", None)}
)


#: Two equal characters side by side: only a word with one needs ``_collapse`` (which is far slower than this test).
_RUN = re.compile(r"(.)\1", re.DOTALL)
#: Whole words (runs of non-space, as ``str.split`` finds them) with two equal characters side by side among their
#: first five, or of exactly three characters: the words whose collapsed keys count (see ``text_tokens``).
_EARLY_REPEAT = re.compile(r"(?<!\S)(?:\S{0,3}(?:(\S)\1)\S*|\S{3}(?!\S))")


# Cached for reuse across the lexicons of ONE item; kept small so repeated benchmark texts do not hit it.
@functools.lru_cache(maxsize=32)
def text_tokens(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(plain keys, collapsed keys, has_mask) of the words of a normalised text; shared by every lexicon.

    The keys of a word are its first three, four and five characters; collapsed keys are those of the first ten
    characters with repeated letters collapsed, for words with a repeat early on (and every three-letter word).
    """
    split = text.translate(TOKEN_SPLIT)
    words = split.split()
    plain = frozenset({w[:3] for w in words} | {w[:4] for w in words} | {w[:5] for w in words})
    doubled = []
    for m in _EARLY_REPEAT.finditer(split):  # the same words, in the same order, as testing each word in Python
        w = m.group()
        if len(w) > 2:
            first = w[:10]
            doubled.append(_collapse(first) if _RUN.search(first) else first)
    collapsed = frozenset({w[:3] for w in doubled} | {w[:4] for w in doubled} | {w[:5] for w in doubled})
    has_mask = ("*" in text or "#" in text) and _MASK_AFTER_LETTER.search(text) is not None
    return plain, collapsed, has_mask


@functools.lru_cache(maxsize=32)
def masked_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, token) of each word with mask symbols inside ("f*ck", "b*ll*cks") in a normalised text."""
    return tuple((m.start(), m.end(), m.group()) for m in finditer(_MASKED_TOKEN, text))


class _KeyIndex:
    """The word keys of every ``Lexicon``, so that one pass per text tells which lexicons have any candidate.

    ``present(text)`` is (lexicons with a plain key among the text's plain keys, lexicons with a collapsed key
    among its collapsed keys), by the id ``add`` gave each lexicon. A lexicon absent from both has no candidate
    and skips its own key intersections; one that is present runs them exactly as before.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: dict[tuple[frozenset[str], frozenset[str]], int] = {}
        self._plain: dict[str, set[int]] = {}
        self._collapsed: dict[str, set[int]] = {}
        self._present: Callable[[str], tuple[frozenset[int], frozenset[int]]] = _nothing_present

    def add(self, plain_keys: frozenset[str], collapsed_keys: frozenset[str]) -> int:
        """Register one lexicon's keys; lexicons with the same keys share an id."""
        with self._lock:
            known = self._ids.get((plain_keys, collapsed_keys))
            if known is not None:
                return known
            lex_id = self._ids[(plain_keys, collapsed_keys)] = len(self._ids)
            for key in plain_keys:
                self._plain.setdefault(key, set()).add(lex_id)
            for key in collapsed_keys:
                self._collapsed.setdefault(key, set()).add(lex_id)
            self._present = _presence(
                {k: frozenset(v) for k, v in self._plain.items()},
                {k: frozenset(v) for k, v in self._collapsed.items()},
            )
            return lex_id

    def present(self, text: str) -> tuple[frozenset[int], frozenset[int]]:
        return self._present(text)


def _nothing_present(text: str) -> tuple[frozenset[int], frozenset[int]]:
    return frozenset(), frozenset()


def _presence(
    plain_owners: dict[str, frozenset[int]], collapsed_owners: dict[str, frozenset[int]]
) -> Callable[[str], tuple[frozenset[int], frozenset[int]]]:
    all_plain = frozenset(plain_owners)
    all_collapsed = frozenset(collapsed_owners)

    # Cached for reuse across the lexicons of ONE item, like ``text_tokens``.
    @functools.lru_cache(maxsize=32)
    def present(text: str) -> tuple[frozenset[int], frozenset[int]]:
        plain, collapsed, _ = text_tokens(text)
        in_plain: set[int] = set()
        for key in plain & all_plain:
            in_plain |= plain_owners[key]
        in_collapsed: set[int] = set()
        for key in collapsed & all_collapsed:
            in_collapsed |= collapsed_owners[key]
        return frozenset(in_plain), frozenset(in_collapsed)

    return present


KEYS = _KeyIndex()


class Lexicon:
    """A compiled term list. Thread-safe: all state is built in the constructor and never changed."""

    def __init__(self, name: str, entries: list[Entry], allow: list[str] | None = None) -> None:
        if not entries:
            raise LexiconError(f"lexicon {name!r} has no terms")
        self.name = name
        # longest first, so "fucking hell" wins over "fuck" at the same position
        self.entries: tuple[Entry, ...] = tuple(sorted(entries, key=lambda e: (-len(e.term), e.term)))
        # Of two entries found at the same span, the one earlier in ``entries`` wins. Candidates are gathered by
        # iterating sets of strings, whose order changes from process to process (string hashing is salted), so
        # without this rank the same comment could be explained by a different entry on another run.
        self._rank = {e: i for i, e in reversed(tuple(enumerate(self.entries)))}
        self._plain: dict[str, list[tuple[Entry, LazyPattern]]] = {}
        self._collapsed: dict[str, list[tuple[Entry, LazyPattern]]] = {}
        for e in self.entries:
            compiled = lazy_pattern(_bounded(term_pattern(e.term, e.stem)), regex.VERSION1)
            plain_key, collapsed_key = _entry_keys(e.term)
            self._plain.setdefault(plain_key, []).append((e, compiled))
            self._collapsed.setdefault(collapsed_key, []).append((e, compiled))
        self._plain_keys = frozenset(self._plain)
        self._collapsed_keys = frozenset(self._collapsed)
        self._key_id = KEYS.add(self._plain_keys, self._collapsed_keys)
        self.allow: tuple[str, ...] = tuple(sorted(allow or [], key=len, reverse=True))
        self._allow = Lexicon(f"{name}.allow", [Entry(a, "allow", 0.0) for a in self.allow]) if self.allow else None
        self._by_initial: dict[str, list[Entry]] = {}
        for e in self.entries:
            if " " not in e.term and "-" not in e.term and len(e.term) >= 3:
                self._by_initial.setdefault(e.term[0], []).append(e)

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, {len(self.entries)} terms)"

    def find(self, norm: Normalised) -> list[Hit]:
        """Every non-overlapping hit in ``norm``, in text order, with allow-listed contexts removed."""
        text = norm.text
        plain, collapsed, has_mask = text_tokens(text)
        in_plain, in_collapsed = KEYS.present(text)
        candidates: list[tuple[Entry, LazyPattern]] = []
        if self._key_id in in_plain:
            for key in self._plain_keys & plain:
                candidates.extend(self._plain[key])
        if self._key_id in in_collapsed:
            for key in self._collapsed_keys & collapsed:
                candidates.extend(self._collapsed[key])
        hits: list[Hit] = []
        if candidates:
            hits = self._confirm(norm, candidates)
        if has_mask:
            hits.extend(self._masked(norm, hits))
        if not hits:
            return hits
        rank = self._rank
        hits.sort(key=lambda h: (h.norm_start, -(h.norm_end - h.norm_start), rank[h.entry]))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.norm_start < kept[-1].norm_end:
                continue
            kept.append(h)
        if self._allow is not None:
            safe = [(h.norm_start, h.norm_end) for h in self._allow.find(norm)]
            if safe:
                kept = [h for h in kept if not any(s < h.norm_end and h.norm_start < e for s, e in safe)]
        return kept

    def _confirm(self, norm: Normalised, candidates: list[tuple[Entry, LazyPattern]]) -> list[Hit]:
        seen: set[Entry] = set()
        hits: list[Hit] = []
        for entry, pattern in candidates:
            if entry in seen:
                continue
            seen.add(entry)
            for m in finditer(pattern, norm.text):
                hits.append(self._hit(norm, entry, m.start(), m.end()))
        return hits

    def _hit(self, norm: Normalised, entry: Entry, s: int, e: int) -> Hit:
        o_s, o_e = norm.span(s, e)
        return Hit(entry, o_s, o_e, s, e)

    def _masked(self, norm: Normalised, found: list[Hit]) -> list[Hit]:
        out: list[Hit] = []
        for s, e, tok in masked_tokens(norm.text):
            if any(h.norm_start < e and s < h.norm_end for h in found):
                continue
            best: Entry | None = None
            for entry in self._by_initial.get(tok[0], ()):
                if _mask_matches(tok, entry) and (best is None or entry.weight > best.weight):
                    best = entry
            if best is not None:
                out.append(self._hit(norm, best, s, e))
        return out


def _bounded(body: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"


def _mask_matches(tok: str, entry: Entry) -> bool:
    term = entry.term
    n = len(term)
    if len(tok) < n or (len(tok) > n and not (entry.stem and tok[n:].isalpha())):
        return False
    masked = 0
    for t, c in zip(tok[:n], term, strict=True):
        if t in _MASKS:
            masked += 1
        elif t != c:
            return False
    return 0 < masked < n - 1 or (masked == n - 1 and n <= 4)


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict) or "term" not in raw or "kind" not in raw:
        raise LexiconError(f"{where}: each term needs at least 'term' and 'kind'")
    unknown = set(raw) - {"term", "kind", "weight", "stem", "target", "note"}
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    weight = float(raw.get("weight", 0.5))
    if not 0.0 <= weight <= 1.0:
        raise LexiconError(f"{where}: weight must be in [0, 1]")
    return Entry(
        term=str(raw["term"]).strip().lower(),
        kind=str(raw["kind"]),
        weight=weight,
        stem=bool(raw.get("stem", False)),
        target=bool(raw.get("target", False)),
    )


#: libyaml's safe loader when PyYAML was built with it (same result, measured ~3x faster on the shipped
#: lexicons, which are most of the YAML read at start-up), else the pure-Python one. Both refuse Python tags.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_lexicon(name: str) -> Lexicon:
    """Load and compile ``lexicons/<name>.yaml`` (once per process)."""
    path = LEXICON_DIR / f"{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise LexiconError(f"{path}: expected a mapping with a 'terms' list")
    entries = [_entry(raw, f"{path}: terms[{i}]") for i, raw in enumerate(data["terms"])]
    allow = [str(a).lower() for a in data.get("allow") or []]
    return Lexicon(name, entries, allow)


def hit_finding(category: str, hit: Hit, score: float, detector: str, explanation: str) -> Finding:
    """A Finding for a lexicon hit, with its original-text span."""
    return Finding(
        category, hit.entry.kind, hit.start, hit.end, round(min(1.0, max(0.0, score)), 4), detector, explanation
    )
