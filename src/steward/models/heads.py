"""Linear heads on the encoder's embedding, stored as plain arrays, with Platt-calibrated probabilities.

``heads.npz`` (written by ``training/``; loaded with ``allow_pickle=False``):

| key      | content                                                                          |
|----------|----------------------------------------------------------------------------------|
| `meta`   | UTF-8 JSON: version, and per head its name, category, kind and n-gram partner    |
| `weight` | float64 (heads, dim): one row per head                                           |
| `bias`   | float64 (heads,)                                                                 |
| `mix`    | float64 (heads,): weight of the n-gram partner's decision value (0: none)        |
| `platt`  | float64 (heads, 2): ``a, b``                                                     |

``p = 1 / (1 + exp(a * f + b))`` with ``f = weight · e + bias + mix * g``, where ``e`` is the text's embedding
and ``g`` the decision value of the head's n-gram partner (a fast-tier model, ``steward.models.linear``) on the
same text: the accurate tier stacks the encoder on the n-gram model, which sees spellings the encoder's word
pieces blur.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from steward.models.linear import ModelError, read_arrays

REQUIRED = ("meta", "weight", "bias", "mix", "platt")


@dataclass(frozen=True, slots=True)
class HeadSpec:
    name: str
    category: str
    kind: str
    #: The fast-tier model whose decision value is mixed in (``None``: the encoder alone).
    ngram: str | None = None


@dataclass(frozen=True, slots=True)
class Heads:
    """k linear heads over a d-dimensional embedding, calibrated."""

    version: str
    specs: tuple[HeadSpec, ...]
    weight: npt.NDArray[np.float64]
    bias: npt.NDArray[np.float64]
    mix: npt.NDArray[np.float64]
    platt: npt.NDArray[np.float64]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.specs)

    def decision(self, embeddings: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        """The encoder part of the decision values, shape (n, k), for embeddings of shape (n, d)."""
        return np.asarray(embeddings, dtype=np.float64) @ self.weight.T + self.bias

    def probabilities(
        self, embeddings: npt.NDArray[Any], ngram: npt.NDArray[Any] | None = None
    ) -> npt.NDArray[np.float64]:
        """Calibrated probabilities, shape (n, k); ``ngram`` holds each head's partner decision value, (n, k)."""
        f = self.decision(embeddings)
        if ngram is not None:
            f = f + self.mix * np.asarray(ngram, dtype=np.float64)
        z = self.platt[:, 0] * f + self.platt[:, 1]
        return np.asarray(0.5 * (1.0 - np.tanh(0.5 * z)), dtype=np.float64)  # 1/(1+e^z), overflow-free

    def joined(self, other: Heads) -> Heads:
        """These heads followed by ``other``'s (one matrix product for all); the version names both."""
        return Heads(
            f"{self.version}+{'+'.join(s.name for s in other.specs)}-{other.version}",
            self.specs + other.specs,
            np.vstack([self.weight, other.weight]),
            np.concatenate([self.bias, other.bias]),
            np.concatenate([self.mix, other.mix]),
            np.vstack([self.platt, other.platt]),
        )

    def save(self, path: Path) -> None:
        heads = [{"name": s.name, "category": s.category, "kind": s.kind, "ngram": s.ngram} for s in self.specs]
        meta = {"version": self.version, "heads": heads}
        raw = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8).copy()
        with path.open("wb") as fh:
            np.savez_compressed(fh, meta=raw, weight=self.weight, bias=self.bias, mix=self.mix, platt=self.platt)


def load_heads(path: Path) -> Heads:
    """Read heads saved by :meth:`Heads.save`; ModelError when missing or malformed."""
    arrays = read_arrays(path, REQUIRED, "heads")
    try:
        meta = json.loads(bytes(arrays["meta"].astype(np.uint8)).decode("utf-8"))
        specs = tuple(
            HeadSpec(str(h["name"]), str(h["category"]), str(h["kind"]), str(h["ngram"]) if h.get("ngram") else None)
            for h in meta["heads"]
        )
        version = str(meta["version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: cannot read heads ({exc})") from None
    weight = arrays["weight"].astype(np.float64)
    k = len(specs)
    shapes_ok = arrays["bias"].shape == arrays["mix"].shape == (k,) and arrays["platt"].shape == (k, 2)
    if weight.ndim != 2 or weight.shape[0] != k or not shapes_ok:
        raise ModelError(f"{path}: arrays do not match {k} heads")
    return Heads(
        version,
        specs,
        weight,
        arrays["bias"].astype(np.float64),
        arrays["mix"].astype(np.float64),
        arrays["platt"].astype(np.float64),
    )
