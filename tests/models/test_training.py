"""Training end to end on a tiny sample: artifacts, manifest, parity and loading."""

from __future__ import annotations

import json
from pathlib import Path

from training.train import main

from steward.models import load_bundle


def test_training_end_to_end_on_a_tiny_sample(tmp_path: Path) -> None:
    assert main(["--limit", "200", "--no-baseline", "--no-fairness", "--out", str(tmp_path)]) == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["models"]) == {"offensive_lr", "hate_lr", "spam_lr"}
    assert manifest["seed"] == 13 and manifest["libraries"]["scikit-learn"]
    assert any(k.startswith("tweeteval-offensive/") for k in manifest["data"])
    for name, entry in manifest["models"].items():
        assert entry["parity_max_abs_diff"] < 1e-6
        assert entry["results"][0]["ours"]["n"] == entry["n_test"] > 0
        assert (tmp_path / "cards" / f"{name}.md").read_text(encoding="utf-8").startswith(f"# Model card: `{name}`")
    bundle = load_bundle(tmp_path)
    assert all(0.0 <= p <= 1.0 for p in bundle.probabilities("free prize, text WIN now"))
    assert not [p for p in tmp_path.rglob("*") if p.suffix in {".pkl", ".pickle", ".joblib"}]
