"""Phrase rules for the self-harm detector (see ``safeguarding``), in the order the detector reads them: explicit
statements (``self_harm_statements``), the same said the way people post them (``self_harm_colloquial``), then
indirect signals, despair, low mood and encouragement aimed at others (``self_harm_signals``).

Data, not logic: each Rule is a readable pattern with its kind, score, label and cheap triggers (see ``phrases``).
"""

from __future__ import annotations

from steward.detectors.phrases import Rule
from steward.detectors.self_harm_colloquial import COLLOQUIAL_RULES
from steward.detectors.self_harm_signals import SIGNAL_RULES
from steward.detectors.self_harm_statements import STATEMENT_RULES

SELF_HARM_RULES: list[Rule] = [*STATEMENT_RULES, *COLLOQUIAL_RULES, *SIGNAL_RULES]
