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
import dataclasses
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
from training.data import ROOT as ROOT  # the repository root, which the recipes name their files from
from training.data import labelled_rows, written_hashes

C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
SEED = 20261206
#: Rows of bias-madlibs read for the bias check (every n-th row).
MADLIBS_ROWS = 4000


#: How every written head is fitted (``fit``), as the manifest and the cards say it.
METHOD = "logistic regression on the fine-tuned encoder's embedding, C by 5-fold CV, Platt on out-of-fold"


@dataclass(frozen=True)
class Recipe:
    """How one head is built: its manifest key (also its category unless ``category`` is given), version,
    training files and which rows are positive, the bias check's thresholds and its model card."""

    key: str
    version: str
    data: tuple[Path, ...]
    #: Whether a record's ``expected`` ({"categories": [...], "action": ...}) makes it a positive example.
    positive: Callable[[dict[str, Any]], bool]
    #: The bias check's two thresholds, each with the name its numbers are recorded under (``fpr_<name>``):
    #: the lower one also gets per-group rates and the gap between groups.
    low: tuple[str, float]
    high: tuple[str, float]
    #: The model card from the manifest entry.
    card: Callable[[dict[str, Any]], str]
    #: The category its findings report, when it is not the key (a second head of one category, told apart by
    #: its findings' kind, ``<key>_encoder``, which a rule can ask for with ``when.finding_kinds``).
    category: str | None = None
    #: Texts added as negatives beyond the recipe's files (given a quick run's ``limit``, or None for all).
    negatives: Callable[[int | None], list[str]] | None = None
    #: Written files every row of which is a negative for this head alone, whatever its labels: hashed in the
    #: manifest with ``data``, but not among the files the spam models learn (``training.data.written_comments``).
    negative_files: tuple[Path, ...] = ()
    #: Negative files, as ``negative_files``, that the head reads but the encoder's task for it does not
    #: (``ENCODER_TASKS``): added to the head after the shipped encoder was trained, so that ``make models``
    #: still trains the same encoder. Hashed in the manifest with the others.
    head_negative_files: tuple[Path, ...] = ()
    #: Labelled files, read as ``data`` is (positives by ``positive``), that the head reads but the encoder's task
    #: for it does not: added after the shipped encoder was trained, so that ``make models`` still trains the
    #: same encoder. Hashed in the manifest with the others.
    head_data: tuple[Path, ...] = ()
    #: Labelled files of which the head reads only the rows labelled ``allow`` (nothing to act on), as negatives,
    #: beside its own files (a file already among them is not read twice): ordinary comments from every other
    #: written set. Read by the head only, not by the encoder's task for it.
    head_allowed_files: tuple[Path, ...] = ()

    @property
    def allowed_files_read(self) -> tuple[Path, ...]:
        """``head_allowed_files`` without the files the head already reads whole."""
        own = set(self.data + self.head_data + self.negative_files_read)
        return tuple(p for p in self.head_allowed_files if p not in own)

    @property
    def negative_files_read(self) -> tuple[Path, ...]:
        """Every file this head reads as negatives only: ``negative_files`` then ``head_negative_files``."""
        return self.negative_files + self.head_negative_files

    @property
    def files(self) -> tuple[Path, ...]:
        """Every written file this head reads, labelled first (``data``): what the manifest hashes."""
        return self.data + self.head_data + self.negative_files_read + self.allowed_files_read

    @property
    def file(self) -> str:
        return f"{self.key}.npz"

    @property
    def spec(self) -> HeadSpec:
        """The head as the accurate tier loads it: named for its key, findings of kind ``<key>_encoder``."""
        return HeadSpec(self.key, self.category or self.key, f"{self.key}_encoder", None)


def render_card(
    recipe: Recipe, entry: dict[str, Any], *, module: str, data: str, blind: str, failures: str, subject: str
) -> str:
    """A head's model card: the recipe's own paragraphs (``data``, ``blind``, ``failures``, Markdown) in the
    frame every written head shares (method, out-of-fold metrics, bias check), numbers from its manifest entry.
    ``subject`` says what bias-madlibs sentences are not ("none about self-harm")."""
    cv, bias = entry["cv"], entry["bias"]
    (low_name, low), (high_name, high) = recipe.low, recipe.high
    worst = sorted(bias[f"fpr_{low_name}_by_group"].items(), key=lambda kv: -kv[1])[:3]
    return f"""# Model card: `{recipe.key}` head (accurate tier)

Generated by `python -m training.{module}` (also run by `make models`). Version {entry["version"]}, seed
{entry["seed"]}.

## Data and licence

{data.strip()}{_allowed_negatives_note(recipe)} {cv["positives"]} of {cv["rows"]} are positive. The shared data sets
hold no such labels.{_pool_note(recipe, cv)}

## Method

{entry["method"]}. C = {cv["C"]}. One more row beside the fine-tuned heads, in `encoder/{recipe.file}`: it reads
the embedding the accurate tier already computes, so it costs one dot product a comment.{_learned_by_encoder(recipe)}

## Metrics

Out-of-fold (5-fold cross-validation on the training examples; each score from a model that never saw the row):
ROC-AUC {cv["roc_auc"]}, log loss {cv["log_loss"]}; at 0.5: precision {cv["precision_at_0.5"]}, recall
{cv["recall_at_0.5"]}; at {high}, the pack's threshold: precision {cv[f"precision_at_{high}"]}, recall
{cv[f"recall_at_{high}"]}.

Blind-set numbers below are as measured when the version they name was added, on that day's encoder; every look
since, including after each rebuild of the encoder, is recorded in `bench/data/README.md`.

{blind.strip()}

## Known failure modes

{failures.strip()}
- Trained on {cv["rows"]} written comments from a handful of authors (helper sessions writing to briefs, and the
  demo set's): it knows their style best. Measure on new blind sets.

## Bias

bias-madlibs ({bias["rows"]} sentences that name a group, {subject}): at or above {low}
{bias[f"fpr_{low_name}"]:.2%}, at or above {high} ({high_name}) {bias[f"fpr_{high_name}"]:.2%}; largest gap
between identity terms at {low} {bias[f"fpr_{low_name}_gap"]:.2%} (highest:
{", ".join(f"{g} {v:.1%}" for g, v in worst)}).
"""


#: The seed of the shared sets' split (``training.train``'s default), so the tweets of ``inoffensive_negatives``
#: are the offensive model's own training part and never its held-back test part or TweetEval's val split.
SPLIT_SEED = 13


def inoffensive_negatives(limit: int | None) -> list[str]:
    """Texts no head of a harm should fire on, for a recipe whose written examples teach it a shortcut (its
    positives name a person, its other rows rarely do): the neutral identity sentences the fine-tuned heads also
    learn from, and the tweets of the offensive model's training part labelled not offensive (a tweet that
    offends no one threatens no one). ``limit``: a quick run's share."""
    from training.data import identity_sentences

    return identity_sentences()[: limit and 2 * limit] + unlabelled_tweets("offensive", limit)


def group_negatives(limit: int | None) -> list[str]:
    """``inoffensive_negatives`` and the tweets of the hate model's training part labelled not hateful (HatEval:
    immigration and women), for a head whose positives attack or name groups: a comment that merely names a group
    must never be flagged (the extremism head read "They welcome these refugees." at 0.98 without them)."""
    return inoffensive_negatives(limit) + unlabelled_tweets("hate", limit)


def unlabelled_tweets(task: str, limit: int | None) -> list[str]:
    """The tweets of TweetEval ``task``'s (offensive, hate) training part, as its model was split, that are not
    labelled with it; never its held-back test part nor its val split."""
    from training.data import tweeteval_task

    dataset = f"tweeteval-{task}"
    data = tweeteval_task(task, dataset, default_data_dir(), SPLIT_SEED, limit and 10 * limit)
    return [
        t
        for t, y, source in zip(data.train.texts, data.train.labels, data.train.sources, strict=True)
        if y == 0 and source == dataset
    ]


def recipes() -> tuple[Recipe, ...]:
    """Every head learned from written comments, in the order ``make models`` builds them (that of
    ``steward.models.accurate.EXTRA_HEADS``)."""
    from training import complaint, distress, extremism, self_harm, threat, urgent

    return (self_harm.RECIPE, distress.RECIPE, complaint.RECIPE, urgent.RECIPE, threat.RECIPE, extremism.RECIPE)


#: Written heads whose examples the encoder also learns while fine-tuning, each as a task of its own whose
#: fine-tuned head is then dropped (``training.accurate.build``): this head is fitted afterwards, on the new
#: embedding, as every written head is. Without it, a rebuild of the encoder for another reason (minilm 2.2's hate
#: rows) moved these heads' blind recall as far as the rebuild happened to move their features: threats found
#: 53 -> 43 of 95, crisis posts escalated 67 -> 62 of 78 (2026-12-07, ``bench/data/README.md``). Files only, not
#: the recipes' tweets.
ENCODER_TASKS = ("self_harm", "distress", "threat", "extremism")

#: Comments written to need nothing, in the words of what the written heads look for (2026-12-07, each file's
#: section in ``bench/data/README.md``): emergencies past, in hand or hypothetical; recovery, grief, idioms, staff
#: tiredness and ordinary worry near self-harm; violence condemned, reported, joked about or in history. Every row
#: is allowed. Negatives of the heads whose false alarms they were written against (self-harm, distress, threat,
#: extremism, urgent medical need) and, since minilm 2.4, of those heads' tasks in the encoder's fine-tune.
ALLOWED_NEGATIVES = tuple(
    ROOT / "bench" / "data" / f"{name}-negatives.jsonl" for name in ("urgent", "distress", "violence")
)


#: Every written file not kept blind whose rows labelled ``allow`` are ordinary comments on NHS pages (2026-12-07):
#: the threat, extremism and urgent heads read them as negatives (``Recipe.head_allowed_files``). Their own files
#: gave each head a few hundred ordinary comments, mostly in its own words, so it had never seen most of what a page
#: hears: threat 0.86 for "Cleaners at that hospital work so hard and never get any credit", extremism 0.71 for a
#: striker wanted for the staff football match. The self-harm and distress heads do not: with the pool they let two
#: crisis posts of the blind sets go (BENCHMARKS.md). ``bench/data/offtopic-dev.jsonl`` stays out: it measures how
#: often ordinary comments are paged.
ALLOWED_POOL = (
    ROOT / "examples" / "demo-comments.jsonl",
    *(
        ROOT / "bench" / "data" / f"{name}.jsonl"
        for name in (
            "commercial-train",
            "complaint-dev-a",
            "complaint-dev-b",
            "complaint-dev-c",
            "complaint-train-4",
            "criticism-comments",
            "distress-train-1",
            "distress-train-2",
            "extremism-train",
            "extremism-train-2",
            "hate-train",
            "hate-train-2",
            "hate-train-3",
            "hate-train-4",
            "hyperbole-dev",
            "naming-groups-train",
            "naming-groups-train-2",
            "recovery-dev-a",
            "recovery-dev-b",
            "safeguarding-comments",
            "safeguarding-dev",
            "safeguarding-train-1",
            "safeguarding-train-2",
            "safeguarding-train-3",
            "threat-train",
            "threat-train-2",
            "threat-train-3",
            "urgent-train",
            "urgent-train-2",
        )
    ),
    *ALLOWED_NEGATIVES,
)


def _allowed(expected: dict[str, Any]) -> bool:
    """A row written to need nothing."""
    return expected.get("action") == "allow"


def encoder_rows(recipe: Recipe, limit: int | None = None) -> tuple[Recipe, list[str], list[int]]:
    """``recipe`` as the encoder's fine-tune reads it (its files only: no extra negatives such as tweets, no
    head-only files), and its examples."""
    recipe = dataclasses.replace(recipe, negatives=None, head_negative_files=(), head_data=(), head_allowed_files=())
    return (recipe, *examples(recipe, limit))


def encoder_task(key: str, limit: int | None = None) -> tuple[Recipe, list[str], list[int]]:
    """``encoder_rows`` of the written head ``key`` (one of ``ENCODER_TASKS``)."""
    return encoder_rows(next(r for r in recipes() if r.key == key), limit)


def examples(recipe: Recipe, limit: int | None = None) -> tuple[list[str], list[int]]:
    """(texts, labels) of the recipe's files, ``limit`` rows from each (a quick run) or all, then the recipe's
    extra negatives, then the ordinary comments of ``head_allowed_files``."""
    texts, labels, _ = calibrated_examples(recipe, limit)
    return texts, labels


def calibrated_examples(recipe: Recipe, limit: int | None = None) -> tuple[list[str], list[int], list[bool]]:
    """``examples`` with, per row, whether the head is calibrated on it: every row but the ordinary comments of
    ``head_allowed_files``. Those shape the head's direction only: counted in its Platt scaling they would move
    its prior (4,400 more negatives took every calibrated probability down, and with it recall at the pack's
    thresholds: 8 threats of the head's own training files went from escalated to allowed, 2026-12-07)."""
    texts, labels = labelled_rows(recipe.data + recipe.head_data, recipe.positive, limit)
    if recipe.negative_files_read:
        extra_texts, _ = labelled_rows(recipe.negative_files_read, lambda expected: False, limit)
        texts.extend(extra_texts)
        labels.extend([0] * len(extra_texts))
    if recipe.negatives is not None:
        extra = recipe.negatives(limit)
        texts.extend(extra)
        labels.extend([0] * len(extra))
    calibrated = [True] * len(texts)
    if recipe.allowed_files_read:
        pool, allowed = labelled_rows(recipe.allowed_files_read, _allowed, limit)
        seen = set(texts)
        extra_texts = list(dict.fromkeys(t for t, ok in zip(pool, allowed, strict=True) if ok and t not in seen))
        texts.extend(extra_texts)
        labels.extend([0] * len(extra_texts))
        calibrated.extend([False] * len(extra_texts))
    return texts, labels, calibrated


def choose_c(
    x: np.ndarray,
    y: np.ndarray,
    seed: int,
    loss: Callable[[np.ndarray, np.ndarray], float],
    class_weight: str | None = None,
) -> tuple[float, float, np.ndarray]:
    """``(loss, C, oof)`` for the C of ``C_GRID`` whose logistic regression has the lowest ``loss(y, oof)``, where
    ``oof`` holds stratified 5-fold out-of-fold decision values (each from a model that never saw the row); the
    first such C on a tie. Shared by the written heads (``fit``) and the spam head's refit
    (``training.accurate.refit``), which judge the out-of-fold values differently."""
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(x, y))
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        oof = np.zeros(len(y))
        for train, test in folds:
            lr = LogisticRegression(C=c, class_weight=class_weight, max_iter=5000).fit(x[train], y[train])
            oof[test] = lr.decision_function(x[test])
        value = loss(y, oof)
        if best is None or value < best[0]:
            best = (value, c, oof)
    assert best is not None
    return best


def _platt_log_loss(y: np.ndarray, oof: np.ndarray) -> float:
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
    return float(log_loss(y, platt.predict_proba(oof.reshape(-1, 1))[:, 1]))


def fit(
    recipe: Recipe, emb: np.ndarray, labels: list[int], seed: int = SEED, calibrated: list[bool] | None = None
) -> tuple[Heads, dict[str, Any]]:
    """The head and its cross-validated numbers (out-of-fold, so never on rows a model was fitted on). Every row
    trains the regression; only the ``calibrated`` rows (all by default) choose C, fit the Platt scaling and are
    scored, so rows that shape the direction only leave the head's prior, and its numbers, as they were."""
    y_all = np.asarray(labels)
    cal = np.ones(len(y_all), dtype=bool) if calibrated is None else np.asarray(calibrated, dtype=bool)
    loss, c, oof_all = choose_c(
        emb, y_all, seed, lambda y, oof: _platt_log_loss(y[cal], oof[cal]), class_weight="balanced"
    )
    y, oof = y_all[cal], oof_all[cal]
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
    a, b = -float(platt.coef_[0][0]), -float(platt.intercept_[0])
    final = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(emb, y_all)
    p_all = 1.0 / (1.0 + np.exp(a * oof_all + b))
    p = p_all[cal]
    cv: dict[str, Any] = {
        "C": c,
        "log_loss": round(float(loss), 4),
        "roc_auc": round(float(roc_auc_score(y, oof)), 4),
        "rows": len(y),
        "positives": int(y.sum()),
    }
    if not cal.all():  # the ordinary comments that shaped the head: how many, and how many it would still act on
        cv["ordinary_rows"] = int((~cal).sum())
        cv[f"ordinary_at_{recipe.high[1]}"] = int((p_all[~cal] >= recipe.high[1]).sum())
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


def _allowed_negatives_note(recipe: Recipe) -> str:
    if not set(ALLOWED_NEGATIVES) <= set(recipe.negative_files_read):
        return ""
    return (
        " As negatives, since minilm 2.4: `bench/data/urgent-negatives.jsonl`, `distress-negatives.jsonl` and"
        " `violence-negatives.jsonl` (746 comments written to need nothing, in the words of emergencies, distress"
        " and violence; `BENCHMARKS.md` has what they changed on the blind sets)."
    )


def _pool_note(recipe: Recipe, cv: dict[str, Any]) -> str:
    if not recipe.allowed_files_read:
        return ""
    high = recipe.high[1]
    return (
        f"\n\nSince 2026-12-07 the head also reads, as negatives, the {cv['ordinary_rows']} comments labelled allow in"
        f" {len(recipe.allowed_files_read)} other written files (`training.written.ALLOWED_POOL`: ordinary comments"
        " of every author, among them `bench/data/hyperbole-dev.jsonl`, idioms of dying and killing said in fun)."
        " They shape the head's direction only: C, the Platt scaling and the numbers below are from its own rows,"
        " so its prior and its thresholds mean what they meant. Out of fold, it would still act on"
        f" {cv[f'ordinary_at_{high}']} of them at {high}."
    )


def _learned_by_encoder(recipe: Recipe) -> str:
    if recipe.key not in ENCODER_TASKS:
        return ""
    return (
        " The encoder also learned these examples while fine-tuning, as a task of its own (`training.accurate`),"
        " so the out-of-fold numbers below flatter the head: each row was unseen by the head that scored it, but"
        " not by the encoder. The blind sets are the measure."
    )


def build(recipe: Recipe, models: Path, limit: int | None = None, seed: int = SEED) -> dict[str, Any]:
    """Write ``models/encoder/<recipe.file>`` from the encoder in ``models/encoder``; returns its manifest entry."""
    folder = models / "encoder"
    texts, labels, calibrated = calibrated_examples(recipe, limit)
    encoder = Encoder(folder)
    emb = np.vstack([encoder.embed_one(prepare(t)) for t in texts]).astype(np.float64)
    heads, cv = fit(recipe, emb, labels, seed, calibrated)
    heads.save(folder / recipe.file)
    digest = hashlib.sha256((folder / recipe.file).read_bytes()).hexdigest()
    return {
        "files": {recipe.file: digest},
        "folder": "encoder",
        "method": METHOD,
        "data": written_hashes(recipe.files),
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
