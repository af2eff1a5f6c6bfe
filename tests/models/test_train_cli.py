"""`steward train`: a thin wrapper over `python -m training.train` in the source checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from steward.cli import train
from steward.cli.main import app

runner = CliRunner()


def test_train_help_lists_the_training_options() -> None:
    result = runner.invoke(app, ["train", "--help"])
    assert result.exit_code == 0
    assert train.CHECKOUT.joinpath("training", "train.py").is_file()


def test_train_outside_a_checkout_says_where_training_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(train, "CHECKOUT", tmp_path)
    result = runner.invoke(app, ["train", "--limit", "10"])
    assert result.exit_code != 0
    assert "source checkout" in " ".join(result.output.split())
    assert "[train]" in result.output  # error text is not read as rich markup
