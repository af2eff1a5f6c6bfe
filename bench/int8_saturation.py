"""Would a CPU without VNNI embed comments differently? Emulates both of onnxruntime's x86 paths for the int8
encoders' ``MatMulInteger`` (uint8 activations x int8 weights) in numpy, through onnx's reference evaluator:

- *VNNI* (``vpdpbusd``): every product summed exactly in 32 bits;
- *AVX2* (``vpmaddubsw``, CPUs without VNNI): each pair of adjacent products summed in 16 bits, saturating at
  ±32,767, then the pairs summed in 32 bits.

    .venv/bin/python bench/int8_saturation.py [--model src/steward/models/encoder] [--texts 40]

Reports, over the first ``--texts`` TweetEval offensive val tweets (folded as at run time), the share of pair
sums that saturate and how far apart the two paths' embeddings are (cosine, largest difference). With weights
in 7 bits (``reduce_range``, ``training/finetune.py``) no pair can saturate and the two paths agree exactly.
The emulator is not onnxruntime (its float steps differ slightly), so compare its two paths with each other,
not with the runtime. Slow (numpy, one text at a time); never used as a test. Results go into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from onnx.reference import ReferenceEvaluator
from onnx.reference.op_run import OpRun

from steward.models.encoder import load_tokenizer, padded_ids
from steward.models.features import prepare
from steward.models.store import MODELS_DIR

ROOT = Path(__file__).resolve().parents[1]
TWEETS = ROOT.parent / "shared" / "datasets" / "tweeteval-offensive" / "val_text.txt"
SATURATE = {"on": False}
COUNTS = {"pairs": 0, "saturated": 0}


class MatMulInteger(OpRun):  # type: ignore[misc]
    op_domain = ""

    def _run(self, a: Any, b: Any, a_zero_point: Any = None, b_zero_point: Any = None) -> tuple[Any]:
        a64, b64 = a.astype(np.int64), b.astype(np.int64)
        zero = np.int64(a_zero_point) if a_zero_point is not None else np.int64(0)
        if b_zero_point is not None and np.any(b_zero_point != 0):
            raise ValueError("weights with a zero point are not emulated")
        if not SATURATE["on"]:
            return (((a64 - zero) @ b64).astype(np.int32),)
        rows = a64.reshape(-1, a64.shape[-1])
        products = rows[:, :, None] * b64[None, :, :]
        pairs = products[:, 0::2, :] + products[:, 1::2, :]
        clipped = np.clip(pairs, -32768, 32767)
        COUNTS["pairs"] += pairs.size
        COUNTS["saturated"] += int((clipped != pairs).sum())
        sums = clipped.sum(axis=1) - zero * b64.sum(axis=0)[None, :]  # the zero point is corrected afterwards
        return (sums.reshape(*a64.shape[:-1], b64.shape[1]).astype(np.int32),)


class DequantizeLinear(OpRun):  # type: ignore[misc]  # the reference's own has no opset-17 version
    op_domain = ""

    def _run(
        self, x: Any, scale: Any, zero: Any = None, axis: Any = None, block_size: Any = None, output_dtype: Any = None
    ) -> tuple[Any]:
        x = x.astype(np.float32)
        zero = np.zeros_like(scale) if zero is None else zero.astype(np.float32)
        if np.ndim(scale) == 1 and x.ndim > 1:
            shape = [1] * x.ndim
            shape[1 if axis is None else axis] = -1
            scale, zero = scale.reshape(shape), zero.reshape(shape)
        return (((x - zero) * scale).astype(np.float32),)


class GatherElements(OpRun):  # type: ignore[misc]  # the reference's own does not broadcast
    op_domain = ""

    def _run(self, data: Any, indices: Any, axis: Any = None) -> tuple[Any]:
        axis = 0 if axis is None else axis
        indices = np.where(indices < 0, indices + data.shape[axis], indices)
        return (np.take_along_axis(data, indices, axis=axis),)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=MODELS_DIR / "encoder")
    ap.add_argument("--texts", type=int, default=40)
    args = ap.parse_args()
    tokenizer = load_tokenizer(args.model / "tokenizer.json")
    evaluator = ReferenceEvaluator(
        str(args.model / "model.onnx"), new_ops=[MatMulInteger, DequantizeLinear, GatherElements]
    )
    texts = TWEETS.read_text(encoding="utf-8").splitlines()[: args.texts]
    cosines, gaps = [], []
    for text in texts:
        ids, mask = padded_ids(tokenizer, [prepare(text)])
        feeds = {"input_ids": ids, "attention_mask": mask}
        SATURATE["on"] = False
        exact = evaluator.run(None, feeds)[0][0]
        SATURATE["on"] = True
        saturated = evaluator.run(None, feeds)[0][0]
        cosines.append(float(exact @ saturated / np.linalg.norm(exact) / np.linalg.norm(saturated)))
        gaps.append(float(np.abs(exact - saturated).max()))
    print(
        json.dumps(
            {
                "model": str(args.model),
                "texts": len(texts),
                "saturated_pair_share": COUNTS["saturated"] / max(COUNTS["pairs"], 1),
                "cosine_min": round(min(cosines), 4),
                "cosine_mean": round(float(np.mean(cosines)), 4),
                "largest_difference": round(max(gaps), 4),
                "texts_that_differ": sum(g > 0 for g in gaps),
            }
        )
    )


if __name__ == "__main__":
    main()
