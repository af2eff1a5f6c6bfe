"""The shared feature functions: character n-grams agree with scikit-learn, tokens are what we expect."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from steward.models.features import char_grams, padded_grams, prepare, tokens_of, word_grams

SK_CHAR_WB = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False).build_analyzer()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "ab",
        "abc de",
        "hello world",
        "you are an idiot!!!",
        "  spaced    out\ttext\nnew line  ",
        "émoji 😎😎 mixed ünïcode",
        "@user @user real talk #hashtag http://t.co/x",
        "supercalifragilisticexpialidocious",
    ],
)
def test_char_grams_match_scikit_learn_char_wb(text: str) -> None:
    assert char_grams(text) == SK_CHAR_WB(text)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("a", [" a", "a ", " a "]),  # padded length 3: 2-grams, then the whole padded word once
        ("ab", [" a", "ab", "b ", " ab", "ab ", " ab "]),
    ],
)
def test_padded_grams_of_short_words(word: str, expected: list[str]) -> None:
    assert padded_grams(word) == expected


@pytest.mark.parametrize(
    ("prepared", "expected"),
    [
        ("hello, world", ["hello", "world"]),
        ("a b c", []),
        ("it's snake_case", ["it", "snake_case"]),
        ("great😎day", ["great", "day"]),
        ("20 quid", ["20", "quid"]),
        ("...!!!", []),
    ],
)
def test_tokens(prepared: str, expected: list[str]) -> None:
    assert tokens_of(prepared) == expected


def test_word_grams_are_unigrams_then_bigrams() -> None:
    assert word_grams("you utter idiot") == ["you", "utter", "idiot", "you utter", "utter idiot"]


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("Y0U 1D10T", "you idiot"),
        ("f.u.c.k off", "fuck off"),
        ("ѕрам", "spam"),  # Cyrillic homoglyphs
        ("ＦＲＥＥ", "free"),  # fullwidth
    ],
)
def test_prepare_folds_disguises(disguised: str, plain: str) -> None:
    assert prepare(disguised) == plain
