"""What the learned models are shown: the comment without links to the organisation's allow-listed domains."""

from __future__ import annotations

import pytest

from steward.content import ContentItem
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext
from steward.detectors.link import find_links
from steward.evaluation.datasets import default_data_dir, load_dataset
from steward.models.accurate import EncoderDetector
from steward.models.detectors import SpamModelDetector
from steward.models.inputs import model_text
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, bundled_packs, get_pack

ORG = AssessContext(link_allow=("nhs.uk", "gov.uk", "surreyheartlands.org"), link_deny=("bad.nhs.uk",))
NONE = AssessContext()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Info here: https://www.nhs.uk/conditions/flu/", "Info here:  "),
        ("See www.nhs.uk.", "See  ."),  # sentence punctuation stays with the sentence
        ("111.nhs.uk or https://www.gov.uk/x, both fine", "  or  , both fine"),
        ("Try https://surreyheartlands.org/contact", "Try  "),
        # anywhere not on the allow list is judged as before
        (
            "Cheap meds at https://pharma-direct.example.biz/offer",
            "Cheap meds at https://pharma-direct.example.biz/offer",
        ),
        ("https://www.nhs.uk.evil.com/login", "https://www.nhs.uk.evil.com/login"),  # a look-alike host
        ("https://nhs.uk@evil.com/x", "https://nhs.uk@evil.com/x"),  # real host hidden after user@
        ("https://bad.nhs.uk/x", "https://bad.nhs.uk/x"),  # the deny list wins over a shorter allow entry
        ("mynhs.uk is not nhs.uk", "mynhs.uk is not  "),  # suffix match is by whole label
        ("No links at all, thank you to the ward staff", "No links at all, thank you to the ward staff"),
        ("", ""),
    ],
)
def test_allow_listed_links_are_cut_out(text: str, shown: str) -> None:
    assert model_text(text, ORG) == shown


@pytest.mark.parametrize("text", ["Info here: https://www.nhs.uk/conditions/flu/", "See www.nhs.uk.", "plain"])
def test_without_an_allow_list_the_text_is_unchanged(text: str) -> None:
    assert model_text(text, NONE) == text


def test_long_and_hostile_texts_are_clipped_and_bounded() -> None:
    many = "https://www.nhs.uk/a " * 2000  # 42,000 characters of allowed links
    shown = model_text(many, ORG)
    assert len(shown) <= MAX_TEXT_CHARS and "nhs" in shown  # at most MAX_LINKS links are cut; the rest stay
    assert model_text("<script>https://www.nhs.uk/</script>", ORG) == "<script> </script>"  # cut, never run


# The shipped spam models scored each of these 1.00 with the link in (measured 2026-12-06): sure that a comment
# sharing any link is spam, because in their 2015 YouTube and SMS training data almost every link was.
OFFICIAL = [
    "More info on Pharmacy First here for anyone asking: https://www.nhs.uk/nhs-services/pharmacies/",
    "The flu jab page is here https://www.nhs.uk/conditions/flu/",
]


@pytest.mark.parametrize("text", OFFICIAL)
@pytest.mark.parametrize("tier_detector", [SpamModelDetector, EncoderDetector], ids=["fast", "accurate"])
def test_a_link_to_the_organisations_domain_is_not_spam(text: str, tier_detector: type) -> None:
    detector = tier_detector()
    item = ContentItem(id="1", text=text)
    commercial = [f for f in detector.detect(item, NONE) if f.category == "commercial"]
    assert commercial and commercial[0].score >= 0.6  # the failure this guards against
    assert not [f for f in detector.detect(item, ORG) if f.category == "commercial" and f.score >= 0.6]


@pytest.mark.parametrize("tier_detector", [SpamModelDetector, EncoderDetector], ids=["fast", "accurate"])
def test_spam_beside_an_official_link_is_still_spam(tier_detector: type) -> None:
    text = "WINNER!! Claim your £900 prize now, call 09061701461 or visit https://prize-claim.example.biz (see nhs.uk)"
    findings = tier_detector().detect(ContentItem(id="1", text=text), ORG)
    assert [f for f in findings if f.category == "commercial" and f.score >= 0.6]
    assert all(f.start == 0 and f.end == len(text) for f in findings)  # findings span the comment as written


def test_a_comment_that_is_only_an_official_link_gets_no_model_finding() -> None:
    item = ContentItem(id="1", text="https://www.nhs.uk/conditions/measles/")
    assert SpamModelDetector().detect(item, ORG) == []
    assert EncoderDetector().detect(item, ORG) == []


def test_prefetched_items_are_encoded_as_checked() -> None:
    """The pipeline prefetches with the pack's context, so the encoder works ahead on the text ``detect`` asks for
    (a prefetched text that ``detect`` never asks about would be wasted work, not a wrong answer)."""
    pipeline = Pipeline(get_pack(DEFAULT_INBOUND), tier="accurate")
    items = [ContentItem(id=str(i), text=t) for i, t in enumerate(OFFICIAL)]
    one_by_one = [pipeline.check(i).action for i in items]
    pipeline.prefetch(items)
    encoder = next(d for d in pipeline.detectors if isinstance(d, EncoderDetector))
    pending = encoder.models()._pending
    assert set(pending) == {model_text(i.text, pipeline.batch()) for i in items}
    assert [pipeline.check(i).action for i in items] == one_by_one


def _allow_lists() -> tuple[tuple[str, ...], ...]:
    return tuple(pack.links.allow for pack in bundled_packs().values() if pack.links.allow)


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("tweeteval-offensive", "train"),
        ("tweeteval-offensive", "val"),
        ("tweeteval-hate", "train"),
        ("tweeteval-hate", "val"),
        ("youtube-spam", None),
        ("sms-spam", None),
        ("davidson-hate-offensive", None),
        ("bias-madlibs", None),
    ],
)
def test_no_training_or_evaluation_text_links_to_an_allow_listed_domain(name: str, split: str | None) -> None:
    """Why cutting these links out at run time leaves the trained models and their measured quality as they are."""
    rows = load_dataset(name, default_data_dir(), split)
    lists = _allow_lists()
    assert lists and rows
    for allow in lists:
        hits = [r.text for r in rows if any(f.kind == "allowed_domain" for f in find_links(r.text, allow, ()))]
        assert hits == [], (name, allow, hits[:3])
