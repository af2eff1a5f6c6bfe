"""The accurate tier's self-harm head: a linear head on the fine-tuned encoder's embedding, from written examples.

The shared data sets hold no self-harm labels (their README: "build those detectors from the policy texts,
careful lexicons and your own written examples, and measure them honestly"). The phrase rules plateaued at
recall 0.42 on a blind set (``bench/data/safeguarding-comments.jsonl``) because people say it in too many ways;
a head on the encoder's embedding generalises from meaning. It costs nothing at run time: the accurate tier
already embeds every comment for its other heads.

- **Data** (in this repository): ``bench/data/safeguarding-dev.jsonl`` (120 comments written for development),
  ``examples/demo-comments.jsonl`` (302) and ``bench/data/criticism-comments.jsonl`` (160 angry comments, none a
  crisis); a comment is positive when its expected action is to escalate for ``self_harm``.
  ``bench/data/safeguarding-comments.jsonl`` is the blind test and is never read here.
- **Method**: L2-regularised logistic regression on the embedding of ``prepare(text)`` (as the other heads), C
  chosen by stratified 5-fold cross-validation (log loss) over ``C_GRID``, then Platt scaling fitted on the
  out-of-fold decision values; fixed seed. Written as one more head in the ``heads.npz`` format, in
  ``encoder/self_harm.npz``, loaded beside ``heads.npz``.

``python -m training.self_harm [--models DIR]`` rebuilds it from the encoder already in ``DIR`` (default: the
shipped models) and records it in ``DIR/manifest.json``; ``python -m training.train`` calls it after the
encoder is built. Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
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
DATA = (
    ROOT / "bench" / "data" / "safeguarding-dev.jsonl",
    ROOT / "examples" / "demo-comments.jsonl",
    # angry criticism and complaints with swearing, none of it a crisis: without these the head read frustration
    # ("bollocks to this, I'm going private") as distress and escalated it
    ROOT / "bench" / "data" / "criticism-comments.jsonl",
)
FILE = "self_harm.npz"
VERSION = "1.0"
SPEC = HeadSpec("self_harm", "self_harm", "self_harm_encoder", None)
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
SEED = 20261206


def examples(paths: tuple[Path, ...] = DATA, limit: int | None = None) -> tuple[list[str], list[int]]:
    """(texts, labels): 1 when the expected action is to escalate for self_harm."""
    texts: list[str] = []
    labels: list[int] = []
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows[:limit]:
            want = row.get("expected") or {}
            texts.append(str(row["text"]))
            labels.append(int(want.get("action") == "escalate" and "self_harm" in want.get("categories", [])))
    return texts, labels


def fit(emb: np.ndarray, labels: list[int], seed: int = SEED) -> tuple[Heads, dict[str, Any]]:
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
    precision, recall, f1, _ = precision_recall_fscore_support(y, p >= 0.5, average="binary", zero_division=0)
    heads = Heads(
        VERSION,
        (SPEC,),
        final.coef_.astype(np.float64),
        final.intercept_.astype(np.float64),
        np.zeros(1),
        np.array([[a, b]], dtype=np.float64),
    )
    cv = {
        "C": c,
        "log_loss": round(float(loss), 4),
        "roc_auc": round(float(roc_auc_score(y, oof)), 4),
        "precision_at_0.5": round(float(precision), 4),
        "recall_at_0.5": round(float(recall), 4),
        "f1_at_0.5": round(float(f1), 4),
        "rows": len(y),
        "positives": int(y.sum()),
    }
    return heads, cv


#: Rows of bias-madlibs read for the bias check (every n-th row): sentences that name a group and are never
#: about self-harm, so any flag is a false positive.
MADLIBS_ROWS = 4000
#: The pack's threshold for this head (surrey-heartlands-aus: escalate from 0.6), and a lower one the bias
#: check also reports.
REVIEW, ESCALATE = 0.45, 0.6


def bias_check(encoder: Encoder, heads: Heads, rows: int = MADLIBS_ROWS) -> dict[str, Any]:
    """False-positive rates on bias-madlibs at the pack's thresholds, overall and per identity term."""
    data = load_dataset("bias-madlibs", default_data_dir())
    data = data[:: max(1, len(data) // rows)]
    emb = np.vstack([encoder.embed_one(prepare(r.text)) for r in data])
    p = heads.probabilities(emb)[:, 0]
    groups: dict[str, list[float]] = {}
    for row, score in zip(data, p, strict=True):
        if row.group:
            groups.setdefault(row.group, []).append(float(score))
    per = {g: round(float(np.mean(np.asarray(v) >= REVIEW)), 4) for g, v in sorted(groups.items())}
    return {
        "rows": len(data),
        "fpr_review": round(float(np.mean(p >= REVIEW)), 4),
        "fpr_escalate": round(float(np.mean(p >= ESCALATE)), 4),
        "fpr_review_by_group": per,
        "fpr_review_gap": round(max(per.values()) - min(per.values()), 4) if per else 0.0,
    }


def build(models: Path, limit: int | None = None, seed: int = SEED) -> dict[str, Any]:
    """Write ``models/encoder/self_harm.npz`` from the encoder in ``models/encoder``; returns its manifest entry."""
    folder = models / "encoder"
    texts, labels = examples(limit=limit)
    encoder = Encoder(folder)
    emb = np.vstack([encoder.embed_one(prepare(t)) for t in texts]).astype(np.float64)
    heads, cv = fit(emb, labels, seed)
    heads.save(folder / FILE)
    digest = hashlib.sha256((folder / FILE).read_bytes()).hexdigest()
    return {
        "files": {FILE: digest},
        "folder": "encoder",
        "method": "logistic regression on the fine-tuned encoder's embedding, C by 5-fold CV, Platt on out-of-fold",
        "data": {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA},
        "cv": cv,
        "bias": bias_check(encoder, heads, 200 if limit else MADLIBS_ROWS),
        "seed": seed,
        "version": VERSION,
    }


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/self_harm.md``) from the manifest entry."""
    cv, bias = entry["cv"], entry["bias"]
    worst = sorted(bias["fpr_review_by_group"].items(), key=lambda kv: -kv[1])[:3]
    return f"""# Model card: `self_harm` head (accurate tier)

Generated by `python -m training.self_harm` (also run by `make models`). Version {entry["version"]}, seed
{entry["seed"]}.

## Data and licence

Written examples in this repository, MIT like the project: `bench/data/safeguarding-dev.jsonl` (120 comments
written for development), `examples/demo-comments.jsonl` (302) and `bench/data/criticism-comments.jsonl` (160
angry comments, none a crisis: without them the head read frustration as distress). {cv["positives"]} of
{cv["rows"]} are crisis posts (expected action: escalate for `self_harm`). The shared data sets hold no
self-harm labels. The blind set `bench/data/safeguarding-comments.jsonl` is never read by training.

## Method

{entry["method"]}. C = {cv["C"]}. One more row beside the fine-tuned heads, in `encoder/self_harm.npz`: it reads
the embedding the accurate tier already computes, so it costs one dot product a comment.

## Metrics

Out-of-fold (5-fold cross-validation on the training examples; each score from a model that never saw the row):
ROC-AUC {cv["roc_auc"]}, log loss {cv["log_loss"]}; at 0.5: precision {cv["precision_at_0.5"]}, recall
{cv["recall_at_0.5"]}, F1 {cv["f1_at_0.5"]}. The pack escalates from {ESCALATE} (chosen on these
out-of-fold scores: about 8 in 10 right there) and has no review band for it (see the pack's comment).

Blind sets (`bench/demo_agreement.py FILE --tier accurate`, 2026-12-06, with the phrase rules; see
`bench/data/README.md` for how often each was looked at): safeguarding set `self_harm` recall 0.42 -> 0.63 at
precision 0.86 -> 0.90; older held-out comments 6 -> 10 of 13 crisis posts found, one more legitimate comment
of 142 sent to a person; complaint set unchanged.

## Known failure modes

- Recovery stories told in the past ("the crisis line got me through last year") and health anxiety can score
  high: the head reads meaning, not tense; the phrase rules' past-tense guard does not apply to it.
- Idioms about heat, queues and frustration ("this heat is killing me", "what's the point of booking") and
  angry complaints with swearing can reach 0.45-0.6: below the pack's threshold, but a reason not to act lower.
- Trained on {cv["rows"]} written comments from three authors: it knows their style best. Measure on new blind
  sets.

## Bias

bias-madlibs ({bias["rows"]} sentences that name a group, none about self-harm): at or above {REVIEW}
{bias["fpr_review"]:.2%}, at or above {ESCALATE} (escalated) {bias["fpr_escalate"]:.2%}; largest gap between
identity terms at {REVIEW} {bias["fpr_review_gap"]:.2%} (highest: {", ".join(f"{g} {v:.1%}" for g, v in worst)}).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="models folder (its encoder/ is used)")
    parser.add_argument("--limit", type=int, default=None, help="rows per file (a quick run, e.g. for tests)")
    args = parser.parse_args(argv)
    entry = build(args.models, args.limit)
    manifest_path = args.models / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["models"]["self_harm"] = entry
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")
    (args.models / "cards").mkdir(exist_ok=True)
    (args.models / "cards" / "self_harm.md").write_text(card(entry), "utf-8")
    print(
        f"self_harm head: {json.dumps(entry['cv'])}; bias: {json.dumps(entry['bias']['fpr_review'])}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
