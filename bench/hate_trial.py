"""Can a hate head learn groups beyond HatEval? A linear head on the shipped encoder against a fine-tuned encoder.

The trial head ``training/group_hate.py`` (a linear head on the shipped encoder's embedding) reads "a group is
named" more than "a group is attacked" and is not shipped. This measures whether teaching the encoder itself does
better, on data no blind set is in:

- both models learn ``group_hate``'s files except ``hate-train-2.jsonl``, its negative files, the neutral identity
  sentences and 3,000 TweetEval tweets labelled neither offensive nor hateful;
- both are scored on ``hate-train-2.jsonl`` (260, 130 hateful, written by another author: a check across authors),
  on the demo comments (7 hateful, never trained on) and on sentences that merely name a group.

``linear``: ``training.written.fit``'s method (C 1, balanced, Platt) on the shipped encoder's embeddings. ``finetune``:
all-MiniLM-L6-v2 fine-tuned on the same rows as one task (``training.finetune``, 2 epochs, seed 13; needs torch,
416 steps, 17 minutes alone on 2 cores). Both are compared at the score above which 5% of the other author's
non-hateful comments fall, so calibration does not matter. Run: ``PYTHONPATH=. .venv/bin/python bench/hate_trial.py``.

Measured on minilm 2.1 (``BENCHMARKS.md``). Since minilm 2.2 the shipped encoder has learned these files,
``hate-train-2.jsonl`` included, so ``linear`` rerun on it no longer scores a file its encoder never saw.
"""

from __future__ import annotations

import dataclasses
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from training import group_hate, written
from training.data import identity_sentences, labelled_rows

from steward.models.encoder import Encoder
from steward.models.features import prepare
from steward.models.store import MODELS_DIR

ROOT = Path(__file__).resolve().parents[1]
OTHER_AUTHOR = ROOT / "bench" / "data" / "hate-train-2.jsonl"
DEMO = ROOT / "examples" / "demo-comments.jsonl"
# Written for this measurement: the first ten only name a group, the last four attack one.
PROBES = (
    "They welcome these refugees.",
    "These refugees arrived last week.",
    "They support asylum seekers at the clinic.",
    "These Muslim families donated blood.",
    "Those Polish workers run the night shift.",
    "They came here as refugees and now they are nurses.",
    "Them lot from the mosque brought food for the nurses",
    "Our Jewish neighbours run the food bank.",
    "The Black nurses on ward 3 were brilliant.",
    "Gay couples can use the fertility service.",
    "gay men spread disease, keep the lot of them out of the blood donor clinic for good",
    "Trans people don't need therapy, they need locking up. Mentally ill perverts, the lot of them.",
    "trans people are mentally ill and should be kept well away from the children's ward",
    "those travellers are dirty thieves, lock your car if they're anywhere near the hospital",
)
NAMING_ONLY = 10


def training_rows(seed: int = 0) -> tuple[list[str], list[int]]:
    """The trial recipe's examples without the other author's file, with 3,000 sampled tweets as its extra
    negatives (``written.examples``: the labelled files, then the negative files, then these)."""
    rng = random.Random(seed)
    tweets = rng.sample(written.unlabelled_tweets("offensive", None), 1500)
    tweets += rng.sample(written.unlabelled_tweets("hate", None), 1500)
    recipe = dataclasses.replace(
        group_hate.RECIPE,
        data=tuple(p for p in group_hate.RECIPE.data if p != OTHER_AUTHOR),
        negatives=lambda limit: identity_sentences() + tweets,
    )
    return written.examples(recipe)


def linear(texts: list[str], labels: list[int]) -> Callable[[list[str]], np.ndarray]:
    encoder = Encoder(MODELS_DIR / "encoder")

    def embed(batch: list[str]) -> np.ndarray:
        return np.vstack([encoder.embed_one(prepare(t)) for t in batch]).astype(np.float64)

    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(embed(texts), labels)
    return lambda batch: model.decision_function(embed(batch))


def finetuned(texts: list[str], labels: list[int]) -> Callable[[list[str]], np.ndarray]:
    import torch
    from training.finetune import TaskRows, _batch, base_model_dir, finetune

    from steward.models.encoder import load_tokenizer

    task = TaskRows("group_hate", [prepare(t) for t in texts], labels)
    encoder, weight, bias = finetune([task], seed=13, log=lambda line: print(line, file=sys.stderr))
    tokenizer = load_tokenizer(base_model_dir() / "tokenizer.json", 128)

    def score(batch: list[str]) -> np.ndarray:
        out = []
        for i in range(0, len(batch), 64):
            ids, mask = _batch(tokenizer, [prepare(t) for t in batch[i : i + 64]])
            with torch.no_grad():
                out.append(encoder(ids, mask).numpy() @ weight[0] + bias[0])
        return np.concatenate(out)

    return score


def report(name: str, score: Callable[[list[str]], np.ndarray]) -> dict[str, object]:
    other, other_y = labelled_rows((OTHER_AUTHOR,), group_hate.RECIPE.positive, None)
    demo = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    demo_y = np.array([int("hate" in (r.get("expected") or {}).get("categories", [])) for r in demo])
    s_other, y = score(other), np.array(other_y)
    cut = float(np.quantile(s_other[y == 0], 0.95))
    s_demo, s_probe = score([r["text"] for r in demo]), score(list(PROBES))
    result = {
        "model": name,
        "other_author_roc_auc": round(float(roc_auc_score(y, s_other)), 3),
        "other_author_hateful_at_5pct": f"{int(np.sum((s_other >= cut) & (y == 1)))} of {int(y.sum())}",
        "demo_hateful_at_cut": f"{int(np.sum((s_demo >= cut) & (demo_y == 1)))} of {int(demo_y.sum())}",
        "demo_others_at_cut": f"{int(np.sum((s_demo >= cut) & (demo_y == 0)))} of {int((demo_y == 0).sum())}",
        "naming_only_at_cut": int(np.sum(s_probe[:NAMING_ONLY] >= cut)),
        "attacks_at_cut": int(np.sum(s_probe[NAMING_ONLY:] >= cut)),
        "probes_minus_cut": [round(float(v - cut), 1) for v in s_probe],
    }
    print(json.dumps(result))
    return result


def main() -> int:
    texts, labels = training_rows()
    print(f"{len(texts)} training rows, {sum(labels)} hateful", file=sys.stderr)
    report("linear head on the shipped encoder", linear(texts, labels))
    if "--linear-only" not in sys.argv:
        report("fine-tuned encoder, one task", finetuned(texts, labels))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
