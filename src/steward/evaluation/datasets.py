"""Labelled data sets for `steward eval`: where they live, and how their labels map to Steward categories.

The shared sets are read in place from ``../shared/datasets`` beside the repository (override with
``--data-dir`` or the ``STEWARD_DATASETS`` environment variable); they are never copied into the project.
Each adapter yields :class:`LabelledExample` with labels in Steward's categories (or the pooled task
``offensive``, see ``tasks.py``):

| set                       | splits (default first) | source label                 | Steward labels              |
|---------------------------|------------------------|------------------------------|-----------------------------|
| `davidson-hate-offensive` | all                    | class 0 hate speech          | `hate`, `offensive`         |
|                           |                        | class 1 offensive language   | `offensive`                 |
|                           |                        | class 2 neither              | (none)                      |
| `tweeteval-hate`          | val, train             | 1 hate / 0 not-hate          | `hate` / (none)             |
| `tweeteval-offensive`     | val, train             | 1 offensive / 0 not          | `offensive` / (none)        |
| `youtube-spam`            | all, 01, 04, 07        | CLASS 1 spam / 0 ham         | `commercial` / (none)       |
| `sms-spam`                | all                    | spam / ham                   | `commercial` / (none)       |
| `bias-madlibs`            | all                    | BAD / NOT_BAD                | `offensive` / (none)        |
| `presidio-synthetic-pii`  | all                    | a span of a personal type    | `personal_info` / (none)    |

YouTube's splits are its three videos (files 01, 04, 07; an example's ``split`` is its video). Bias-madlibs
examples carry their identity term as ``group``.

Davidson's "offensive language" is not split into abuse and profanity, so it is scored on the pooled task;
hate speech counts as offensive too. Spam, scams and self-promotion are ``commercial`` in the taxonomy.

Presidio: a sentence is ``personal_info`` when it holds a span of type EMAIL_ADDRESS, PHONE_NUMBER, ADDRESS,
CREDIT_CARD, US_SSN, IBAN_CODE, US_DRIVER_LICENSE or IP_ADDRESS. PERSON, LOCATION, ORGANIZATION, DATE_TIME,
TITLE, PREFIX and DOMAIN_NAME alone do not make it positive: the taxonomy counts a *named private person with
identifying details*, and a bare name ("a film starring James Koumura"), a country or a date is not that.

Bias madlibs: the group of a row is the identity term from the Jigsaw unintended-bias list
(``bias_madlibs_data/adjectives_people.txt``) that appears in its text as whole words; when several do
("african american" holds "african" and "american") the longest wins. The "You are a ... <occupation>"
rows name no identity and have no group.

Any other file goes through the generic adapter (``generic.py``).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from steward.detectors.base import compile_pattern, finditer
from steward.errors import InputError
from steward.evaluation.tasks import OFFENSIVE

ENV_VAR = "STEWARD_DATASETS"


@dataclass(frozen=True, slots=True)
class LabelledExample:
    """One text with the Steward categories (or pooled tasks) it is positive for."""

    text: str
    labels: frozenset[str]
    group: str | None = None
    split: str = "all"


Loader = Callable[[Path, str], Iterator[LabelledExample]]


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    name: str
    tasks: tuple[str, ...]
    splits: tuple[str, ...]
    load: Loader
    has_groups: bool = False

    @property
    def default_split(self) -> str:
        return self.splits[0]


def default_data_dir() -> Path:
    """``STEWARD_DATASETS`` if set, else ``../shared/datasets`` beside the repository (or the working folder)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    candidates = [repo.parent / "shared" / "datasets", Path.cwd().parent / "shared" / "datasets"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def _file(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise InputError(f"{path} not found; point --data-dir or {ENV_VAR} at the shared datasets folder")
    return path


def _lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [line.rstrip("\r\n") for line in fh]


def _binary(value: str, where: str) -> bool:
    value = value.strip()
    if value not in {"0", "1"}:
        raise InputError(f"{where}: expected label 0 or 1, got {value!r}")
    return value == "1"


# --- the shared sets ---------------------------------------------------------------------------------------


def _davidson(folder: Path, split: str) -> Iterator[LabelledExample]:
    labels = {"0": frozenset({"hate", OFFENSIVE}), "1": frozenset({OFFENSIVE}), "2": frozenset()}
    path = _file(folder, "labeled_data.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            cls = (row.get("class") or "").strip()
            if cls not in labels:
                raise InputError(f"{path}:{n}: class must be 0, 1 or 2, got {cls!r}")
            yield LabelledExample(row.get("tweet") or "", labels[cls], None, split)


def _tweeteval(task: str) -> Loader:
    def load(folder: Path, split: str) -> Iterator[LabelledExample]:
        texts = _lines(_file(folder, f"{split}_text.txt"))
        labels = [x for x in _lines(_file(folder, f"{split}_labels.txt")) if x.strip()]
        if len(texts) != len(labels):
            raise InputError(f"{folder}: {split}_text.txt has {len(texts)} lines but {len(labels)} labels")
        for n, (text, label) in enumerate(zip(texts, labels, strict=True), start=1):
            positive = _binary(label, f"{folder / (split + '_labels.txt')}:{n}")
            yield LabelledExample(text, frozenset({task}) if positive else frozenset(), None, split)

    return load


def _youtube(folder: Path, split: str) -> Iterator[LabelledExample]:
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise InputError(f"no CSV files in {folder}")
    for path in files:
        video = path.stem.split("-", 1)[0]
        if split not in {"all", video}:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                spam = _binary(row.get("CLASS") or "", f"{path}:{n}")
                yield LabelledExample(row.get("CONTENT") or "", frozenset({"commercial"} if spam else ()), None, video)


def _sms(folder: Path, split: str) -> Iterator[LabelledExample]:
    # Tab separated without quoting (texts contain bare quotes), so read lines, not csv.
    path = _file(folder, "SMSSpamCollection.tsv")
    for n, line in enumerate(_lines(path), start=1):
        if (n == 1 and line.startswith("Label\t")) or not line.strip():
            continue
        label, sep, text = line.partition("\t")
        if not sep or label not in {"ham", "spam"}:
            raise InputError(f"{path}:{n}: expected 'ham' or 'spam', a tab, then the message")
        yield LabelledExample(text, frozenset({"commercial"} if label == "spam" else ()), None, split)


#: Identity terms of the Jigsaw unintended-bias madlibs (bias_madlibs_data/adjectives_people.txt, 9c7d91a).
IDENTITY_TERMS: tuple[str, ...] = (
    "lesbian", "gay", "bisexual", "transgender", "trans", "queer", "lgbt", "lgbtq", "homosexual", "straight",
    "heterosexual", "male", "female", "nonbinary", "african", "african american", "black", "white", "european",
    "hispanic", "latino", "latina", "latinx", "mexican", "canadian", "american", "asian", "indian",
    "middle eastern", "chinese", "japanese", "christian", "muslim", "jewish", "buddhist", "catholic",
    "protestant", "sikh", "taoist", "old", "older", "young", "younger", "teenage", "millenial", "middle aged",
    "elderly", "blind", "deaf", "paralyzed",
)  # fmt: skip
# Longest first, so the alternation prefers "african american" to "african"; a fixed alternation of literals.
_IDENTITY = compile_pattern(
    r"\b(" + "|".join(regex.escape(t) for t in sorted(IDENTITY_TERMS, key=len, reverse=True)) + r")\b"
)


def identity_term(text: str) -> str | None:
    """The longest identity term that appears in ``text`` as whole words, or None."""
    found = [m.group(1).lower() for m in finditer(_IDENTITY, text)]
    return max(found, key=len) if found else None


def _madlibs(folder: Path, split: str) -> Iterator[LabelledExample]:
    path = _file(folder, "bias_madlibs_77k.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            label = (row.get("Label") or "").strip()
            if label not in {"BAD", "NOT_BAD"}:
                raise InputError(f"{path}:{n}: Label must be BAD or NOT_BAD, got {label!r}")
            text = row.get("Text") or ""
            yield LabelledExample(text, frozenset({OFFENSIVE} if label == "BAD" else ()), identity_term(text), split)


#: Presidio entity types that make a sentence personal data (see the module docstring).
PII_ENTITY_TYPES = frozenset(
    {
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "ADDRESS",
        "CREDIT_CARD",
        "US_SSN",
        "IBAN_CODE",
        "US_DRIVER_LICENSE",
        "IP_ADDRESS",
    }
)


def _presidio(folder: Path, split: str) -> Iterator[LabelledExample]:
    path = _file(folder, "generated_large.json")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON list of records")
    for n, rec in enumerate(records):
        if not isinstance(rec, dict) or not isinstance(rec.get("full_text"), str):
            raise InputError(f"{path}: record {n} has no full_text")
        types = {s.get("entity_type") for s in rec.get("spans") or () if isinstance(s, dict)}
        positive = bool(types & PII_ENTITY_TYPES)
        yield LabelledExample(rec["full_text"], frozenset({"personal_info"} if positive else ()), None, split)


DATASETS: dict[str, DatasetSpec] = {
    s.name: s
    for s in (
        DatasetSpec("davidson-hate-offensive", (OFFENSIVE, "hate"), ("all",), _davidson),
        DatasetSpec("tweeteval-hate", ("hate",), ("val", "train"), _tweeteval("hate")),
        DatasetSpec("tweeteval-offensive", (OFFENSIVE,), ("val", "train"), _tweeteval(OFFENSIVE)),
        DatasetSpec("youtube-spam", ("commercial",), ("all", "01", "04", "07"), _youtube),
        DatasetSpec("sms-spam", ("commercial",), ("all",), _sms),
        DatasetSpec("bias-madlibs", (OFFENSIVE,), ("all",), _madlibs, has_groups=True),
        DatasetSpec("presidio-synthetic-pii", ("personal_info",), ("all",), _presidio),
    )
}


def load_dataset(
    name: str, data_dir: Path | None = None, split: str | None = None, folder: Path | None = None
) -> list[LabelledExample]:
    """Every example of one split of a shared set, read from ``folder`` (default: ``data_dir/name``).

    Raises InputError for an unknown set or split, or a missing or malformed file."""
    spec = DATASETS.get(name)
    if spec is None:
        raise InputError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}")
    chosen = split or spec.default_split
    if chosen not in spec.splits:
        raise InputError(f"{name} has no split {chosen!r}; it has: {', '.join(spec.splits)}")
    folder = folder or (data_dir or default_data_dir()) / name
    if not folder.is_dir():
        raise InputError(f"{folder} not found; point --data-dir or {ENV_VAR} at the shared datasets folder")
    return list(spec.load(folder, chosen))
