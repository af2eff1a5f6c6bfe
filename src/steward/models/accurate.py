"""The accurate learned tier: a fine-tuned MiniLM encoder (ONNX, int8) with calibrated heads, as one detector.

One encoder pass per text gives every head's probability (abuse from the offensive head, hate, commercial from
the spam head). The text is folded by ``steward.models.features.prepare`` first (case, homoglyphs, leetspeak,
spaced-out letters), exactly as in training. Artifacts (``encoder/``): ``model.onnx``,
``tokenizer.json``, ``heads.npz``, checked against ``manifest.json`` by SHA-256 before use.

| head        | category     | kind                  |
|-------------|--------------|-----------------------|
| `offensive` | `abuse`      | `offensive_encoder`   |
| `hate`      | `hate`       | `hate_encoder`        |
| `spam`      | `commercial` | `spam_encoder`        |

and the heads learned from written comments (``EXTRA_HEADS``): `self_harm`, `distress` (both ``self_harm``, of
kinds `self_harm_encoder` and `distress_encoder`, so a rule can tell them apart), `complaint`,
`urgent_medical`, `threat` and `extremism`, each of kind ``<key>_encoder``.

As with the fast tier, OLID's "offensive" pools insults, threats and swearing, so the offensive head reports
``abuse`` and says in its kind that a model produced it; profanity stays with the lexicon, which can point at
the word. Probabilities under ``min_score`` (default 0.2) give no finding. Links to the organisation's
allow-listed domains are cut out of the text first (``steward.models.inputs``).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import numpy.typing as npt

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, tag
from steward.detectors.intent import told_as_good_news
from steward.models.encoder import Encoder, shared_encoder
from steward.models.features import prepare
from steward.models.heads import Heads, load_heads
from steward.models.inputs import model_text
from steward.models.linear import ModelError
from steward.models.store import MODELS_DIR, check_sha256, read_manifest, shipped_bundle

ENCODER_DIR = MODELS_DIR / "encoder"
DETECTOR_NAME = "minilm"
DEFAULT_MIN_SCORE = 0.2
#: Texts whose head probabilities are remembered (several callers may ask about the same item).
TEXT_CACHE_SIZE = 1024
#: The complaint head's kind, and the score it is capped at when the comment is thanks or praise with no word of
#: grievance (``steward.detectors.intent.told_as_good_news``, the complaint phrase rule's own guard): under the
#: pack's 0.7 for pointing the author to the complaints route. The head reads a story of care as a complaint
#: whatever its ending ("Thank you to the nurse on Ward 5 who sat with me all night… You mattered." 0.99).
#: A sarcastic "no thanks to them" or any "not", "never", "still", "cancelled"… keeps the head's score.
GOOD_NEWS_KIND = "complaint_encoder"
GOOD_NEWS_CAP = 0.4
#: Most texts ``prefetch`` keeps in flight (a caller prefetches a chunk, then checks it).
PREFETCH_LIMIT = 256


def verify(folder: Path, manifest_key: str) -> None:
    """Refuse artifacts whose SHA-256 differs from the manifest (a partial copy or a hand edit)."""
    entry = read_manifest(folder.parent)["models"].get(manifest_key)
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), dict):
        raise ModelError(f"{manifest_key!r} is not in {folder.parent / 'manifest.json'}")
    for name, digest in entry["files"].items():
        check_sha256(folder / name, digest)


class AccurateModels:
    """The encoder and its heads; ``probabilities`` is cached per text and safe from several threads."""

    def __init__(self, encoder: Encoder, heads: Heads) -> None:
        if heads.weight.shape[1] != encoder.dim:
            raise ModelError(f"heads expect {heads.weight.shape[1]} dimensions, the encoder gives {encoder.dim}")
        self.encoder = encoder
        self.heads = heads
        self._partners = tuple(s.ngram for s in heads.specs)
        self._columns: list[tuple[int, int]] | None = None
        self._cached = functools.lru_cache(maxsize=TEXT_CACHE_SIZE)(self._compute)
        self._primed: dict[str, tuple[float, ...]] = {}
        self._pending: dict[str, Future[tuple[float, ...]]] = {}

    def _ngram(self, texts: list[str]) -> npt.NDArray[np.float64] | None:
        """Each head's n-gram partner decision value per text, (n, k); None when no head has a partner."""
        if not any(self._partners):
            return None
        bundle = shipped_bundle()
        if self._columns is None:  # each head's partner column in the bundle, worked out once
            self._columns = [(col, bundle.names.index(name)) for col, name in enumerate(self._partners) if name]
        out = np.zeros((len(texts), len(self._partners)))
        for row, text in enumerate(texts):
            values = bundle.decision(text)
            for col, index in self._columns:
                out[row, col] = values[index]
        return out

    def _compute(self, text: str) -> tuple[float, ...]:
        emb = self.encoder.embed_one(prepare(text))
        return tuple(float(p) for p in self.heads.probabilities(emb[None, :], self._ngram([text]))[0])

    def probabilities(self, text: str) -> tuple[float, ...]:
        """Each head's calibrated probability (``heads.names`` order) for one text."""
        key = text[:MAX_TEXT_CHARS]
        primed = self._primed.get(key)
        if primed is not None:
            return primed
        pending = self._pending.get(key)
        if pending is not None:  # prefetched: wait for it (a failure raises here, in the detector, as it would)
            return pending.result()
        return self._cached(key)

    def prefetch(self, texts: Iterable[str]) -> None:
        """Start scoring ``texts`` on the encoder's threads, each text alone (so its probabilities are exactly
        those of ``probabilities``), while the caller does other work; the next ``probabilities`` call on one of
        them waits for its result. Replaces what was prefetched before; at most ``PREFETCH_LIMIT`` texts."""
        pending: dict[str, Future[tuple[float, ...]]] = {}
        for text in texts:
            key = text[:MAX_TEXT_CHARS]
            if key in pending or not key or key.isspace():
                continue
            if len(pending) >= PREFETCH_LIMIT:
                break
            pending[key] = self.encoder.submit(self._cached, key)
        self._pending = pending

    def probability_matrix(self, texts: list[str]) -> list[tuple[float, ...]]:
        """Many texts at once (batched through the encoder): one tuple per text."""
        cut = [t[:MAX_TEXT_CHARS] for t in texts]
        probs = self.heads.probabilities(self.encoder.embed([prepare(t) for t in cut]), self._ngram(cut))
        return [tuple(float(p) for p in row) for row in probs]

    def prime(self, texts: list[str]) -> None:
        """Score ``texts`` in batches now, so that the next ``probabilities`` calls on them are answered from
        memory (evaluation scores thousands of texts one item at a time). Replaces what was primed before."""
        self._primed = dict(zip((t[:MAX_TEXT_CHARS] for t in texts), self.probability_matrix(texts), strict=True))


_lock = threading.Lock()
_shipped: AccurateModels | None = None


#: Heads trained after the encoder, on written examples (``training.self_harm``, ``training.distress``,
#: ``training.complaint``, ``training.urgent``, ``training.threat``, ``training.extremism``): each is its manifest
#: key, and kept in ``<key>.npz`` beside ``heads.npz``.
EXTRA_HEADS = ("self_harm", "distress", "complaint", "urgent_medical", "threat", "extremism")


def load_accurate(folder: Path = ENCODER_DIR, check: bool = True) -> AccurateModels:
    """The encoder and its heads: ``heads.npz`` (fine-tuned with the encoder) and each of ``EXTRA_HEADS`` the
    manifest lists (a models folder without one still loads, without that head)."""
    if check:
        verify(folder, "encoder")
    heads = load_heads(folder / "heads.npz")
    listed = read_manifest(folder.parent)["models"]
    for key in EXTRA_HEADS:
        if key in listed:
            if check:
                verify(folder, key)
            heads = heads.joined(load_heads(folder / f"{key}.npz"))
    return AccurateModels(shared_encoder(folder), heads)


def shipped_accurate() -> AccurateModels:
    """The shipped encoder and heads, loaded on first use and shared afterwards."""
    global _shipped
    if _shipped is None:
        with _lock:
            if _shipped is None:
                _shipped = load_accurate()
    return _shipped


class EncoderDetector:
    """Every head of the accurate tier as one Detector (one encoder pass per item)."""

    def __init__(self, min_score: float = DEFAULT_MIN_SCORE, models: AccurateModels | None = None) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
        self._models = models
        heads = (models or shipped_accurate()).heads
        self.name = DETECTOR_NAME
        self.version = heads.version
        self.categories = frozenset(s.category for s in heads.specs)
        self._specs = heads.specs
        self._min_score = min_score

    def models(self) -> AccurateModels:
        return self._models or shipped_accurate()

    def prefetch(self, items: Iterable[ContentItem], context: AssessContext) -> None:
        """Start encoding ``items`` in the background (see ``AccurateModels.prefetch``), as ``detect`` will see
        them under ``context``."""
        self.models().prefetch(model_text(item.text, context) for item in items)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = item.text
        shown = model_text(text, context)  # without links to the organisation's own domains
        if not shown or shown.isspace():
            return []
        probs = self.models().probabilities(shown)
        detector = tag(self.name, self.version)
        end = min(len(text), MAX_TEXT_CHARS)
        out: list[Finding] = []
        for spec, p in zip(self._specs, probs, strict=True):
            if p < self._min_score:
                continue
            why = f"model {detector} {spec.name} p={p:.2f}"
            if spec.kind == GOOD_NEWS_KIND and p > GOOD_NEWS_CAP and told_as_good_news(text[:MAX_TEXT_CHARS]):
                p, why = GOOD_NEWS_CAP, f"{why}, capped at {GOOD_NEWS_CAP:.2f}: thanks or praise and no grievance"
            out.append(Finding(spec.category, spec.kind, 0, end, p, detector, why, evidence="model"))
        return out
