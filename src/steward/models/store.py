"""Where the shipped models live, and loading them: lazily, once, thread-safe, never over the network.

The artifacts are package data beside this module: ``<model>.npz`` and ``manifest.json`` (written by
``training/train.py``). The manifest records each artifact's SHA-256; a file that does not match is refused
(a partial copy or a hand edit would otherwise give silently wrong scores).
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from steward.models.linear import Bundle, ModelError, load_model

MODELS_DIR = Path(__file__).resolve().parent
MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    name: str
    category: str
    kind: str
    version: str


#: The shipped models and what they report (the manifest must agree).
MODEL_SPECS: dict[str, ModelSpec] = {
    s.name: s
    for s in (
        ModelSpec("offensive_lr", "abuse", "offensive_model", "1.0"),
        ModelSpec("hate_lr", "hate", "hate_model", "1.0"),
        ModelSpec("spam_lr", "commercial", "spam_model", "1.0"),
    )
}

_lock = threading.Lock()
_bundle: Bundle | None = None


def read_manifest(folder: Path = MODELS_DIR) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model manifest ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("models"), dict):
        raise ModelError(f"{path}: not a model manifest")
    return data


def check_sha256(path: Path, digest: object) -> None:
    """Refuse an artifact whose SHA-256 differs from the manifest's (a partial copy or a hand edit)."""
    try:
        got = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ModelError(f"{path}: cannot read model ({exc})") from None
    if got != digest:
        raise ModelError(f"{path}: SHA-256 does not match the manifest; rebuild with `make models`")


def load_bundle(folder: Path = MODELS_DIR, names: tuple[str, ...] = tuple(MODEL_SPECS)) -> Bundle:
    """Load and check the named models from ``folder`` into one Bundle (no caching; see shipped_bundle)."""
    manifest = read_manifest(folder)["models"]
    models = []
    for name in names:
        entry = manifest.get(name)
        spec = MODEL_SPECS.get(name)
        if entry is None or spec is None:
            raise ModelError(f"model {name!r} is not in {folder / MANIFEST}")
        path = folder / str(entry["file"])
        check_sha256(path, entry.get("sha256"))
        model = load_model(path)
        expected = {"name": spec.name, "version": spec.version, "category": spec.category, "kind": spec.kind}
        got = {k: model.meta.get(k) for k in expected}
        if got != expected:
            raise ModelError(f"{path}: metadata {got} does not match {expected}")
        models.append(model)
    return Bundle(tuple(models))


def shipped_bundle() -> Bundle:
    """The shipped models, loaded on first call and shared afterwards (safe to call from several threads)."""
    global _bundle
    if _bundle is None:
        with _lock:
            if _bundle is None:
                _bundle = load_bundle()
    return _bundle
