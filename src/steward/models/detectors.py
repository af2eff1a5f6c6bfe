"""Detectors backed by the shipped learned models (the fast learned tier).

Each :class:`LearnedDetector` reports one category for one model, as a single finding spanning the text
(its first ``MAX_TEXT_CHARS`` characters) with the model's calibrated probability as score:

| detector       | model          | category     | kind              |
|----------------|----------------|--------------|-------------------|
| `offensive_lr` | `offensive_lr` | `abuse`      | `offensive_model` |
| `hate_lr`      | `hate_lr`      | `hate`       | `hate_model`      |
| `spam_lr`      | `spam_lr`      | `commercial` | `spam_model`      |

The offensive model is trained on OLID, whose "offensive" pools insults, threats and plain swearing: it cannot
tell abuse from profanity, so it reports one category, ``abuse`` (the one the policies act on for targeted
offence), and says in its kind that a model, not a lexicon, produced it. Profanity stays with the lexicon
detector, which can point at the word.

All detectors share one :class:`~steward.models.linear.Bundle` (loaded lazily, once, on first use), so the
n-grams of a text are computed once for every model. Probabilities under ``min_score`` (default 0.2) give no
finding: they carry no useful evidence and would only crowd the output. The models judge the text without its
links to the organisation's allow-listed domains (``steward.models.inputs``).
"""

from __future__ import annotations

from collections.abc import Callable

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, tag
from steward.models.inputs import model_text
from steward.models.store import MODEL_SPECS, shipped_bundle

DEFAULT_MIN_SCORE = 0.2


class LearnedDetector:
    """One shipped model as a Detector. ``model`` is one of ``MODEL_SPECS`` (offensive_lr, hate_lr, spam_lr)."""

    def __init__(self, model: str, min_score: float = DEFAULT_MIN_SCORE) -> None:
        spec = MODEL_SPECS.get(model)
        if spec is None:
            raise ValueError(f"unknown model {model!r}; known: {', '.join(MODEL_SPECS)}")
        if not 0.0 <= min_score <= 1.0:
            raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
        self.name = model
        self.version = spec.version
        self.categories = frozenset({spec.category})
        self._category = spec.category
        self._kind = spec.kind
        self._min_score = min_score
        self._index = -1

    def score(self, text: str) -> float:
        """The model's calibrated probability for ``text`` (its first MAX_TEXT_CHARS characters)."""
        bundle = shipped_bundle()
        if self._index < 0:
            self._index = bundle.names.index(self.name)
        return bundle.probabilities(text[:MAX_TEXT_CHARS])[self._index]

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = item.text
        shown = model_text(text, context)  # without links to the organisation's own domains
        if not shown or shown.isspace():
            return []
        p = self.score(shown)
        if p < self._min_score:
            return []
        detector = tag(self.name, self.version)
        end = min(len(text), MAX_TEXT_CHARS)
        return [
            Finding(self._category, self._kind, 0, end, p, detector, f"model {detector} p={p:.2f}", evidence="model")
        ]


def OffensiveModelDetector() -> LearnedDetector:
    return LearnedDetector("offensive_lr")


def HateModelDetector() -> LearnedDetector:
    return LearnedDetector("hate_lr")


def SpamModelDetector() -> LearnedDetector:
    return LearnedDetector("spam_lr")


#: Factories of the learned detectors, in the order ``register_learned`` adds them.
LEARNED: tuple[Callable[[], LearnedDetector], ...] = (OffensiveModelDetector, HateModelDetector, SpamModelDetector)
