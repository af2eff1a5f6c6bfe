"""The harness imports without the eval extra; only `steward eval` needs it, and says how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from steward.evaluation.deps import INSTALL_HINT, MissingExtra, require

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter in which the extra's packages cannot be imported (a None entry in sys.modules
# makes `import` raise ImportError), as on a lean `make demo` install.
WITHOUT_EXTRA = """
import sys
for name in ("sklearn", "matplotlib", "profanity_check", "scipy"):
    sys.modules[name] = None
import steward.evaluation
import steward.evaluation.report
import steward.cli.main
from typer.testing import CliRunner
result = CliRunner().invoke(steward.cli.main.app, ["eval", "sms-spam", "--data-dir", sys.argv[1]])
print("EXIT", result.exit_code)
print(result.output)
"""


def test_lean_install_imports_and_explains() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRA, str(ROOT / "tests" / "data" / "eval")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "EXIT 4" in done.stdout
    assert INSTALL_HINT in done.stdout.replace("\n", "")


@pytest.mark.parametrize("module", ["steward_no_such_package", "steward_no_such_package.sub"])
def test_require_names_the_extra(module: str) -> None:
    with pytest.raises(MissingExtra, match=r"pip install -e '\.\[eval\]'"):
        require(module)


def test_require_returns_the_module() -> None:
    assert require("json").dumps([1]) == "[1]"
