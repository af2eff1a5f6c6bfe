"""Fit one calibrated model with scikit-learn and convert it to Steward's plain-array format.

Method: TF-IDF of word 1-2-grams and character 2-5-grams (``steward.models.features``, after ``normalise``),
each block l2-normalised with binary term frequency and pruned to n-grams in at least ``MIN_DF`` training
texts; logistic regression with balanced class weights, its C chosen by average precision on the validation
part; Platt scaling (``CalibratedClassifierCV(method="sigmoid")`` on the frozen regression) fitted on the same
validation part, so 0.5 means "as likely as not".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import FeatureUnion, Pipeline

from steward.models.features import char_grams, prepare, word_grams
from steward.models.linear import BLOCKS, LinearModel
from training.data import TaskData

MIN_DF = 2
C_GRID = (0.3, 1.0, 3.0)
MAX_ITER = 3000


def _word_analyser(text: str) -> list[str]:
    return word_grams(prepare(text))


def _char_analyser(text: str) -> list[str]:
    return char_grams(prepare(text))


def vectoriser(min_df: int = MIN_DF) -> FeatureUnion:
    def tfidf(analyser: Any) -> TfidfVectorizer:
        return TfidfVectorizer(analyzer=analyser, min_df=min_df, binary=True, dtype=np.float64)

    return FeatureUnion([("word", tfidf(_word_analyser)), ("char", tfidf(_char_analyser))])


@dataclass
class Fitted:
    """The scikit-learn pipeline (vectoriser + calibrated regression) and what the search saw."""

    pipeline: Pipeline
    c: float
    search: dict[str, float]

    def predict(self, texts: Sequence[str]) -> Any:
        return self.pipeline.predict_proba(list(texts))[:, 1]


def fit_task(data: TaskData, seed: int, c_grid: Sequence[float] = C_GRID, min_df: int = MIN_DF) -> Fitted:
    min_df = min(min_df, max(1, len(data.train) // 50))  # tiny samples (tests) keep a usable vocabulary
    features = vectoriser(min_df)
    x_train = features.fit_transform(data.train.texts)
    x_val = features.transform(data.val.texts)
    y_train, y_val = np.array(data.train.labels), np.array(data.val.labels)
    search: dict[str, float] = {}
    best: tuple[float, float, LogisticRegression] | None = None
    for c in c_grid:
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=MAX_ITER, random_state=seed)
        lr.fit(x_train, y_train)
        ap = float(average_precision_score(y_val, lr.decision_function(x_val)))
        search[f"C={c:g}"] = round(ap, 5)
        if best is None or ap > best[0]:
            best = (ap, c, lr)
    assert best is not None
    calibrated = CalibratedClassifierCV(FrozenEstimator(best[2]), method="sigmoid").fit(x_val, y_val)
    return Fitted(Pipeline([("features", features), ("model", calibrated)]), best[1], search)


def export(fitted: Fitted, meta: dict[str, Any]) -> LinearModel:
    """The plain-array form of a fitted pipeline (vocabulary in column order, idf, coefficients, Platt a/b)."""
    features: FeatureUnion = fitted.pipeline.named_steps["features"]
    calibrated: CalibratedClassifierCV = fitted.pipeline.named_steps["model"]
    inner = calibrated.calibrated_classifiers_[0]
    lr: LogisticRegression = inner.estimator.estimator
    sigmoid = inner.calibrators[0]
    vocab: dict[str, tuple[str, ...]] = {}
    idf: dict[str, Any] = {}
    coef: dict[str, Any] = {}
    offset = 0
    weights = lr.coef_[0]
    for block in BLOCKS:
        vec: TfidfVectorizer = features.get_params()[block]
        order = sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])
        grams = tuple(g for g, _ in order)
        if any("\n" in g for g in grams):
            raise ValueError("an n-gram contains a newline; the vocabulary format cannot hold it")
        vocab[block] = grams
        idf[block] = np.asarray(vec.idf_, dtype=np.float64)
        coef[block] = np.asarray(weights[offset : offset + len(grams)], dtype=np.float64)
        offset += len(grams)
    if offset != weights.shape[0]:
        raise ValueError(f"{offset} features in the vocabularies but {weights.shape[0]} coefficients")
    return LinearModel(
        meta=meta,
        vocab=vocab,
        idf=idf,
        coef=coef,
        intercept=float(lr.intercept_[0]),
        platt=(float(sigmoid.a_), float(sigmoid.b_)),
    )
