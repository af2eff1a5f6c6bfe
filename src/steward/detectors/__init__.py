"""Detectors: one module each behind one Detector protocol (see base.py); the registry lists them."""
