"""The labelled staff-draft set (issue 6) and `steward eval` on it.

Done when: recall for patient_info is 1.0 on the whole set and no good draft is blocked.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steward.cli.main import app
from steward.content import Action, Direction
from steward.errors import InputError
from steward.evaluation.outbound import ALL, Outcome, load_drafts, looks_like_drafts, report, run_drafts
from steward.policy import DEFAULT_OUTBOUND, get_pack

DRAFTS = Path(__file__).resolve().parents[1] / "data" / "outbound-drafts.jsonl"
OUTBOUND_CATEGORIES = {
    "patient_info", "confidential", "personal_info", "defamation", "hate", "political", "commercial",
    "missing_disclaimer", "corporate_email", "speaking_on_behalf", "unmarked_amendment",
}  # fmt: skip
runner = CliRunner()


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return run_drafts(load_drafts(DRAFTS), get_pack(DEFAULT_OUTBOUND))


def test_the_set_is_big_balanced_and_covers_every_outbound_category() -> None:
    drafts = load_drafts(DRAFTS)
    assert len(drafts) >= 80
    bad = [d for d in drafts if d.expected]
    assert 0.4 <= len(bad) / len(drafts) <= 0.6
    assert {c for d in bad for c in d.expected} >= OUTBOUND_CATEGORIES
    assert Counter(d.split for d in drafts).keys() == {"dev", "test"}
    assert {d.item.extra.get("account") for d in drafts} == {"personal", "corporate"}
    assert all(d.item.direction is Direction.OUTBOUND for d in drafts)
    # labels agree with the pack's rules: a patient draft is blocked, a good one approved
    assert all(d.action is Action.BLOCK for d in drafts if "patient_info" in d.expected)
    assert all(d.action is Action.APPROVE for d in drafts if not d.expected)


def test_done_when_patient_info_recall_is_one_and_no_good_draft_is_blocked(outcomes: list[Outcome]) -> None:
    (whole,) = report(outcomes, ALL)
    assert whole.categories["patient_info"].recall == 1.0
    assert whole.blocked_good == []
    missed = [o.draft.item.id for o in outcomes if "patient_info" in o.draft.expected and o.action is not Action.BLOCK]
    assert missed == []


def test_report_has_dev_test_and_all(outcomes: list[Outcome]) -> None:
    reports = report(outcomes)
    assert [r.split for r in reports] == ["dev", "test", ALL]
    assert sum(r.n for r in reports[:2]) == reports[2].n
    assert set(reports[2].categories) >= OUTBOUND_CATEGORIES


def _write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "drafts.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


GOOD = {"id": "a", "text": "Flu clinic on Friday", "expected": [], "action": "approve"}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({**GOOD, "id": ""}, "string 'id' and 'text'"),
        ({**GOOD, "text": None}, "string 'id' and 'text'"),
        ({**GOOD, "expected": ["not_a_category"]}, "Steward categories"),
        ({**GOOD, "expected": "patient_info"}, "Steward categories"),
        ({**GOOD, "action": "hide"}, "'action' must be one of"),
        ({**GOOD, "created_at": "last tuesday"}, "ISO 8601"),
    ],
)
def test_a_bad_line_stops_the_load_with_its_line_number(tmp_path: Path, record: object, message: str) -> None:
    path = _write(tmp_path, GOOD | {"id": "first"}, record)
    with pytest.raises(InputError, match=rf"drafts\.jsonl:2: .*{message}"):
        load_drafts(path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="duplicate id"):
        load_drafts(_write(tmp_path, GOOD, GOOD))


def test_extra_fields_reach_the_item(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD | {"account": "personal", "profile": "Nurse", "amends": "x", "consent": "recorded",
                                    "unknown": "ignored", "post": "Is it open?", "split": "dev"})  # fmt: skip
    (d,) = load_drafts(path)
    assert dict(d.item.extra) == {"account": "personal", "profile": "Nurse", "amends": "x", "consent": "recorded"}
    assert d.item.post == "Is it open?" and d.split == "dev"


def test_drafts_files_are_told_from_comment_files(tmp_path: Path) -> None:
    assert looks_like_drafts(DRAFTS)
    comments = tmp_path / "comments.jsonl"
    comments.write_text(json.dumps({"id": "1", "text": "hi", "label": 1}) + "\n", encoding="utf-8")
    assert not looks_like_drafts(comments)
    assert not looks_like_drafts(tmp_path / "missing.jsonl")


def test_an_inbound_pack_is_refused() -> None:
    with pytest.raises(InputError, match="outbound pack"):
        run_drafts(load_drafts(DRAFTS)[:1], get_pack("surrey-heartlands-aus"))


def test_cli_reports_per_category_precision_and_recall() -> None:
    result = runner.invoke(app, ["eval", str(DRAFTS), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["policy"] == "bradford-craven-smp" and out["format"] == "outbound-drafts"
    assert set(out["splits"]) == {"dev", "test", "all"}
    whole = out["splits"]["all"]
    assert whole["categories"]["patient_info"]["recall"] == 1.0
    assert whole["blocked_good"] == []
    assert {"precision", "recall", "tp", "fp", "fn"} <= set(whole["categories"]["confidential"])


def test_cli_named_set_one_split_and_tables() -> None:
    result = runner.invoke(app, ["eval", "outbound-drafts", "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert "outbound-drafts.jsonl (dev)" in result.output and "patient_info" in result.output
    assert "(test)" not in result.output


def test_cli_unknown_split_is_an_input_error() -> None:
    result = runner.invoke(app, ["eval", str(DRAFTS), "--split", "nope"])
    assert result.exit_code == 3
    assert "no drafts in split 'nope'" in result.output
