"""Turn the DATASET argument of `steward eval` into labelled examples and the tasks to score them on.

DATASET is the name of a shared set (read from the data folder), a folder holding one (``--format`` names the
set when the folder is named otherwise), or a JSONL/CSV file read by the generic adapter with ``--map``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from steward.errors import InputError
from steward.evaluation.datasets import DATASETS, LabelledExample, load_dataset
from steward.evaluation.generic import LabelMap, generic_tasks, load_generic

GENERIC = "generic"
FORMATS = (*DATASETS, GENERIC)
#: Seed of the ``--limit`` sample, so a limited run is reproducible.
SAMPLE_SEED = 20240610


@dataclass(frozen=True, slots=True)
class Selection:
    name: str
    split: str
    tasks: tuple[str, ...]
    examples: list[LabelledExample]


def sample(examples: list[LabelledExample], limit: int | None) -> list[LabelledExample]:
    """A reproducible random sample of ``limit`` examples, in file order (all of them without a limit)."""
    if limit is None or limit >= len(examples):
        return examples
    if limit < 1:
        raise InputError("--limit must be at least 1")
    keep = sorted(random.Random(SAMPLE_SEED).sample(range(len(examples)), limit))
    return [examples[i] for i in keep]


def select(
    dataset: str,
    *,
    format: str | None = None,
    split: str | None = None,
    data_dir: Path | None = None,
    maps: Sequence[str] = (),
    limit: int | None = None,
) -> Selection:
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
    path = Path(dataset)
    if format == GENERIC or (format is None and path.is_file()):
        if not path.is_file():
            raise InputError(f"{path} not found")
        label_maps = [LabelMap.parse(m) for m in maps]
        examples = load_generic(path, label_maps, split)
        return Selection(path.name, split or "all", generic_tasks(label_maps), sample(examples, limit))
    if maps:
        raise InputError("--map applies to the generic format only")
    if path.is_dir() and (format is not None or path.name in DATASETS):
        name = format or path.name
        folder: Path | None = path
    elif dataset in DATASETS and format in (None, dataset):
        name, folder = dataset, None
    else:
        raise InputError(
            f"{dataset!r} is neither a shared data set ({', '.join(DATASETS)}) nor a file or folder; "
            "use --format to say how to read it"
        )
    spec = DATASETS[name]
    chosen = split or spec.default_split
    examples = load_dataset(name, data_dir=data_dir, split=chosen, folder=folder)
    return Selection(name, chosen, spec.tasks, sample(examples, limit))
