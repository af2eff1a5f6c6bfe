"""Reproducible training of Steward's fast learned tier (see train.py). Needs the ``train`` extra."""
