"""The generic JSONL/CSV adapter and its --map COLUMN[:VALUE]=CATEGORY entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from steward.errors import InputError
from steward.evaluation.generic import LabelMap, generic_tasks, load_generic, truthy
from tests.evaluation.fixture_data import eval_data_dir

DATA = eval_data_dir()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("toxic=abuse", LabelMap("toxic", "abuse")),
        ("class:0=hate", LabelMap("class", "hate", "0")),
        (" spam = commercial ", LabelMap("spam", "commercial")),
        ("label:a=b=offensive", None),  # "b=offensive" is not a category
        ("toxic", None),
        ("=abuse", None),
        ("toxic=", None),
        ("toxic=rude", None),  # not a Steward category
    ],
)
def test_parse_map(spec: str, expected: LabelMap | None) -> None:
    if expected is None:
        with pytest.raises(InputError):
            LabelMap.parse(spec)
    else:
        assert LabelMap.parse(spec) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1, True),
        (0, False),
        (0.7, True),
        (True, True),
        (False, False),
        ("1", True),
        ("YES", True),
        ("t", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("", False),
        ("0.0", False),
        ("2", True),
        ("-1", False),
        ("nan-ish", False),
    ],
)
def test_truthy(raw: object, expected: bool) -> None:
    assert truthy(raw) is expected


def test_jsonl_with_value_maps_and_split() -> None:
    maps = [LabelMap.parse(m) for m in ("toxic=offensive", "class:0=hate", "spam=commercial")]
    everything = load_generic(DATA / "generic.jsonl", maps)
    assert [e.labels for e in everything] == [
        frozenset({"offensive", "hate"}),
        frozenset(),
        frozenset({"commercial"}),
        frozenset({"offensive"}),
    ]
    assert [e.split for e in everything] == ["val", "val", "train", "val"]
    assert everything[0].group == "none" and everything[1].group is None
    val = load_generic(DATA / "generic.jsonl", maps, split="val")
    assert len(val) == 3
    assert generic_tasks([*maps, maps[0]]) == ("offensive", "hate", "commercial")


def test_csv_with_groups() -> None:
    examples = load_generic(DATA / "generic.csv", [LabelMap.parse("toxic=abuse")])
    assert [(e.labels, e.group) for e in examples] == [
        (frozenset({"abuse"}), "gay"),
        (frozenset(), "gay"),
        (frozenset(), None),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", '{"text": "hi", "toxic": 1}\nnot json\n', "bad.jsonl:2: not valid JSON"),
        ("list.jsonl", "[1, 2]\n", "expected a JSON object"),
        ("notext.jsonl", '{"toxic": 1}\n', "notext.jsonl:1: no text"),
        ("numtext.jsonl", '{"text": 5, "toxic": 1}\n', "no text"),
        ("notext.csv", "body,toxic\nhi,1\n", "notext.csv:2: no text"),
        # an unterminated quote would swallow the rest of the file into one text
        ("quote.csv", 'text,toxic\n"you idiot",1\n"unterminated,1\nlast,0\n', "quote.csv:3: not valid CSV"),
        # a comma in an unquoted text would put words in the label column
        ("comma.csv", "text,toxic\nfine,0\nyou are, an idiot,1\n", "comma.csv:3: 3 cells where the header has 2"),
        ("short.csv", "text,toxic,group\nhello,1\n", "short.csv:2: 2 cells where the header has 3"),
        ("junk.csv", 'text,toxic\nok,1\n"a"b,1\n', "junk.csv:3: not valid CSV"),
        ("tabs.tsv", "text\ttoxic\nhi\t1\textra\n", "tabs.tsv:2: 3 cells where the header has 2"),
        ("data.xml", "<x/>", "reads .jsonl, .csv or .tsv"),
    ],
)
def test_malformed_generic_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_generic(path, [LabelMap.parse("toxic=abuse")])


def test_generic_needs_a_map_and_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least one --map"):
        load_generic(DATA / "generic.csv", [])
    with pytest.raises(InputError, match="not found"):
        load_generic(tmp_path / "missing.csv", [LabelMap.parse("toxic=abuse")])
