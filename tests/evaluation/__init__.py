"""Tests of the evaluation harness (steward.evaluation and `steward eval`)."""
