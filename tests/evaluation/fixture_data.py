"""The hand-written evaluation fixtures, laid out under each shared data set's real file names.

The fixtures are stored under neutral names (a few rows each, written for these tests) so that nothing in the
repository looks like a copy of the shared data sets; this builds the real layout in a temporary folder once.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

STORED = Path(__file__).resolve().parents[1] / "data" / "eval"
#: stored name → the name the data set's adapter reads
REAL_NAMES = {
    "bias-madlibs/sample.csv": "bias-madlibs/bias_madlibs_77k.csv",
    "davidson-hate-offensive/sample.csv": "davidson-hate-offensive/labeled_data.csv",
    "presidio-synthetic-pii/sample.json": "presidio-synthetic-pii/generated_large.json",
    "sms-spam/sample.tsv": "sms-spam/SMSSpamCollection.tsv",
    "tweeteval-hate/train_sample.txt": "tweeteval-hate/train_text.txt",
    "tweeteval-offensive/train_sample.txt": "tweeteval-offensive/train_text.txt",
}


@cache
def eval_data_dir() -> Path:
    root = Path(tempfile.mkdtemp(prefix="steward-eval-fixtures-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    target = root / "eval"
    shutil.copytree(STORED, target)
    for stored, real in REAL_NAMES.items():
        (target / stored).rename(target / real)
    return target
