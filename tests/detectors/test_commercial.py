"""Commercial detector: promotion scores high, a price alone scores low."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.commercial import CommercialDetector

DET = CommercialDetector()


def run(text: str) -> list[Finding]:
    findings = list(DET.detect(ContentItem("c1", text), AssessContext()))
    for f in findings:
        assert f.category == "commercial"
        assert 0 <= f.start < f.end <= len(text)
        assert f.explanation
    return findings


def top(text: str) -> float:
    return max((f.score for f in run(text)), default=0.0)


@pytest.mark.parametrize(
    ("text", "kind", "minimum"),
    [
        ("use code SAVE20 at checkout", "promo_code", 0.85),
        ("enter promo code: NHS10", "promo_code", 0.85),
        ("50% off all supplements", "offer", 0.75),
        ("free trial, limited offer £9.99", "offer", 0.75),
        ("DM me for details", "contact_lure", 0.75),
        ("message me for details", "contact_lure", 0.75),
        ("link in bio", "self_promotion", 0.8),
        ("check out my channel", "self_promotion", 0.8),
        ("subscribe to my YouTube", "self_promotion", 0.8),
        ("buy followers cheap", "follower_selling", 0.85),
        ("I made £5000 in a week trading", "earnings_claim", 0.9),
        ("I earned $300 a day from home", "earnings_claim", 0.9),
        ("great investment opportunity, passive income", "investment_scheme", 0.8),
        ("forex and b1tcoin signals", "investment_scheme", 0.5),
        ("ｌｉｎｋ ｉｎ ｂｉｏ", "self_promotion", 0.8),
        ("l.i.n.k in bio", "self_promotion", 0.8),
    ],
)
def test_commercial_found(text: str, kind: str, minimum: float) -> None:
    findings = run(text)
    assert any(f.kind == kind for f in findings), findings
    assert top(text) >= minimum


@pytest.mark.parametrize(
    "text",
    [
        "the parking costs £4 an hour",
        "prescriptions are £9.90 each now",
        "I paid £20 for a taxi because the bus was cancelled",
    ],
)
def test_price_alone_scores_low(text: str) -> None:
    findings = run(text)
    assert findings and all(f.kind == "price" for f in findings)
    assert top(text) <= 0.35


@pytest.mark.parametrize(
    "text",
    [
        "Thank you to the staff on ward 7",
        "my code for the app did not work",
        "50% of patients waited over 4 hours",
        "I check my results in the NHS app",
        "the free parking for blue badge holders is great",
        "my appointment code is abc",
    ],
)
def test_not_commercial(text: str) -> None:
    assert top(text) < 0.5


@pytest.mark.parametrize(
    ("text", "kind", "minimum"),
    [
        ("sub to my channel", "self_promotion", 0.8),
        ("pls sub to my chanel!!", "self_promotion", 0.8),
        ("subscribe to me and I'll sub back", "self_promotion", 0.75),
        ("sub4sub anyone?", "self_promotion", 0.8),
        ("sub 4 sub", "self_promotion", 0.8),
        ("follow4follow", "self_promotion", 0.8),
        ("follow me for more", "self_promotion", 0.75),
        ("follow me on insta for tips", "self_promotion", 0.8),
        ("visit my page", "self_promotion", 0.75),
        ("check my page out for more", "self_promotion", 0.8),
        ("hey guys visit my channel for makeup tutorials", "self_promotion", 0.8),
        ("watch my new video its about anxiety", "self_promotion", 0.8),
        ("s.u.b.s.c.r.i.b.e to my channel", "self_promotion", 0.8),
        ("\u24e2\u24e4\u24d1 to my channel", "self_promotion", 0.8),
        ("I do nails, DM for prices", "contact_lure", 0.75),
        ("we do gel nails and lashes, dm to book", "self_promotion", 0.65),
        ("link in my bio for the cure", "self_promotion", 0.8),
        ("earn from home, ask me how", "investment_scheme", 0.8),
        ("earn from home, ask me how", "contact_lure", 0.55),
        ("message me to find out how", "contact_lure", 0.55),
        ("my mate made \u00a32k with this app", "earnings_claim", 0.9),
        ("my cousin made \u00a3500 a week from this site", "earnings_claim", 0.9),
    ],
)
def test_self_promotion_found(text: str, kind: str, minimum: float) -> None:
    assert any(f.kind == kind and f.score >= minimum for f in run(text)), run(text)


@pytest.mark.parametrize(
    "text",
    [
        "check out the NHS website",
        "follow the guidance",
        "subscribe to the newsletter",
        "subscribe to the NHS newsletter for updates",
        "my channel 4 documentary",
        "check out my channel 4 documentary",
        "visit my mum on ward 5",
        "visit my dad on ward 7",
        "ask me how I know",
        "ask me how it went",
        "my mate made \u00a320 from the car boot",
        "I make cakes for my kids birthdays",
        "we offer nails? no the salon does",
        "follow me to the ward please",
        "my page on the NHS app shows my results",
        "I watched my mum's video call",
        "they never follow back on the complaint",
    ],
)
def test_self_promotion_negatives(text: str) -> None:
    assert top(text) < 0.5, run(text)
