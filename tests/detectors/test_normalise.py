"""normalise / skeleton: disguises folded away, offsets mapping back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steward.detectors.base import MAX_TEXT_CHARS
from steward.detectors.normalise import Normalised, normalise, skeleton


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello World", "hello world"),
        ("Ｆｕｃｋ", "fuck"),  # fullwidth
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("fսсk", "fuck"),  # Armenian and Cyrillic look-alikes
        ("ѕһіt", "shit"),  # Cyrillic
        ("ροrn", "porn"),  # Greek rho, omicron
        ("ναccine", "vaccine"),  # Greek nu
        ("f\u200bu\u200dc\u2060k", "fuck"),  # zero-width characters
        ("z̷̢a̸l̶g̵o̴", "zalgo"),  # combining marks
        ("Sinn Féin", "sinn fein"),
        ("sh!t", "shit"),
        ("$hit", "shit"),
        ("h3ll0", "hello"),
        ("NH5", "nhs"),
        ("b1tch", "bitch"),
        ("f.u.c.k", "fuck"),
        ("f u c k off", "fuck off"),
        ("f-u-c-k", "fuck"),
        ("c_u_n_t", "cunt"),
        ("fuuuuck", "fuuuuck"),  # repeats stay; lexicon patterns allow them
        ("STRASSE ß", "strasse ss"),
    ],
)
def test_folds_disguises(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "£5 at 4pm on the 2nd",  # numbers, prices and times are not leetspeak
        "2024 was 50% better",
        "call 111 or 999",
        "10mg twice a day",
        "@NHSEngland thanks!",  # a mention keeps its @
        "great job!",  # a trailing ! is punctuation
        "U.K. and i.e. a",  # abbreviations and mixed separators stay
        "eat a pie",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert normalise(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("oh f.u.c.k off", "fuck", "f.u.c.k"),
        ("you Ｔｗａｔ!", "twat", "Ｔｗａｔ"),
        ("a z̷̢a̸l̶g̵o̴ word", "zalgo", "z̷̢a̸l̶g̵o̴"),
        ("well sh!t", "shit", "sh!t"),
        ("Straße", "ss", "ß"),
        ("x f\u200buck y", "fuck", "f\u200buck"),
    ],
)
def test_span_maps_back_to_original(text: str, needle: str, original: str) -> None:
    norm = normalise(text)
    i = norm.text.index(needle)
    start, end = norm.span(i, i + len(needle))
    assert text[start:end] == original


def test_offsets_shape() -> None:
    norm = normalise("Ｆ.u.c.k 😡 ok")
    assert isinstance(norm, Normalised)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len("Ｆ.u.c.k 😡 ok")
    assert list(norm.offsets) == sorted(norm.offsets)


def test_long_text_is_truncated() -> None:
    text = "a " * MAX_TEXT_CHARS
    norm = normalise(text)
    assert len(norm.text) <= MAX_TEXT_CHARS
    assert norm.offsets[-1] == len(text)


@given(st.text(max_size=200))
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    norm = normalise(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(0 <= o <= len(text) for o in norm.offsets)
    assert list(norm.offsets) == sorted(norm.offsets)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NHS Surrey Heartlands", "NH5 Surrey Heart1ands"),
        ("NHS Surrey Heartlands", "ΝΗЅ Ѕurrеу Ηеаrtlаndѕ"),
        ("NHS Surrey Heartlands", "nhs_surrey.heartlands"),
        ("NHS Surrey Heartlands", "NHS Surrrey Heartlandss"),
        ("NHS England", "NHS Eng1and"),
        ("@nhsmodern", "@nhsmodem"),  # rn ~ m
    ],
)
def test_skeleton_matches_look_alikes(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NHS Surrey Heartlands", "NHS Sussex"),
        ("NHS England", "NHS Scotland"),
        ("Dr Smith", "Dr Smyth"),
    ],
)
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
