"""What spaCy reads when the name check runs: bounded, whatever a stranger writes around a name.

spaCy's cost grows with its tokens, and every emoji or symbol is a token: before these bounds a comment with a
phone number and 3,000 emoji took 1.3 s in the name check, and one with 20,000 characters of "x-x-x-" 1.8 s.
"""

from __future__ import annotations

import itertools

import pytest

from steward.assess import assess
from steward.content import ContentItem, Direction
from steward.detectors.names import NER_MAX_CHARS, NER_WINDOW, for_ner, ner_windows
from steward.detectors.registry import default_detectors


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Call Sarah on 07911 123456", "Call Sarah on 07911 123456"),  # ordinary text: unchanged
        ("Thanks Sarah😀😀 x", "Thanks Sarah   x"),  # emoji read as spaces
        ("Sarah’s mum paid £20 – thanks", "Sarah’s mum paid £20 – thanks"),  # typographic punctuation kept
        ("Wow!!!!!! Dr Jones", "Wow!!!    Dr Jones"),  # a run of symbols cut to three
        ("#####Sarah", "###  Sarah"),
        ("Stephanie \ufeffKučera", "Stephanie  Kučera"),  # a byte-order mark inside a name
        ("", ""),
    ],
)
def test_spacy_reads_symbols_as_spaces_at_the_same_offsets(text: str, read: str) -> None:
    out = for_ner(text)
    assert len(out) == len(text)
    assert out == read


def test_unchanged_text_is_the_same_object() -> None:
    text = "Ring Peter Smith on 07911 123456"
    assert for_ner(text) is text


@pytest.mark.parametrize(
    ("size", "near", "windows"),
    [
        (300, [(10, 20)], [(0, 300)]),  # short: read whole
        (NER_MAX_CHARS, [], [(0, NER_MAX_CHARS)]),
        (20_000, [], [(0, NER_MAX_CHARS)]),  # long and nothing to stand beside: its start
        (20_000, [(5_000, 5_012)], [(5_000 - NER_WINDOW, 5_012 + NER_WINDOW)]),
        (20_000, [(5_000, 5_012), (5_500, 5_510)], [(5_000 - NER_WINDOW, 5_510 + NER_WINDOW)]),  # merged
        (20_000, [(19_990, 20_000)], [(19_990 - NER_WINDOW, 20_000)]),  # clipped at the end
    ],
)
def test_long_texts_are_read_around_the_identifying_detail(
    size: int, near: list[tuple[int, int]], windows: list[tuple[int, int]]
) -> None:
    assert ner_windows(size, near) == windows


def test_spacy_never_reads_more_than_the_cap() -> None:
    near = [(i, i + 12) for i in range(0, 20_000, 700)]  # a number every 700 characters
    windows = ner_windows(20_000, near)
    assert sum(hi - lo for lo, hi in windows) == NER_MAX_CHARS
    assert windows == sorted(windows) and all(a[1] <= b[0] for a, b in itertools.pairwise(windows))


PERSONAL = [d for d in default_detectors(Direction.INBOUND) if d.name == "personal_info"]


@pytest.mark.parametrize(
    "filler",
    ["😀" * 9_000, "!?" * 4_500, "x-" * 4_500, "Sarah went to the shop and " * 300],
    ids=["emoji", "punctuation", "hyphens", "words"],
)
def test_a_name_beside_a_number_is_found_in_a_long_hostile_comment(filler: str) -> None:
    text = f"{filler} Please call Peter Smith on 07911 123456 {filler}"
    found = assess(ContentItem(id="1", text=text), PERSONAL)
    assert found.failures == ()
    names = {text[f.start : f.end] for f in found.findings if f.kind == "person_name"}
    assert "Peter Smith" in names
    assert any(f.kind == "uk_phone" for f in found.findings)
