"""A strict check of one `steward scan` output object against the contract in TAXONOMY.md."""

from __future__ import annotations

from typing import Any

from steward.content import Action, Category

CATEGORIES = {c.value for c in Category}
ACTIONS = {a.value for a in Action}


def check_contract(obj: Any, text_len: int | None = None) -> None:
    assert isinstance(obj, dict), obj
    assert isinstance(obj["id"], str) and obj["id"]
    assert obj["action"] in ACTIONS
    assert isinstance(obj["categories"], list) and set(obj["categories"]) <= CATEGORIES
    scores = obj["scores"]
    assert isinstance(scores, dict) and scores, "a score for every category the detectors can produce"
    assert set(scores) <= CATEGORIES
    assert all(isinstance(v, int | float) and 0.0 <= v <= 1.0 for v in scores.values())
    for cat in obj["categories"]:
        assert scores[cat] > 0
    for clause in obj["clauses"]:
        assert isinstance(clause["policy"], str) and clause["policy"]
        assert isinstance(clause["id"], str) and clause["id"]
        assert isinstance(clause["text"], str) and clause["text"]
    for f in obj["findings"]:
        assert f["category"] in CATEGORIES
        assert isinstance(f["kind"], str) and f["kind"]
        assert isinstance(f["start"], int) and isinstance(f["end"], int) and 0 <= f["start"] <= f["end"]
        if text_len is not None and f.get("field", "text") == "text":
            assert f["end"] <= text_len
        assert 0.0 <= f["score"] <= 1.0
        assert "@" in f["detector"]
        assert isinstance(f["explanation"], str) and f["explanation"]
        if "fix" in f:  # optional (staff drafts): a suggested fix in plain English
            assert isinstance(f["fix"], str) and f["fix"]
        assert f.get("field", "text") in {"text", "author", "profile", "media"}
    assert isinstance(obj["rationale"], str) and obj["rationale"]
    assert set(obj["policy"]) == {"id", "version"}
