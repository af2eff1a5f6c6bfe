"""Table-driven tests for the link detector."""

from __future__ import annotations

import time

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext
from steward.detectors.link import LinkDetector, host_of

DETECTOR = LinkDetector()
CTX = AssessContext(link_allow=("nhs.uk", "https://www.surreyheartlands.org/"), link_deny=("evil.com", "spam.ru"))


def run(text: str, ctx: AssessContext = CTX) -> list[Finding]:
    return list(DETECTOR.detect(ContentItem("t", text), ctx))


def links(text: str) -> list[tuple[str, str, float]]:
    return [(f.kind, text[f.start : f.end], f.score) for f in run(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://example.com/a?b=1.", [("url", "https://example.com/a?b=1", 0.4)]),
        ("(see http://en.wikipedia.org/wiki/Foo_(bar))", [("url", "http://en.wikipedia.org/wiki/Foo_(bar)", 0.4)]),
        ("visit www.example.co.uk!", [("url", "www.example.co.uk", 0.4)]),
        ("go to example.co.uk today", [("url", "example.co.uk", 0.4)]),
        ("Example.COM", [("url", "Example.COM", 0.4)]),
        ("try shop.xyz/deal, now", [("url", "shop.xyz/deal", 0.4)]),
        ("example.org:8080/x", [("url", "example.org:8080/x", 0.4)]),
        ("https://www.england.nhs.uk/path", [("allowed_domain", "https://www.england.nhs.uk/path", 0.05)]),
        ("nhs.uk/conditions", [("allowed_domain", "nhs.uk/conditions", 0.05)]),
        ("surreyheartlands.org", [("allowed_domain", "surreyheartlands.org", 0.05)]),
        ("bit.ly/abc123", [("shortener", "bit.ly/abc123", 0.85)]),
        ("https://tinyurl.com/x", [("shortener", "https://tinyurl.com/x", 0.85)]),
        ("t.co/xyz", [("shortener", "t.co/xyz", 0.85)]),
        ("lnkd.in/abc", [("shortener", "lnkd.in/abc", 0.85)]),
        ("shorturl.at/xyz", [("shortener", "shorturl.at/xyz", 0.85)]),
        ("is.gd/q", [("shortener", "is.gd/q", 0.85)]),
        ("evil.com/x", [("denied_domain", "evil.com/x", 0.95)]),
        ("https://login.evil.com", [("denied_domain", "https://login.evil.com", 0.95)]),
        ("http://192.168.0.1/login", [("ip_address_url", "http://192.168.0.1/login", 0.85)]),
        ("10.0.0.1/admin", [("ip_address_url", "10.0.0.1/admin", 0.85)]),
        ("http://xn--pypal-4ve.com", [("deceptive_domain", "http://xn--pypal-4ve.com", 0.9)]),
        ("pаypal.com", [("deceptive_domain", "pаypal.com", 0.9)]),  # Cyrillic а
        ("http://nhs.uk@evil.org/x", [("deceptive_domain", "http://nhs.uk@evil.org/x", 0.9)]),
        ("example[.]com", [("obfuscated_url", "example[.]com", 0.6)]),
        ("example dot com", [("obfuscated_url", "example dot com", 0.6)]),
        ("example (dot) co (dot) uk", [("obfuscated_url", "example (dot) co (dot) uk", 0.6)]),
        ("hxxp://bad.site/x", [("obfuscated_url", "hxxp://bad.site/x", 0.6)]),
        ("spam[.]ru", [("denied_domain", "spam[.]ru", 0.95)]),
        ("a.com and b.net", [("url", "a.com", 0.4), ("url", "b.net", 0.4)]),
    ],
)
def test_links(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "e.g. this, i.e. that",
        "version 2.0 is out, v1.2.3.4 too",
        "report.pdf and readme.md and notes.txt and setup.py",
        "I went home.Net result was fine",
        "email jo.bloggs@example.com",
        "the dot com boom",
        "it was 3.30pm",
        "Mr.Smith said so",
        "anecdote about a dotted line",
        "",
        "no links here at all",
    ],
)
def test_not_links(text: str) -> None:
    assert run(text) == []


def test_explanation_names_domain_and_category() -> None:
    (f,) = run("look at https://www.Example.co.uk/page")
    assert f.category == "link" and f.detector == "link@1.0"
    assert "'www.example.co.uk'" in f.explanation


@pytest.mark.parametrize(
    ("link", "host", "hidden"),
    [
        ("https://User@Example.com:8080/x", "example.com", True),
        ("example.com/path?q=1#f", "example.com", False),
        ("http://[::1]:80/", "[::1]", False),
        ("www.nhs.uk.", "www.nhs.uk", False),
    ],
)
def test_host_of(link: str, host: str, hidden: bool) -> None:
    assert host_of(link) == (host, hidden)


def test_deny_more_specific_than_allow_wins_and_vice_versa() -> None:
    ctx = AssessContext(link_allow=("nhs.uk", "good.evil.com"), link_deny=("bad.nhs.uk", "evil.com"))
    assert [f.kind for f in run("bad.nhs.uk www.nhs.uk good.evil.com x.evil.com", ctx)] == [
        "denied_domain",
        "allowed_domain",
        "allowed_domain",
        "denied_domain",
    ]
    assert [f.kind for f in run("www.nhs.uk", AssessContext())] == ["url"]


@pytest.mark.parametrize(
    "text",
    ["a." * 10_000, "a.com" * 5_000, "https://" + "a" * 100_000, "www." * 10_000, "x dot " * 10_000,
     "1.1.1.1/" * 5_000, "[.]" * 10_000, "a@" * 10_000, "é." * 10_000 + "com"],
)  # fmt: skip
def test_adversarial_inputs_finish_fast(text: str) -> None:
    started = time.perf_counter()
    try:
        found = run(text)
    except TimeoutError:  # allowed only from the regex module's time box
        found = []
    assert time.perf_counter() - started < 5.0
    assert len(found) <= 200
    assert all(0 <= f.start < f.end <= MAX_TEXT_CHARS for f in found)
