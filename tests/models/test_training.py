"""Training end to end on a tiny sample: artifacts, manifest, parity and loading, for both learned tiers (the
accurate tier fine-tunes MiniLM for one epoch on a few dozen rows, exports and quantises it, then calibrates
and scores it through the same run-time code that ships)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from training.train import main

from steward.content import ContentItem
from steward.detectors.base import AssessContext
from steward.models import EncoderDetector, load_accurate, load_bundle
from steward.models.accurate import EXTRA_HEADS
from steward.models.heads import load_heads
from steward.models.relevance import similarity_encoder


def encoder_heads_written_files(manifest: dict[str, Any]) -> dict[str, str]:
    files: dict[str, str] = manifest["models"]["encoder"]["heads"]["spam"]["written"]["files"]
    return files


def test_training_end_to_end_on_a_tiny_sample(tmp_path: Path) -> None:
    args = ["--limit", "40", "--epochs", "1", "--no-baseline", "--no-fairness", "--out", str(tmp_path)]
    assert main(args) == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["models"]) == {
        "offensive_lr",
        "hate_lr",
        "spam_lr",
        "encoder",
        "similarity",
        *EXTRA_HEADS,  # the written heads, each its own manifest entry
    }
    blind_sets = {
        "urgent-test",
        "page-mix-test",
        "heldout-comments",
        "complaint-comments",
        "safeguarding-test-2",
        "threat-test",
        "extremism-test",
        "hate-test",
        "recovery-test",
        "hyperbole-test",
    }
    self_harm = manifest["models"].pop("self_harm")
    assert set(self_harm["files"]) == {"self_harm.npz"} and self_harm["cv"]["rows"] == 560  # 40 from each file
    assert 0.0 <= self_harm["cv"]["roc_auc"] <= 1.0 and 0.0 <= self_harm["bias"]["fpr_review"] <= 1.0
    assert set(self_harm["data"]) == {
        "bench/data/safeguarding-dev.jsonl",
        "examples/demo-comments.jsonl",
        "bench/data/criticism-comments.jsonl",
        "bench/data/safeguarding-comments.jsonl",
        "bench/data/complaint-dev-a.jsonl",
        "bench/data/complaint-dev-b.jsonl",
        "bench/data/safeguarding-train-1.jsonl",
        "bench/data/safeguarding-train-2.jsonl",
        "bench/data/safeguarding-train-3.jsonl",
        # read by the head, not the encoder's task (``head_data``)
        "bench/data/recovery-dev-a.jsonl",
        "bench/data/recovery-dev-b.jsonl",
        # written to need nothing (``training.written.ALLOWED_NEGATIVES``), negatives only
        "bench/data/urgent-negatives.jsonl",
        "bench/data/distress-negatives.jsonl",
        "bench/data/violence-negatives.jsonl",
    }
    assert "bench/data/safeguarding-test-2.jsonl" not in self_harm["data"]  # the blind set is never trained on
    distress = manifest["models"].pop("distress")
    recovery = {"bench/data/recovery-dev-a.jsonl", "bench/data/recovery-dev-b.jsonl"}  # the crisis head's alone
    assert set(distress["files"]) == {"distress.npz"} and set(self_harm["data"]) - recovery < set(distress["data"])
    assert {"bench/data/distress-train-1.jsonl", "bench/data/distress-train-2.jsonl"} <= set(distress["data"])
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(distress["data"])
    # every self-harm label is positive for it, review as well as escalate: more positives than the crisis head
    assert distress["cv"]["positives"] > self_harm["cv"]["positives"] and 0.0 <= distress["bias"]["fpr_review"] <= 1
    complaint = manifest["models"].pop("complaint")
    assert set(complaint["files"]) == {"complaint.npz"} and complaint["cv"]["rows"] == 280  # 40 from each file
    assert 0 < complaint["cv"]["positives"] < 280 and 0.0 <= complaint["bias"]["fpr_redirect"] <= 1.0
    assert "bench/data/complaint-comments.jsonl" not in complaint["data"]  # the blind set is never trained on
    assert "bench/data/heldout-comments.jsonl" not in complaint["data"]
    assert "bench/data/page-mix-test.jsonl" not in complaint["data"]
    urgent = manifest["models"].pop("urgent_medical")
    assert set(urgent["files"]) == {"urgent_medical.npz"} and urgent["cv"]["rows"] == 560  # 40 from each file
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(urgent["data"])
    # every written file's ordinary comments, read by the head alone (``Recipe.head_allowed_files``) and hashed
    assert {"bench/data/hyperbole-dev.jsonl", "bench/data/threat-train.jsonl"} <= set(urgent["data"])
    assert "bench/data/offtopic-dev.jsonl" not in urgent["data"] and urgent["cv"]["ordinary_rows"] > 0
    threat = manifest["models"].pop("threat")
    assert set(threat["files"]) == {"threat.npz"} and "bench/data/threat-train.jsonl" in threat["data"]
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(threat["data"])
    extremism = manifest["models"].pop("extremism")
    assert set(extremism["files"]) == {"extremism.npz"} and "bench/data/extremism-train.jsonl" in extremism["data"]
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(extremism["data"])
    assert "bench/data/naming-groups-train.jsonl" in extremism["data"]  # its negative file is hashed too
    for key in ("self_harm", "distress", "complaint", "urgent_medical", "threat", "extremism"):
        card = (tmp_path / "cards" / f"{key}.md").read_text(encoding="utf-8")
        assert card.startswith(f"# Model card: `{key}` head") and "## Bias" in card
    spam_lr = manifest["models"]["spam_lr"]
    assert "written-nhs" in spam_lr["sources"] and 0 < spam_lr["written_rows"] < spam_lr["n_train"]
    assert spam_lr["written_files"] == encoder_heads_written_files(manifest)  # one provenance for both models
    assert all(len(digest) == 64 for digest in spam_lr["written_files"].values())
    assert "written NHS-page comments" in (tmp_path / "cards" / "spam_lr.md").read_text(encoding="utf-8")
    assert "written-nhs" not in manifest["models"]["offensive_lr"]["sources"]
    encoder = manifest["models"].pop("encoder")
    similarity = manifest["models"].pop("similarity")
    assert set(encoder["files"]) == {"model.onnx", "tokenizer.json", "heads.npz"}
    assert set(similarity["files"]) == {"model.onnx", "tokenizer.json"}
    assert encoder["bytes"] + similarity["bytes"] < 60_000_000  # with the fast tier: under the 60 MB budget
    assert set(encoder["heads"]) == {"offensive", "hate", "spam"}
    # the spam head is refitted on written NHS-page comments (40 from each file here), never on a blind set
    written = encoder["heads"]["spam"]["written"]
    assert "bench/data/commercial-train.jsonl" in written["files"] and written["rows"] == 40 * len(written["files"])
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(written["files"])
    assert 0 < written["positives"] < written["rows"] and written["C"] > 0
    assert sum(written["out_of_fold_at_0.5"].values()) >= sum(written["out_of_fold_at_0.6"].values())
    assert "offensive" in encoder["heads"] and "written" not in encoder["heads"]["offensive"]
    # the hate task also learns written comments while fine-tuning (40 from each file here), never a blind set
    extra = encoder["heads"]["hate"]["finetune_written"]
    assert {"bench/data/hate-train.jsonl", "bench/data/naming-groups-train-2.jsonl"} <= set(extra["files"])
    assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(extra["files"])
    assert "examples/demo-comments.jsonl" not in extra["files"]  # its hate comments check the head
    assert extra["rows"] == 40 * len(extra["files"]) and 0 < extra["positives"] < extra["rows"]
    assert encoder["heads"]["hate"]["n_train"] > extra["rows"]
    assert [h for h, e in encoder["heads"].items() if "finetune_written" in e] == ["hate"]
    # four written heads' examples are tasks of the fine-tune too (their fine-tuned heads dropped), never blind sets
    assert set(encoder["written_tasks"]) == {"self_harm", "distress", "threat", "extremism"}
    for key, task in encoder["written_tasks"].items():
        assert task["rows"] == 40 * len(task["files"]) and 0 < task["positives"] < task["rows"]
        assert not {f"bench/data/{name}.jsonl" for name in blind_sets} & set(task["files"])
        assert "The encoder also learned these examples" in (tmp_path / "cards" / f"{key}.md").read_text("utf-8")
    assert "The encoder also learned" not in (tmp_path / "cards" / "complaint.md").read_text("utf-8")
    assert len(load_heads(tmp_path / "encoder" / "heads.npz").names) == 3  # offensive, hate, spam
    for head in encoder["heads"].values():
        assert head["results"][0]["set"] == "held-back test" and head["results"][0]["ours"]["n"] == head["n_test"]
    minilm_card = (tmp_path / "cards" / "minilm.md").read_text(encoding="utf-8")
    assert minilm_card.startswith("# Model card: `minilm`") and "head `spam` was refitted" in minilm_card
    assert "one task for each of these written heads" in minilm_card
    assert "also learned head `hate`'s task from" in minilm_card
    models = load_accurate(tmp_path / "encoder")  # the hashes in the new manifest match the new files
    det = EncoderDetector(min_score=0.0, models=models)
    findings = det.detect(ContentItem(id="1", text="free prize, text WIN now"), AssessContext())
    assert {f.category for f in findings} == {
        "abuse",
        "hate",
        "commercial",
        "self_harm",
        "complaint",
        "urgent_medical",
        "threat",
        "extremism",
    }
    assert "distress_encoder" in {f.kind for f in findings}  # a second self_harm head, told apart by its kind
    assert similarity_encoder(tmp_path / "similarity").embed_one("hello").shape == (384,)
    assert manifest["seed"] == 13 and manifest["libraries"]["scikit-learn"]
    assert any(k.startswith("tweeteval-offensive/") for k in manifest["data"])
    assert manifest["libraries"]["torch"] == "2.13.0+cpu" and manifest["libraries"]["onnxruntime"]
    for name, entry in manifest["models"].items():
        assert entry["parity_max_abs_diff"] < 1e-6
        assert entry["results"][0]["ours"]["n"] == entry["n_test"] > 0
        assert (tmp_path / "cards" / f"{name}.md").read_text(encoding="utf-8").startswith(f"# Model card: `{name}`")
    bundle = load_bundle(tmp_path)
    assert all(0.0 <= p <= 1.0 for p in bundle.probabilities("free prize, text WIN now"))
    assert not [p for p in tmp_path.rglob("*") if p.suffix in {".pkl", ".pickle", ".joblib"}]
