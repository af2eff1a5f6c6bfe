"""Optional dependencies of the evaluation harness, imported only when a function needs them.

Steward's default install stays lean: scikit-learn, matplotlib and alt-profanity-check come with the ``eval``
extra. Everything in ``steward.evaluation`` imports without them; the functions that need them call
:func:`require`, which names the extra to install when a package is missing.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from steward.errors import StewardError

INSTALL_HINT = "pip install -e '.[eval]'"


class MissingExtra(StewardError):
    """A package of the ``eval`` extra is not installed."""

    exit_code = 4


def require(module: str) -> ModuleType:
    """Import ``module`` or raise MissingExtra with the command that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".", 1)[0]
        raise MissingExtra(
            f"`steward eval` needs the optional package {top!r} ({exc.name or top} is not importable); "
            f"install the evaluation extra with: {INSTALL_HINT}"
        ) from None
