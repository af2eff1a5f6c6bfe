"""The `steward` command line, end to end on the shipped packs and detectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steward.cli.main import app
from tests.contract import check_contract

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
PHONE_EMAIL = "Call me on 07911 123456 or email jo.bloggs@example.com"


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["check", *args, "--json"])
    assert result.exit_code == 0, result.output
    out: dict[str, object] = json.loads(result.stdout)
    return out


def test_check_hides_personal_data_and_cites_privacy_clause() -> None:
    out = run_json(PHONE_EMAIL)
    check_contract(out, len(PHONE_EMAIL))
    assert out["action"] == "hide"
    assert "personal_info" in out["categories"]  # type: ignore[operator]
    assert any(c["id"] == "1.1" and c["text"].startswith("protect your personal privacy") for c in out["clauses"])  # type: ignore[union-attr]
    spans = {
        (f["kind"], PHONE_EMAIL[f["start"] : f["end"]])
        for f in out["findings"]  # type: ignore[union-attr]
        if f["category"] == "personal_info"
    }
    assert spans == {("uk_phone", "07911 123456"), ("email", "jo.bloggs@example.com")}


def test_check_screen_highlights_and_quotes() -> None:
    result = runner.invoke(app, ["check", PHONE_EMAIL])
    assert result.exit_code == 0, result.output
    assert "HIDE" in result.output
    assert "Clause 1.1" in result.output
    assert "protect your personal privacy" in result.output


@pytest.mark.parametrize(
    ("number", "found"),
    [("943 476 5919", True), ("943 476 5918", False), ("9434765919", True), ("9434765910", False)],
)
def test_nhs_number_needs_a_valid_check_digit(number: str, found: bool) -> None:
    out = run_json(f"My NHS number is {number}, can someone call me back?")
    kinds = {f["kind"] for f in out["findings"]}  # type: ignore[union-attr]
    assert ("nhs_number" in kinds) is found


def test_check_outbound_uses_staff_policy() -> None:
    out = run_json("Great to see the team at the vaccine clinic today!", "--direction", "outbound")
    assert out["policy"]["id"] == "bradford-craven-smp"  # type: ignore[index]
    assert out["action"] == "approve"


def test_hostile_text_is_printed_literally() -> None:
    text = "[bold red]fake[/] <script>alert(1)</script> \u202egnp.exe"
    result = runner.invoke(app, ["check", text])
    assert result.exit_code == 0, result.output
    assert "[bold red]fake[/]" in result.output
    assert "<script>alert(1)</script>" in result.output


def test_bad_timestamp_is_a_clear_error() -> None:
    result = runner.invoke(app, ["check", "hello", "--at", "yesterday-ish"])
    assert result.exit_code == 3
    assert "ISO 8601" in result.output


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


RECORDS = [
    json.dumps({"id": "a1", "text": "Thank you to the staff on ward 7, brilliant care."}),
    "{not json",
    json.dumps({"id": "a2", "text": PHONE_EMAIL, "author": {"display_name": "Jo"}}),
    json.dumps({"id": "a3"}),
    json.dumps({"id": "a4", "text": "<img src=x onerror=alert(1)> " + "z" * 5000}),
    json.dumps([1, 2, 3]),
    json.dumps({"id": "a5", "text": "I want to make a complaint about my mum's discharge"}),
]


def test_scan_reports_bad_lines_and_keeps_contract(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", RECORDS)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["scan", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [o["id"] for o in objs] == ["a1", "a2", "a4", "a5"]
    for o in objs:
        check_contract(o)
    assert objs[0]["action"] == "allow"
    assert objs[1]["action"] == "hide"
    for line in (2, 4, 6):
        assert f"in.jsonl:{line}" in result.output
    assert "3 record(s) could not be read" in result.output
    assert "By action" in result.output and "By clause" in result.output


def test_scan_resumes_an_interrupted_run(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", RECORDS)
    out = tmp_path / "out.jsonl"
    full = runner.invoke(app, ["scan", str(src), "-o", str(out), "--quiet"])
    assert full.exit_code == 0
    complete = out.read_text().splitlines()
    out.write_text(complete[0] + "\n" + complete[1][:30])  # one done, one torn mid-write
    again = runner.invoke(app, ["scan", str(src), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    assert out.read_text().splitlines() == complete
    assert "1 already done" in again.output


def test_scan_stdout_is_pure_jsonl(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", RECORDS[:1])
    result = runner.invoke(app, ["scan", str(src), "--quiet"])
    assert result.exit_code == 0
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a1"]


def test_scan_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 3


@pytest.mark.parametrize("pack_id", ["surrey-heartlands-aus", "bradford-craven-smp"])
def test_policy_show_and_clauses(pack_id: str) -> None:
    shown = runner.invoke(app, ["policy", "show", pack_id])
    assert shown.exit_code == 0, shown.output
    assert "Rules" in shown.output and "Europe/London" in shown.output
    listed = runner.invoke(app, ["policy", "clauses", pack_id])
    assert listed.exit_code == 0
    assert "clauses" in listed.output


def test_policy_validate_ok_and_broken(tmp_path: Path) -> None:
    good = ROOT / "src" / "steward" / "policies" / "surrey-heartlands-aus.yaml"
    ok = runner.invoke(app, ["policy", "validate", str(good)])
    assert ok.exit_code == 0 and "valid" in ok.output
    broken = tmp_path / "broken.yaml"
    broken.write_text(good.read_text().replace("min_score: 0.5", "min_score: 5", 1), encoding="utf-8")
    bad = runner.invoke(app, ["policy", "validate", str(broken)])
    assert bad.exit_code == 2
    assert "broken.yaml:" in bad.output and "min_score" in bad.output


def test_policy_unknown_id() -> None:
    result = runner.invoke(app, ["policy", "show", "nope"])
    assert result.exit_code == 2
    assert "surrey-heartlands-aus" in result.output


@pytest.mark.parametrize(
    "path",
    [ROOT / "examples" / "demo-comments.jsonl", *sorted((ROOT / "examples" / "platforms").iterdir())],
    ids=lambda p: p.name,
)
def test_bundled_examples_scan_to_the_contract(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["scan", str(path), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(objs) >= 10
    assert len({o["id"] for o in objs}) == len(objs)
    for o in objs:
        check_contract(o)
    assert {o["action"] for o in objs} - {"allow"}, "something in every example file needs action"


# --- "can I post this?": staff drafts (issue 6) ---------------------------------------------------------------

STAFF = "NHS Bradford District and Craven CCG"


@pytest.mark.parametrize(
    ("args", "action", "category", "clause"),
    [
        (
            ["--account", "corporate", "Get well soon to Mrs Ada Brook in bed 7 after her stroke"],
            "block",
            "patient_info",
            "7.3.2",
        ),
        (
            ["--account", "personal", "--profile", f"Analyst at {STAFF}", "Our A&E figures are grim this month."],
            "needs_changes",
            "missing_disclaimer",
            "7.5.1",
        ),
        (
            ["--account", "personal", "--profile", "Nurse. jo.b@nhs.net. Views my own.", "Parkrun PB!"],
            "needs_changes",
            "corporate_email",
            "7.5.2",
        ),
        (
            ["--account", "corporate", "--amends", "Clinic on Tuesday", "Clinic on Thursday"],
            "needs_changes",
            "unmarked_amendment",
            "7.3.6",
        ),
        (
            ["--direction", "outbound", "--at", "2027-04-14T10:00", "Thanks to Cllr Khan for opening our hub"],
            "block",
            "political",
            "12.1.2",
        ),
        (
            ["--direction", "outbound", "--at", "2026-10-14T10:00", "Thanks to Cllr Khan for opening our hub"],
            "approve",
            None,
            None,
        ),
        (["--account", "corporate", "📸 our team at the awards"], "needs_changes", "personal_info", "12.1.8"),
        (["--account", "corporate", "--consent", "📸 our team at the awards"], "approve", None, None),
    ],
)
def test_check_outbound_drafts(args: list[str], action: str, category: str | None, clause: str | None) -> None:
    out = run_json(*args)
    check_contract(out, len(args[-1]))
    assert out["policy"]["id"] == "bradford-craven-smp"  # type: ignore[index]
    assert out["action"] == action
    if category is None:
        assert out["categories"] == []
        return
    assert category in out["categories"]  # type: ignore[operator]
    assert any(c["id"] == clause for c in out["clauses"])  # type: ignore[union-attr]
    assert all(f["fix"] for f in out["findings"] if f["category"] == category)  # type: ignore[union-attr]


def test_check_outbound_screen_shows_clauses_and_fixes() -> None:
    result = runner.invoke(app, ["check", "--account", "personal", "Don't book any more Polish patients in my clinic"])
    assert result.exit_code == 0, result.output
    assert "BLOCK" in result.output and "Clause 7.3.3" in result.output
    assert "How to fix it:" in result.output and "Equality Act" in result.output


def test_check_staff_options_need_the_outbound_direction() -> None:
    result = runner.invoke(app, ["check", "--direction", "inbound", "--account", "personal", "hello"])
    assert result.exit_code == 3
    assert "--direction outbound" in result.output


def test_check_outbound_fix_text_is_printed_literally() -> None:
    result = runner.invoke(app, ["check", "--account", "corporate", "[bold]Shop now[/bold] at Acme Ltd, best prices!"])
    assert result.exit_code == 0, result.output
    assert "[bold]Shop now[/bold]" in result.output
