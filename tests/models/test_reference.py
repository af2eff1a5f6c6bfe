"""The accurate tier scores a comment the same on every machine: its heads' probabilities and the off-topic
similarity for fixed texts, against the values recorded when the shipped models were built.

int8 arithmetic can depend on the CPU (``training/finetune.py``: with 8-bit weights a CPU without VNNI saturated
16-bit sums and computed other embeddings; the weights are now 7-bit), and on onnxruntime's kernels, so CI on a
machine unlike the one that built the models, or an onnxruntime upgrade, shows here as a failure rather than as
quietly different decisions. Float kernels still differ between instruction sets in the last bits, hence a
tolerance far below any policy threshold's meaning and far above rounding.

After ``make models``, record the new values (the test says so when the manifest no longer matches):

    .venv/bin/python -m tests.models.test_reference
"""

from __future__ import annotations

import hashlib
import json
import platform
from pathlib import Path
from typing import Any

import pytest

from steward.content import ContentItem
from steward.models.accurate import shipped_accurate
from steward.models.relevance import SemanticOffTopicDetector
from steward.models.store import MODELS_DIR
from tests.models.comments import SAMPLE_COMMENTS

REFERENCE = Path(__file__).parent / "data" / "accurate_reference.json"
#: Probabilities and cosines may move this much between machines; a saturated sum moved embeddings by up to 0.05.
TOLERANCE = 0.005

TEXTS = (
    *SAMPLE_COMMENTS,
    "my chest has been tight for an hour and my left arm is numb, what do I do",
    "I know where the receptionist parks her car. She'll regret it.",
)
PAIRS = (
    ("Selling a sofa, grey, 3-seater, collection only from Woking", "Our flu clinics open on Saturday in Guildford."),
    ("Will there be walk-in slots for the jab?", "Our flu clinics open on Saturday in Guildford."),
    ("Who won the match last night?", "New maternity unit opens at St Peter's Hospital next month."),
)


def manifest_digest() -> str:
    return hashlib.sha256((MODELS_DIR / "manifest.json").read_bytes()).hexdigest()


def measure() -> dict[str, Any]:
    models = shipped_accurate()
    detector = SemanticOffTopicDetector()
    return {
        "manifest_sha256": manifest_digest(),
        "heads": list(models.heads.names),
        "probabilities": [[round(p, 6) for p in models.probabilities(t)] for t in TEXTS],
        "similarity": [
            round(detector.similarity(ContentItem(id=str(i), text=c, post=p)), 6) for i, (c, p) in enumerate(PAIRS)
        ],
    }


def test_scores_match_those_recorded_when_the_models_were_built() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    if reference["manifest_sha256"] != manifest_digest():
        pytest.fail(
            "the shipped models changed since the reference was recorded: "
            "run `.venv/bin/python -m tests.models.test_reference` on the machine that built them"
        )
    now = measure()
    assert now["heads"] == reference["heads"]
    for text, got, want in zip(TEXTS, now["probabilities"], reference["probabilities"], strict=True):
        for head, g, w in zip(now["heads"], got, want, strict=True):
            assert abs(g - w) <= TOLERANCE, (text, head, g, w, reference["recorded_on"])
    for pair, g, w in zip(PAIRS, now["similarity"], reference["similarity"], strict=True):
        assert abs(g - w) <= TOLERANCE, (pair, g, w, reference["recorded_on"])


def test_the_reference_covers_every_head_and_pair() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert len(reference["probabilities"]) == len(TEXTS) and len(reference["similarity"]) == len(PAIRS)
    assert all(len(row) == len(reference["heads"]) for row in reference["probabilities"])
    assert {"offensive", "hate", "spam", "self_harm", "extremism"} <= set(reference["heads"])


def _cpu_flags() -> list[str]:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return []
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return sorted(f for f in flags if "vnni" in f or f in ("avx2", "avx512f"))


if __name__ == "__main__":
    values = measure()
    values["recorded_on"] = " ".join(part for part in (platform.machine(), platform.processor(), *_cpu_flags()) if part)
    REFERENCE.write_text(json.dumps(values, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {REFERENCE}")
