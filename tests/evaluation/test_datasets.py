"""Loaders of the shared data sets, on tiny fixture files in each set's real format (tests/data/eval)."""

from __future__ import annotations

from pathlib import Path

import pytest

from steward.errors import InputError
from steward.evaluation.datasets import DATASETS, ENV_VAR, default_data_dir, identity_term, load_dataset
from steward.evaluation.sources import sample, select
from tests.evaluation.fixture_data import eval_data_dir

DATA = eval_data_dir()
NONE: frozenset[str] = frozenset()
OFF = frozenset({"offensive"})


@pytest.mark.parametrize(
    ("name", "split", "expected"),
    [
        (
            "davidson-hate-offensive",
            "all",
            [NONE, OFF, frozenset({"hate", "offensive"}), OFF, NONE],
        ),
        ("tweeteval-hate", "val", [frozenset({"hate"}), NONE, NONE, frozenset({"hate"})]),
        ("tweeteval-hate", "train", [frozenset({"hate"}), NONE, frozenset({"hate"})]),
        ("tweeteval-offensive", "val", [OFF, NONE, OFF, NONE, OFF, NONE]),
        ("tweeteval-offensive", "train", [OFF, NONE]),
        (
            "youtube-spam",
            "all",
            [frozenset({"commercial"}), NONE, frozenset({"commercial"}), NONE, frozenset({"commercial"})],
        ),
        ("youtube-spam", "04", [NONE, frozenset({"commercial"})]),
        ("sms-spam", "all", [NONE, frozenset({"commercial"}), NONE]),
        ("bias-madlibs", "all", [NONE, OFF, NONE, OFF, NONE, OFF, OFF, NONE]),
        ("presidio-synthetic-pii", "all", [frozenset({"personal_info"}), NONE, frozenset({"personal_info"}), NONE]),
    ],
)
def test_labels_map_to_steward_categories(name: str, split: str, expected: list[frozenset[str]]) -> None:
    examples = load_dataset(name, data_dir=DATA, split=split)
    assert [e.labels for e in examples] == expected
    assert all(isinstance(e.text, str) and e.text for e in examples)


def test_texts_are_kept_verbatim() -> None:
    davidson = load_dataset("davidson-hate-offensive", data_dir=DATA)
    assert davidson[3].text == "this fucking bus is late again\nsecond line of the same tweet"
    sms = load_dataset("sms-spam", data_dir=DATA)
    assert sms[0].text == 'Are you coming to the pub later? "Bring" a coat'  # bare quotes are not CSV quoting
    youtube = load_dataset("youtube-spam", data_dir=DATA, split="04")
    assert youtube[1].text == 'Please like this comment, "subscribe" to my page'
    assert {e.split for e in load_dataset("youtube-spam", data_dir=DATA)} == {"01", "04"}


def test_madlibs_groups_are_identity_terms() -> None:
    examples = load_dataset("bias-madlibs", data_dir=DATA)
    assert [e.group for e in examples] == [
        "african american",
        "african american",
        "gay",
        "gay",
        "transgender",
        "transgender",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Sam is a kind african american", "african american"),  # longest term wins over "african"/"american"
        ("Being transgender is fun.", "transgender"),  # not "trans"
        ("Sam is a lovely Middle Eastern", "middle eastern"),
        ("You are a caring lawyer", None),
        ("Oldham is a town", None),  # whole words only
        ("the gayest", None),
        ("", None),
    ],
)
def test_identity_term(text: str, term: str | None) -> None:
    assert identity_term(text) == term


def test_every_shared_set_has_an_adapter_and_a_fixture() -> None:
    assert {p.name for p in DATA.iterdir() if p.is_dir()} == set(DATASETS)


@pytest.mark.parametrize(
    ("name", "split", "message"),
    [
        ("no-such-set", None, "unknown data set"),
        ("tweeteval-hate", "test", "has no split 'test'"),
        ("sms-spam", "val", "has no split"),
    ],
)
def test_bad_names_and_splits_are_input_errors(name: str, split: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_dataset(name, data_dir=DATA, split=split)


@pytest.mark.parametrize(
    ("name", "files", "message"),
    [
        ("tweeteval-hate", {"val_text.txt": "a\nb\n", "val_labels.txt": "1\n"}, "2 lines but 1 labels"),
        ("tweeteval-hate", {"val_text.txt": "a\n", "val_labels.txt": "hate\n"}, "expected label 0 or 1"),
        ("sms-spam", {"SMSSpamCollection.tsv": "Label\tSMS\nmaybe\thello\n"}, "expected 'ham' or 'spam'"),
        ("bias-madlibs", {"bias_madlibs_77k.csv": "Text,Label,Template\nhi,UNSURE,x\n"}, "BAD or NOT_BAD"),
        ("davidson-hate-offensive", {"labeled_data.csv": ",class,tweet\n0,7,hi\n"}, "class must be 0, 1 or 2"),
        ("presidio-synthetic-pii", {"generated_large.json": "{not json"}, "not valid JSON"),
        ("presidio-synthetic-pii", {"generated_large.json": '[{"spans": []}]'}, "no full_text"),
        ("sms-spam", {}, "not found"),
    ],
)
def test_malformed_files_stop_with_the_location(tmp_path: Path, name: str, files: dict[str, str], message: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    for filename, content in files.items():
        (folder / filename).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_dataset(name, data_dir=tmp_path, split="val" if name.startswith("tweeteval") else None)


def test_data_dir_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(DATA))
    assert default_data_dir() == DATA
    assert len(load_dataset("sms-spam")) == 3
    monkeypatch.delenv(ENV_VAR)
    assert default_data_dir().parts[-2:] == ("shared", "datasets")


def test_missing_data_dir_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--data-dir"):
        load_dataset("sms-spam", data_dir=tmp_path)


def test_select_reads_a_folder_named_by_format(tmp_path: Path) -> None:
    chosen = select(str(DATA / "tweeteval-offensive"))
    assert (chosen.name, chosen.split, chosen.tasks, len(chosen.examples)) == (
        "tweeteval-offensive",
        "val",
        ("offensive",),
        6,
    )
    renamed = select(str(DATA / "sms-spam"), format="sms-spam")
    assert renamed.tasks == ("commercial",)
    with pytest.raises(InputError, match="neither a shared data set"):
        select(str(tmp_path / "nothing-here"))
    with pytest.raises(InputError, match="--map applies to the generic format only"):
        select("sms-spam", data_dir=DATA, maps=["toxic=abuse"])
    with pytest.raises(InputError, match="unknown format"):
        select("sms-spam", data_dir=DATA, format="xml")


def test_limit_samples_reproducibly_in_file_order() -> None:
    examples = load_dataset("bias-madlibs", data_dir=DATA)
    first, second = sample(examples, 5), sample(examples, 5)
    assert first == second and len(first) == 5
    assert [examples.index(e) for e in first] == sorted(examples.index(e) for e in first)
    assert sample(examples, 100) == examples
    with pytest.raises(InputError):
        sample(examples, 0)
