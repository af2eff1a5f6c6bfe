"""The sentence encoder of the accurate learned tier: a MiniLM transformer run by onnxruntime, no torch.

``Encoder`` turns texts into unit-length sentence embeddings (mean of the last hidden states over real tokens,
l2-normalised, as sentence-transformers' all-MiniLM-L6-v2 does). The ONNX graph and its ``tokenizer.json``
ship in the repository (``encoder/``, written by ``training/``); nothing is fetched at run time.

- Tokenising uses the ``tokenizers`` library (the same Rust WordPiece the model was trained with), truncated
  to ``max_tokens`` word pieces: comments longer than that are judged on their start (about 90 words).
- Unknown word pieces are dropped (:func:`known_ids`): WordPiece knows almost no emoji, so "idiot 😂" would
  read as "idiot [UNK]" and a comment with an emoji after every word as half unknowns, diluting the mean.
  Training drops them the same way.
- One text per encoder call, always. The int8 graph quantises its activations dynamically, per tensor, so
  in a padded batch a text's embedding would depend on its neighbours (measured: differences of 1e-2); one at a
  time, a text always gets the same embedding, whether it is checked alone or evaluated among thousands, and
  batching gained only ~15% here (244 → 280 tweets/s on 2 cores).
- Many texts go faster side by side, each alone: every ``run`` uses one thread, and ``embed`` / ``submit``
  spread texts over a small pool of ``STEWARD_THREADS`` threads (default: every core; onnxruntime releases the
  GIL while it runs). On the 2-core box one session with two intra-op threads embedded 166 tweets/s; two texts
  at a time on one thread each, 247/s; the embeddings are bit-for-bit the same either way (measured).
  ``AccurateModels.prefetch`` (reached through ``steward.pipeline.Pipeline.prefetch``, which ``steward scan``
  and the worker call) uses ``submit`` to embed the next items while the deterministic detectors work on the
  current one.
- onnxruntime's ``run`` is thread-safe; the session is built once and shared.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from steward.models.linear import ModelError

Matrix = npt.NDArray[np.float32]
T = TypeVar("T")

#: Word pieces per text (the start of longer texts is used). Tweets average 35, NHS comments fewer.
MAX_TOKENS = 128


def known_ids(tokenizer: Any, texts: Sequence[str]) -> list[list[int]]:
    """Each text's word-piece ids (with ``[CLS]``/``[SEP]``, truncated as the tokenizer is set) without the
    unknown-piece id. Shared by training and run time."""
    unknown = tokenizer.token_to_id("[UNK]")
    return [[i for i in e.ids if i != unknown] for e in tokenizer.encode_batch(list(texts))]


def padded_ids(tokenizer: Any, texts: Sequence[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The model's two inputs for ``texts``: word-piece ids (:func:`known_ids`) right-padded with 0 to the longest
    text, and the attention mask (1 on real pieces). Shared by training (``torch.from_numpy``) and run time."""
    rows = known_ids(tokenizer, texts)
    width = max(1, max((len(r) for r in rows), default=0))
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for k, r in enumerate(rows):
        ids[k, : len(r)] = r
        mask[k, : len(r)] = 1
    return ids, mask


def load_tokenizer(path: Path, max_tokens: int = MAX_TOKENS) -> Any:
    """The WordPiece tokenizer in ``path`` as the encoder uses it: no padding, truncated to ``max_tokens`` word
    pieces. Shared by the encoder, training (its own ``max_tokens``) and the export test."""
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(str(path))
    except Exception as exc:
        raise ModelError(f"{path}: cannot read tokenizer ({exc})") from None
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_tokens)
    return tokenizer


def _threads() -> int:
    raw = os.environ.get("STEWARD_THREADS", "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, os.cpu_count() or 1)


class Encoder:
    """One ONNX sentence encoder with its tokenizer. Construct once; ``embed`` is safe from several threads."""

    def __init__(self, folder: Path, max_tokens: int = MAX_TOKENS, threads: int | None = None) -> None:
        """``threads``: how many texts are embedded at once (default ``STEWARD_THREADS`` or every core)."""
        try:
            import onnxruntime as ort
            import tokenizers  # noqa: F401 - checked here so a missing one reads as this error
        except ImportError as exc:  # pragma: no cover - both are runtime dependencies
            raise ModelError(f"the accurate tier needs onnxruntime and tokenizers ({exc})") from None
        model, vocab = folder / "model.onnx", folder / "tokenizer.json"
        for path in (model, vocab):
            if not path.is_file():
                raise ModelError(f"{path}: missing; rebuild with `make models`")
        self._tokenizer = load_tokenizer(vocab, max_tokens)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one thread per text; texts side by side instead (see above)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        except Exception as exc:
            raise ModelError(f"{model}: cannot load ONNX model ({exc})") from None
        outputs = self._session.get_outputs()
        self.dim = int(outputs[0].shape[-1])
        self.folder = folder
        self.threads = threads or _threads()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            with self._pool_lock:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="steward-encoder")
        return self._pool

    def submit(self, work: Callable[[str], T], text: str) -> Future[T]:
        """Run ``work(text)`` (typically something that calls ``embed_one``) on the encoder's pool."""
        return self._executor().submit(work, text)

    def _run(self, texts: Sequence[str]) -> Matrix:
        ids, mask = padded_ids(self._tokenizer, texts)
        out: Any = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return np.asarray(out, dtype=np.float32)

    def embed(self, texts: Sequence[str]) -> Matrix:
        """Unit-length embeddings, one row per text, in the order given (empty texts embed like ``[CLS][SEP]``)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        alone = len(texts) < 2 or self.threads < 2  # no pool for one text (or one thread)
        for row, vector in enumerate(
            map(self.embed_one, texts) if alone else self._executor().map(self.embed_one, texts)
        ):
            out[row] = vector
        return out

    def embed_one(self, text: str) -> Matrix:
        """The embedding of one text, shape (dim,)."""
        out: Matrix = self._run([text])[0]
        return out


_lock = threading.Lock()
_encoders: dict[Path, Encoder] = {}


def shared_encoder(folder: Path) -> Encoder:
    """The encoder in ``folder``, built on first use and shared afterwards (thread-safe)."""
    found = _encoders.get(folder)
    if found is None:
        with _lock:
            found = _encoders.get(folder)
            if found is None:
                found = _encoders[folder] = Encoder(folder)
    return found
