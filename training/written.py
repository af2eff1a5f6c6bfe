"""Heads learned from written examples: a linear head on the fine-tuned encoder's embedding, one per ``Recipe``.

The shared data sets hold no labels for some of the categories Steward must find on NHS pages (self-harm, a
complaint about one's own care). Their README asks for "careful lexicons and your own written examples"; the
phrase rules plateau because people say these things in too many ways, and a head on the encoder's embedding
generalises from meaning. It costs nothing at run time: the accurate tier already embeds every comment for its
other heads.

- **Data**: labelled comments in this repository (``bench/data/*.jsonl``, ``examples/demo-comments.jsonl``), in
  the generic record format with ``expected``; each recipe says which files and which rows are positive. Blind
  test sets are never listed.
- **Method**: L2-regularised logistic regression on the embedding of ``prepare(text)`` (as the other heads),
  classes balanced, C chosen by stratified 5-fold cross-validation (log loss) over ``C_GRID``, then Platt
  scaling fitted on the out-of-fold decision values; fixed seed. Written as one head in the ``heads.npz``
  format, in ``encoder/<file>``, loaded beside ``heads.npz`` (``steward.models.accurate.EXTRA_HEADS``).
- **Bias check**: the rate at which sentences of ``bias-madlibs`` (which name a group and are about nothing
  the head looks for) reach the recipe's two thresholds, overall and per identity term.

Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, precision_recall_fscore_support, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from steward.evaluation.datasets import default_data_dir, load_dataset
from steward.models.encoder import Encoder
from steward.models.features import prepare
from steward.models.heads import Heads, HeadSpec
from steward.models.store import MODELS_DIR

ROOT = Path(__file__).resolve().parents[1]
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
SEED = 20261206
#: Rows of bias-madlibs read for the bias check (every n-th row).
MADLIBS_ROWS = 4000


@dataclass(frozen=True)
class Recipe:
    """How one head is built: its key in the manifest, file, spec, training files and which rows are positive."""

    key: str
    file: str
    version: str
    spec: HeadSpec
    data: tuple[Path, ...]
    #: Whether a record's ``expected`` ({"categories": [...], "action": ...}) makes it a positive example.
    positive: Callable[[dict[str, Any]], bool]
    method: str
    #: The bias check's two thresholds, each with the name its numbers are recorded under (``fpr_<name>``):
    #: the lower one also gets per-group rates and the gap between groups.
    low: tuple[str, float]
    high: tuple[str, float]
    #: The model card from the manifest entry.
    card: Callable[[dict[str, Any]], str]


def examples(recipe: Recipe, limit: int | None = None) -> tuple[list[str], list[int]]:
    """(texts, labels) of the recipe's files, ``limit`` rows from each (a quick run) or all."""
    texts: list[str] = []
    labels: list[int] = []
    for path in recipe.data:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows[:limit]:
            texts.append(str(row["text"]))
            labels.append(int(recipe.positive(row.get("expected") or {})))
    return texts, labels


def fit(recipe: Recipe, emb: np.ndarray, labels: list[int], seed: int = SEED) -> tuple[Heads, dict[str, Any]]:
    """The head and its cross-validated numbers (out-of-fold, so never on rows a model was fitted on)."""
    y = np.asarray(labels)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        oof = np.zeros(len(y))
        for train, test in folds.split(emb, y):
            lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(emb[train], y[train])
            oof[test] = lr.decision_function(emb[test])
        platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
        loss = log_loss(y, platt.predict_proba(oof.reshape(-1, 1))[:, 1])
        if best is None or loss < best[0]:
            best = (loss, c, oof)
    assert best is not None
    loss, c, oof = best
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
    a, b = -float(platt.coef_[0][0]), -float(platt.intercept_[0])
    final = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(emb, y)
    p = 1.0 / (1.0 + np.exp(a * oof + b))
    cv: dict[str, Any] = {
        "C": c,
        "log_loss": round(float(loss), 4),
        "roc_auc": round(float(roc_auc_score(y, oof)), 4),
        "rows": len(y),
        "positives": int(y.sum()),
    }
    for threshold in sorted({0.5, recipe.high[1]}):
        precision, recall, f1, _ = precision_recall_fscore_support(y, p >= threshold, average="binary", zero_division=0)
        cv[f"precision_at_{threshold}"] = round(float(precision), 4)
        cv[f"recall_at_{threshold}"] = round(float(recall), 4)
        cv[f"f1_at_{threshold}"] = round(float(f1), 4)
    heads = Heads(
        recipe.version,
        (recipe.spec,),
        final.coef_.astype(np.float64),
        final.intercept_.astype(np.float64),
        np.zeros(1),
        np.array([[a, b]], dtype=np.float64),
    )
    return heads, cv


def bias_check(recipe: Recipe, encoder: Encoder, heads: Heads, rows: int = MADLIBS_ROWS) -> dict[str, Any]:
    """False-positive rates on bias-madlibs at the recipe's two thresholds, overall and per identity term."""
    data = load_dataset("bias-madlibs", default_data_dir())
    data = data[:: max(1, len(data) // rows)]
    emb = np.vstack([encoder.embed_one(prepare(r.text)) for r in data])
    p = heads.probabilities(emb)[:, 0]
    (low_name, low), (high_name, high) = recipe.low, recipe.high
    groups: dict[str, list[float]] = {}
    for row, score in zip(data, p, strict=True):
        if row.group:
            groups.setdefault(row.group, []).append(float(score))
    per = {g: round(float(np.mean(np.asarray(v) >= low)), 4) for g, v in sorted(groups.items())}
    return {
        "rows": len(data),
        f"fpr_{low_name}": round(float(np.mean(p >= low)), 4),
        f"fpr_{high_name}": round(float(np.mean(p >= high)), 4),
        f"fpr_{low_name}_by_group": per,
        f"fpr_{low_name}_gap": round(max(per.values()) - min(per.values()), 4) if per else 0.0,
    }


def build(recipe: Recipe, models: Path, limit: int | None = None, seed: int = SEED) -> dict[str, Any]:
    """Write ``models/encoder/<recipe.file>`` from the encoder in ``models/encoder``; returns its manifest entry."""
    folder = models / "encoder"
    texts, labels = examples(recipe, limit)
    encoder = Encoder(folder)
    emb = np.vstack([encoder.embed_one(prepare(t)) for t in texts]).astype(np.float64)
    heads, cv = fit(recipe, emb, labels, seed)
    heads.save(folder / recipe.file)
    digest = hashlib.sha256((folder / recipe.file).read_bytes()).hexdigest()
    return {
        "files": {recipe.file: digest},
        "folder": "encoder",
        "method": recipe.method,
        "data": {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in recipe.data},
        "cv": cv,
        "bias": bias_check(recipe, encoder, heads, 200 if limit else MADLIBS_ROWS),
        "seed": seed,
        "version": recipe.version,
    }


def write(recipe: Recipe, models: Path, limit: int | None = None) -> dict[str, Any]:
    """Build the head into ``models``, record it in ``models/manifest.json`` and write its card."""
    entry = build(recipe, models, limit)
    manifest_path = models / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["models"][recipe.key] = entry
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")
    (models / "cards").mkdir(exist_ok=True)
    (models / "cards" / f"{recipe.key}.md").write_text(recipe.card(entry), "utf-8")
    return entry


def main(recipe: Recipe, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"Build the accurate tier's {recipe.key} head from written examples")
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="models folder (its encoder/ is used)")
    parser.add_argument("--limit", type=int, default=None, help="rows per file (a quick run, e.g. for tests)")
    args = parser.parse_args(argv)
    entry = write(recipe, args.models, args.limit)
    low = recipe.low[0]
    print(f"{recipe.key} head: {json.dumps(entry['cv'])}; bias: {entry['bias'][f'fpr_{low}']}", file=sys.stderr)
    return 0
