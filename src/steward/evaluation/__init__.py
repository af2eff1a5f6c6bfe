"""The evaluation harness behind `steward eval`: labelled data sets, metrics, fairness and reports.

Importable without the ``eval`` extra; the functions that need scikit-learn, matplotlib or the baseline import
them when called and say how to install them (``pip install -e '.[eval]'``).
"""

from steward.evaluation.datasets import DATASETS, LabelledExample, load_dataset
from steward.evaluation.deps import MissingExtra
from steward.evaluation.fairness import FairnessReport, GroupResult, fairness_report
from steward.evaluation.generic import LabelMap, load_generic
from steward.evaluation.metrics import BinaryMetrics, binary_metrics
from steward.evaluation.perturb import PERTURBATIONS, Perturbation, perturb_examples
from steward.evaluation.robustness import RobustnessReport, RobustnessRow, f1_drop, robustness
from steward.evaluation.runner import EvalResult, TaskResult, evaluate, get_baseline
from steward.evaluation.scoring import TIER_CHOICES, TIER_SYSTEMS, tiers_for
from steward.evaluation.sources import Selection, select

__all__ = [
    "DATASETS",
    "PERTURBATIONS",
    "TIER_CHOICES",
    "TIER_SYSTEMS",
    "BinaryMetrics",
    "EvalResult",
    "FairnessReport",
    "GroupResult",
    "LabelMap",
    "LabelledExample",
    "MissingExtra",
    "Perturbation",
    "RobustnessReport",
    "RobustnessRow",
    "Selection",
    "TaskResult",
    "binary_metrics",
    "evaluate",
    "f1_drop",
    "fairness_report",
    "get_baseline",
    "load_dataset",
    "load_generic",
    "perturb_examples",
    "robustness",
    "select",
    "tiers_for",
]
