"""Calibrated linear text models stored as plain arrays, and their numpy inference.

A model is a TF-IDF transform (word 1-2-grams and character 2-5-grams, each block l2-normalised, binary
term frequency) followed by logistic regression and Platt scaling: ``p = 1 / (1 + exp(a * f + b))`` where
``f`` is the regression's decision value. It is saved by ``training/`` as a compressed ``.npz`` of plain arrays
(no pickle; loaded with ``allow_pickle=False``):

| key                       | content                                                         |
|---------------------------|-----------------------------------------------------------------|
| `meta`                    | UTF-8 JSON: name, version, category, kind                       |
| `word_vocab`, `char_vocab`| UTF-8 n-grams joined by newlines, in feature-column order       |
| `word_idf`, `char_idf`    | inverse document frequencies (float64), one per n-gram          |
| `word_coef`, `char_coef`  | regression coefficients (float64), one per n-gram               |
| `intercept`               | regression intercept, shape (1,)                                |
| `platt`                   | Platt scaling ``[a, b]``                                        |

:class:`Bundle` scores several models at once: it merges their vocabularies, so each n-gram of a text is
looked up once for all models (an n-gram a model does not know has weight 0 for it, which is exactly how an
out-of-vocabulary n-gram behaves in scikit-learn).
"""

from __future__ import annotations

import functools
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from steward.errors import StewardError
from steward.models.features import padded_grams, prepare, word_grams

Array = npt.NDArray[np.float64]
BLOCKS = ("word", "char")
REQUIRED = ("meta", "word_vocab", "char_vocab", "word_idf", "char_idf", "word_coef", "char_coef", "intercept", "platt")


class ModelError(StewardError):
    """A model file is missing or malformed."""

    exit_code = 3


@dataclass(frozen=True, slots=True)
class LinearModel:
    """One calibrated model as arrays. ``vocab[block]`` lists the n-grams of that block in column order."""

    meta: dict[str, Any]
    vocab: dict[str, tuple[str, ...]]
    idf: dict[str, Array]
    coef: dict[str, Array]
    intercept: float
    platt: tuple[float, float]

    @property
    def name(self) -> str:
        return str(self.meta["name"])

    @property
    def version(self) -> str:
        return str(self.meta["version"])

    def to_arrays(self) -> dict[str, npt.NDArray[Any]]:
        out: dict[str, npt.NDArray[Any]] = {"meta": _encode(json.dumps(self.meta, sort_keys=True))}
        for block in BLOCKS:
            out[f"{block}_vocab"] = _encode("\n".join(self.vocab[block]))
            out[f"{block}_idf"] = np.asarray(self.idf[block], dtype=np.float64)
            out[f"{block}_coef"] = np.asarray(self.coef[block], dtype=np.float64)
        out["intercept"] = np.array([self.intercept], dtype=np.float64)
        out["platt"] = np.array(self.platt, dtype=np.float64)
        return out

    def save(self, path: Path) -> None:
        with path.open("wb") as fh:
            np.savez_compressed(fh, **self.to_arrays())  # type: ignore[arg-type]


def _encode(text: str) -> npt.NDArray[np.uint8]:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8).copy()


def _decode(array: npt.NDArray[Any]) -> str:
    return bytes(np.asarray(array, dtype=np.uint8)).decode("utf-8")


def read_arrays(path: Path, required: tuple[str, ...], what: str = "model") -> dict[str, npt.NDArray[Any]]:
    """The named arrays of an ``.npz`` file, loaded without pickle; ModelError when unreadable or incomplete."""
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [k for k in required if k not in data.files]
            if missing:
                raise ModelError(f"{path}: missing arrays {', '.join(missing)}")
            return {k: data[k] for k in required}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{path}: cannot read {what} ({exc})") from None


def load_model(path: Path) -> LinearModel:
    """Read a model saved by :meth:`LinearModel.save`; raises ModelError when it is missing or malformed."""
    arrays = read_arrays(path, REQUIRED)
    vocab: dict[str, tuple[str, ...]] = {}
    for block in BLOCKS:
        text = _decode(arrays[f"{block}_vocab"])
        vocab[block] = tuple(text.split("\n")) if text else ()
        n = len(vocab[block])
        if arrays[f"{block}_idf"].shape != (n,) or arrays[f"{block}_coef"].shape != (n,):
            raise ModelError(f"{path}: {block} arrays do not match its vocabulary of {n} n-grams")
    platt = arrays["platt"]
    return LinearModel(
        meta=json.loads(_decode(arrays["meta"])),
        vocab=vocab,
        idf={b: arrays[f"{b}_idf"].astype(np.float64) for b in BLOCKS},
        coef={b: arrays[f"{b}_coef"].astype(np.float64) for b in BLOCKS},
        intercept=float(arrays["intercept"][0]),
        platt=(float(platt[0]), float(platt[1])),
    )


#: Most words whose character n-gram ids are remembered; the cache is emptied when it grows past this.
WORD_CACHE_SIZE = 100_000
#: Texts whose probabilities are remembered, so the detectors of one bundle share one computation per item.
TEXT_CACHE_SIZE = 256


class Bundle:
    """Several models scored together. Safe to share between threads: the only mutable state is two caches
    whose entries are immutable (the worst race computes one entry twice).

    The models use binary term frequency, so a text's tf-idf vector in a block is ``idf`` on the n-grams it
    contains, divided by its l2 norm. Word and character n-grams of all models share one row space (word
    rows first); per row the bundle keeps, for every model, ``idf * coef`` and ``idf ** 2`` under the row's
    block (zeros under the other block). Summing the rows of a text's distinct n-grams gives every model's
    dot product and squared norm in both blocks with three numpy calls.
    """

    def __init__(self, models: tuple[LinearModel, ...]) -> None:
        if not models:
            raise ModelError("a bundle needs at least one model")
        self.models = models
        self.names = tuple(m.name for m in models)
        m = len(models)
        self._index: dict[str, dict[str, int]] = {}
        offset = 0
        for block in BLOCKS:
            index: dict[str, int] = {}
            for model in models:
                for gram in model.vocab[block]:
                    index.setdefault(gram, offset + len(index))
            self._index[block] = index
            offset += len(index)
        self._weights = np.zeros((offset, 4 * m))
        for b, block in enumerate(BLOCKS):
            index = self._index[block]
            for j, model in enumerate(models):
                grams = model.vocab[block]
                rows = np.fromiter((index[g] for g in grams), dtype=np.int64, count=len(grams))
                self._weights[rows, 2 * m * b + j] = model.idf[block] * model.coef[block]
                self._weights[rows, 2 * m * b + m + j] = model.idf[block] ** 2
        self._intercept = tuple(model.intercept for model in models)
        self._platt = tuple(model.platt for model in models)
        self._word_cache: dict[str, tuple[int, ...]] = {}
        self._cached = functools.lru_cache(maxsize=TEXT_CACHE_SIZE)(self._compute)

    def _char_ids(self, word: str) -> tuple[int, ...]:
        get = self._index["char"].get
        ids = tuple({i for g in padded_grams(word) if (i := get(g)) is not None})
        if len(self._word_cache) >= WORD_CACHE_SIZE:
            self._word_cache = {}
        self._word_cache[word] = ids
        return ids

    def feature_ids(self, text: str) -> set[int]:
        """The rows of the distinct known n-grams of ``text`` (word and character)."""
        prepared = prepare(text)
        get = self._index["word"].get
        ids = {i for g in word_grams(prepared) if (i := get(g)) is not None}
        cache = self._word_cache.get
        words = prepared.split()
        cached = [cache(w) for w in words]
        if None in cached:
            return ids.union(*[c if c is not None else self._char_ids(w) for w, c in zip(words, cached, strict=True)])
        return ids.union(*cast("list[tuple[int, ...]]", cached))

    def decision(self, text: str) -> list[float]:
        """Each model's logistic-regression decision value for ``text`` (blocks l2-normalised separately)."""
        ids = self.feature_ids(text)
        m = len(self.models)
        if not ids:
            return list(self._intercept)
        rows = np.fromiter(ids, dtype=np.int64, count=len(ids))
        sums = self._weights.take(rows, axis=0).sum(axis=0).tolist()
        out = list(self._intercept)
        for b in range(len(BLOCKS)):
            base = 2 * m * b
            for j in range(m):
                sq = sums[base + m + j]
                if sq > 0.0:
                    out[j] += sums[base + j] / math.sqrt(sq)
        return out

    def _compute(self, text: str) -> tuple[float, ...]:
        out: list[float] = []
        for f, (a, b) in zip(self.decision(text), self._platt, strict=True):
            z = a * f + b
            # 1 / (1 + e^z), written so that neither branch overflows
            out.append(1.0 / (1.0 + math.exp(z)) if z < 0 else math.exp(-z) / (1.0 + math.exp(-z)))
        return tuple(out)

    def probabilities(self, text: str) -> tuple[float, ...]:
        """Calibrated probability of each model (in ``self.names`` order) for one text; cached per text."""
        return self._cached(text)

    def probability_matrix(self, texts: list[str]) -> Array:
        """Probabilities for many texts: one row per text, one column per model."""
        if not texts:
            return np.zeros((0, len(self.models)))
        return np.array([self._compute(t) for t in texts], dtype=np.float64)
