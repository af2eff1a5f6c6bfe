"""Steward: keep an organisation's social media within its written policy, citing the clause."""

__version__ = "0.1.0"
