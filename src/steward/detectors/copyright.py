"""Copyright: notices, long pasted passages, and near-duplicates of earlier items in the same batch.

* ``notice`` — ©, "(c) 2021", "Copyright 2023", "All rights reserved", "Reproduced from".
* ``long_paste`` — 800+ characters with signs of having been copied: a long quoted block, an attribution
  ("Source:", "Originally published", a trailing link), and many sentences with no first person.
* ``near_duplicate`` — an item of 200+ characters whose word-3-gram Jaccard similarity to an earlier item in the
  batch is at least 0.8. Each item is sketched once (one 64-bit hash per shingle): a bottom-k sketch to estimate
  Jaccard, and a one-permutation MinHash signature banded for locality-sensitive hashing, so an item is compared
  only with the few earlier items that share a band, not with all of them. The index lives in
  ``context.batch_state["copyright"]``, is guarded by a lock, holds at most ``max_items`` items (oldest evicted)
  and at most ``bucket_cap`` items per band bucket.
"""

from __future__ import annotations

import hashlib
import heapq
import string
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, finditer, span_finding, tag
from steward.detectors.phrases import clip

STATE_KEY = "copyright"
_STATE_LOCK = threading.Lock()
_MASK64 = (1 << 64) - 1

_NOTICE = compile_pattern(
    r"(?P<strong>©\s*(?:(?:19|20)\d\d|\p{Lu})|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\))?\s*(?:(?:19|20)\d\d)"
    r"|all\s+rights\s+reserved|reproduced\s+(?:with|by\s+kind)\s+(?:permission|kind\s+permission)"
    r"|reproduced\s+from|excerpt(?:ed)?\s+from)"
    r"|(?P<weak>©|\bcopyright(?:ed)?\b)"
)
_NOTICE_CUES = ("©", "(c)", "copyright", "rights reserved", "reproduced", "excerpt")
_ATTRIBUTION = compile_pattern(
    r"\b(?:source|via|credit|originally\s+published|read\s+more|full\s+article)\s*:|(?:^|\n)\s*from\s*:"
    r"|\boriginally\s+published\b|\bread\s+more\s+at\b|\breproduced\s+from\b|\bexcerpt\s+from\b"
    r"|\bfull\s+story\s+at\b|https?://\S+\s*$"
)
_QUOTED_BLOCK = compile_pattern(r"[\"“][^\"“”]{300,}[\"”]|(?:^|\n)>[^\n]*(?:\n>[^\n]*){2,}")
_SENTENCE_END = compile_pattern(r"[.!?](?:\s|$)")
_FIRST_PERSON = compile_pattern(r"\b(?:i|me|my|mine|myself|we|us|our|ours|i'm|i've|i'd|i'll)\b")
_SPLIT = str.maketrans({c: " " for c in string.punctuation + "’‘“”…–—"})
_SKIP_START = frozenset("@#")
_LINK = ("http:", "https:", "www.")
#: Fewer distinct shingles than this and an item is too formulaic to call a copy.
MIN_SHINGLES = 15


@dataclass(frozen=True, slots=True)
class _Stored:
    item_id: str
    sketch: array[int]
    keys: tuple[int, ...]


class NearDuplicateIndex:
    """A bounded LSH index of bottom-k sketches for one batch. Thread-safe."""

    def __init__(self, max_items: int = 20_000, bands: int = 8, rows: int = 4, k: int = 128, bucket_cap: int = 32):
        self.max_items, self.bands, self.rows, self.k, self.bucket_cap = max_items, bands, rows, k, bucket_cap
        self._lock = threading.Lock()
        self._items: OrderedDict[int, _Stored] = OrderedDict()
        self._buckets: dict[int, list[int]] = {}
        self._seq = 0

    def __len__(self) -> int:
        return len(self._items)

    def add_and_match(self, item_id: str, hashes: set[int]) -> tuple[str, float] | None:
        """Store an item's shingle hashes; return (earlier item id, Jaccard) of its best earlier match >= 0.8."""
        sketch = array("Q", sorted(heapq.nsmallest(self.k, hashes)))
        keys = self._band_keys(hashes)
        best: tuple[str, float] | None = None
        with self._lock:
            seen: set[int] = set()
            for key in keys:
                for seq in self._buckets.get(key, ()):
                    if seq in seen:
                        continue
                    seen.add(seq)
                    other = self._items[seq]
                    if other.item_id == item_id:
                        continue
                    j = _jaccard(sketch, other.sketch, self.k)
                    if j >= 0.8 and (best is None or j > best[1]):
                        best = (other.item_id, j)
            self._insert(_Stored(item_id, sketch, keys))
        return best

    def _insert(self, stored: _Stored) -> None:
        seq = self._seq
        self._seq += 1
        self._items[seq] = stored
        for key in stored.keys:
            bucket = self._buckets.setdefault(key, [])
            bucket.append(seq)
            if len(bucket) > self.bucket_cap:
                del bucket[0]
        while len(self._items) > self.max_items:
            old_seq, old = self._items.popitem(last=False)
            for key in old.keys:
                members = self._buckets.get(key)
                if members is None:
                    continue
                if old_seq in members:
                    members.remove(old_seq)
                if not members:
                    del self._buckets[key]

    def _band_keys(self, hashes: set[int]) -> tuple[int, ...]:
        """One-permutation MinHash (bins by top bits) with rotation densification, cut into bands."""
        nbins = self.bands * self.rows
        empty = _MASK64 + 1
        sig = [empty] * nbins
        for h in hashes:
            b = h % nbins
            v = h // nbins
            if v < sig[b]:
                sig[b] = v
        if empty in sig:
            filled = [i for i, v in enumerate(sig) if v != empty]
            if filled:
                dense = list(sig)
                for i in range(nbins):
                    if sig[i] == empty:
                        j = next((f for f in filled if f > i), filled[0])
                        dense[i] = sig[j] + ((j - i) % nbins) * 0x9E3779B97F4A7C15
                sig = dense
        return tuple(hash((band, *sig[band * self.rows : (band + 1) * self.rows])) for band in range(self.bands))


def _jaccard(a: array[int], b: array[int], k: int) -> float:
    """Bottom-k estimate of Jaccard similarity (exact when both sets have at most k shingles)."""
    sa, sb = set(a), set(b)
    union = heapq.nsmallest(k, sa | sb)
    if not union:
        return 0.0
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def shingle_hashes(text: str, n: int = 3) -> set[int]:
    """64-bit hashes of the word 3-grams of ``text``: lower-cased, punctuation split away, and @mentions,
    #hashtags and links left out (a reply that is mostly "@user @user ..." is not a copy of another).

    Each word is hashed once (blake2b, cached); a shingle's hash combines its three word hashes with distinct odd
    multipliers, which keeps it order-sensitive and uniform while costing a few integer operations.
    """
    kept = " ".join(w for w in text.lower().split() if w[:1] not in _SKIP_START and not w.startswith(_LINK))
    hs = [_word_hash(w) for w in kept.translate(_SPLIT).split()]
    if len(hs) < 3:
        return {_mix(hs + [0] * (3 - len(hs)), 0)} if hs else set()
    return {_mix(hs, i) for i in range(len(hs) - 2)}


def _mix(hs: list[int], i: int) -> int:
    return (
        (hs[i] * 0x9E3779B97F4A7C15) ^ (hs[i + 1] * 0xC2B2AE3D27D4EB4F) ^ (hs[i + 2] * 0x165667B19E3779F9)
    ) & _MASK64


@lru_cache(maxsize=65_536)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def batch_index(context: AssessContext) -> NearDuplicateIndex:
    """This batch's index, created on first use."""
    state = context.batch_state
    index = state.get(STATE_KEY)
    if isinstance(index, NearDuplicateIndex):
        return index
    with _STATE_LOCK:
        index = state.get(STATE_KEY)
        if not isinstance(index, NearDuplicateIndex):
            index = NearDuplicateIndex()
            state[STATE_KEY] = index
        return index


class CopyrightDetector:
    """Copyright notices, long pasted passages and near-duplicate items within a batch."""

    name = "copyright"
    version = "1.0"
    categories = frozenset({Category.COPYRIGHT.value})

    def __init__(self, min_duplicate_chars: int = 200, min_paste_chars: int = 800) -> None:
        self.min_duplicate_chars = min_duplicate_chars
        self.min_paste_chars = min_paste_chars
        self._tags = {k: tag(f"copyright_{k}", self.version) for k in ("notice", "paste", "near_duplicate")}

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        cat = Category.COPYRIGHT.value
        findings: list[Finding] = []
        low = text.lower()
        notices = finditer(_NOTICE, text) if any(c in low for c in _NOTICE_CUES) else ()
        for m in notices:
            strong = m.group("strong") is not None
            findings.append(
                span_finding(
                    cat,
                    "notice",
                    m,
                    0.75 if strong else 0.35,
                    self._tags["notice"],
                    "Copyright notice (symbol with year or owner, 'all rights reserved', 'reproduced from')."
                    if strong
                    else "The word 'copyright' or a bare © symbol.",
                )
            )
        if len(text) >= self.min_paste_chars:
            signs = _paste_signs(text)
            if signs:
                score = round(min(0.8, 0.35 + 0.15 * len(signs)), 2)
                findings.append(
                    Finding(
                        cat,
                        "long_paste",
                        0,
                        len(text),
                        score,
                        self._tags["paste"],
                        f"Long passage ({len(text)} characters) with signs of being copied: {', '.join(signs)}.",
                    )
                )
        if len(text) >= self.min_duplicate_chars:
            hashes = shingle_hashes(text)
            enough = len(hashes) >= MIN_SHINGLES
            match = batch_index(context).add_and_match(item.id, hashes) if enough else None
            if match is not None:
                earlier, j = match
                findings.append(
                    Finding(
                        cat,
                        "near_duplicate",
                        0,
                        len(text),
                        round(min(0.85, 0.7 + 0.75 * (j - 0.8)), 3),
                        self._tags["near_duplicate"],
                        f"Near-duplicate of earlier item {earlier[:64]!r} in this batch (Jaccard {j:.2f}).",
                    )
                )
        return findings


def _paste_signs(text: str) -> list[str]:
    signs: list[str] = []
    if any(True for _ in finditer(_QUOTED_BLOCK, text)) or text.lstrip()[:1] in {'"', "“"}:
        signs.append("quoted block")
    if any(True for _ in finditer(_ATTRIBUTION, text)):
        signs.append("source attribution")
    sentences = sum(1 for _ in finditer(_SENTENCE_END, text))
    if sentences >= 6:
        first_person = sum(1 for _ in finditer(_FIRST_PERSON, text))
        if first_person / sentences < 0.15:
            signs.append(f"{sentences} sentences with little or no first person")
    return signs
