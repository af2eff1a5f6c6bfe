"""Pack loading: every problem reported at once, each with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from steward.errors import PolicyError, PolicyNotFound
from steward.policy import get_pack, load_pack, parse_pack

MINI = Path(__file__).resolve().parents[1] / "data" / "mini_pack.yaml"


def test_mini_pack_loads() -> None:
    pack = load_pack(MINI)
    assert pack.id == "mini-inbound"
    assert pack.clause("1.1").text == "protect your personal privacy"


def _broken(old: str, new: str) -> str:
    text = MINI.read_text()
    assert old in text, old
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "expect_line_of", "fragment"),
    [
        ('start: "09:00"', 'start: "25:00"', 'start: "25:00"', "monitored_hours.start"),
        ("min_score: 0.7", "min_score: 1.7", "min_score: 1.7", "less than or equal to 1"),
        ("action: review,", "action: obliterate,", "action: obliterate", "action"),
        ('clauses: ["1.4"]}', 'clauses: ["9.9"]}', 'clauses: ["9.9"]', "clause '9.9', which does not exist"),
        ("reply_template: privacy}", "reply_template: nope}", "reply_template: nope", "template 'nope'"),
        ("id: mini-inbound", "id: Mini Inbound!", "id: Mini Inbound!", "pattern"),
        (
            "  short_name: Example Trust\n",
            "  short_name: Example Trust\n  colour: blue\n",
            "colour: blue",
            "Extra inputs",
        ),
        ('version: "1"\n', 'version: "1"\nversion: "2"\n', 'version: "2"', "duplicate key"),
    ],
)
def test_each_problem_names_file_and_line(old: str, new: str, expect_line_of: str, fragment: str) -> None:
    text = _broken(old, new)
    with pytest.raises(PolicyError) as info:
        parse_pack(text, "broken.yaml")
    line = _line_of(text, expect_line_of)
    matching = [p for p in info.value.problems if fragment in p]
    assert matching, info.value.problems
    assert matching[0].startswith(f"broken.yaml:{line}:"), (matching, line)


def test_all_problems_reported_at_once() -> None:
    text = _broken("min_score: 0.7", "min_score: 1.7")
    text = text.replace('clauses: ["1.4"]}', 'clauses: ["9.9"]}').replace('start: "09:00"', 'start: "17:00"')
    with pytest.raises(PolicyError) as info:
        parse_pack(text, "broken.yaml")
    assert len(info.value.problems) >= 2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "holds no policy pack"),
        ("- just\n- a list\n", "mapping at the top level"),
        ("id: [unclosed\n", "broken.yaml:"),
        ("id: x\n\tversion: tab\n", "broken.yaml:"),
    ],
)
def test_unusable_files(text: str, fragment: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_pack(text, "broken.yaml")
    assert any(fragment in p for p in info.value.problems), info.value.problems


def test_yaml_tags_are_not_evaluated() -> None:
    with pytest.raises(PolicyError):
        parse_pack("id: !!python/object/apply:os.system ['echo pwned']\n", "evil.yaml")


def test_unknown_pack_id() -> None:
    with pytest.raises(PolicyNotFound):
        get_pack("no-such-pack")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_pack(tmp_path / "absent.yaml")
    assert "absent.yaml:1:" in info.value.problems[0]
