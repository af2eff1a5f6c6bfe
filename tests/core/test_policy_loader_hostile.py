"""Hostile pack files: alias bombs and absurd nesting are refused quickly, with a line number."""

from __future__ import annotations

import pytest

from steward.errors import PolicyError
from steward.policy import parse_pack

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BOMB, "aliases"),
        ("id: x\nclauses: &c [1]\nrules: *c\n", "aliases"),
        ("a: " + "[" * 60 + "]" * 60 + "\n", "nested more than"),
        ("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40)) + "  " * 40 + "v\n", "nested more than"),
    ],
)
def test_hostile_yaml_is_refused_with_a_line(text: str, message: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_pack(text, "evil.yaml")
    assert any(message in p and p.startswith("evil.yaml:") for p in info.value.problems)


def test_ordinary_nesting_is_still_read() -> None:
    with pytest.raises(PolicyError) as info:  # valid YAML, invalid pack: schema problems, not a depth refusal
        parse_pack("id: x\nmonitored_hours: {days: [mon], start: '09:00'}\n", "ok.yaml")
    assert not any("nested" in p or "alias" in p for p in info.value.problems)
