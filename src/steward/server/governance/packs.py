"""Which version of each policy pack is active, and the pipeline built from it.

Bundled packs are recorded as a first ``PackVersion`` the first time they are asked for, so every decision can
point at the exact YAML it was made under. An uploaded pack is validated (every problem with its line) before it
is stored; activating it makes new decisions use it while old decisions keep theirs.
"""

from __future__ import annotations

import hashlib
import threading
from importlib import resources

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from steward.errors import PolicyNotFound
from steward.pipeline import Pipeline
from steward.policy import PolicyPack, parse_pack
from steward.server.audit.chain import record
from steward.server.governance.models import PackVersion

_lock = threading.Lock()
_packs: dict[int, PolicyPack] = {}
_pipelines: dict[int, Pipeline] = {}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _bundled_source(pack_id: str) -> str | None:
    root = resources.files("steward") / "policies"
    for entry in root.iterdir():
        if entry.name.endswith(".yaml"):
            text = entry.read_text(encoding="utf-8")
            if parse_pack(text, entry.name).id == pack_id:
                return text
    return None


def active_version(pack_id: str) -> PackVersion:
    """The active version of ``pack_id``, recording the bundled pack on first use."""
    row = PackVersion.objects.filter(pack_id=pack_id, active=True).first()
    if row is not None:
        return row
    source = _bundled_source(pack_id)
    if source is None:
        raise PolicyNotFound(f"no active version of policy pack {pack_id!r} and no bundled pack of that id")
    pack = parse_pack(source, f"steward/policies/{pack_id}.yaml")
    try:
        with transaction.atomic():
            row = PackVersion.objects.create(
                pack_id=pack.id,
                version=pack.version,
                direction=str(pack.direction),
                source=source,
                sha256=_sha(source),
                active=True,
            )
            record("pack.activated", obj=row, data={"pack": pack.id, "version": pack.version, "bundled": True})
    except IntegrityError:  # another process recorded it first
        row = PackVersion.objects.get(pack_id=pack_id, active=True)
    return row


def pack_for(version: PackVersion) -> PolicyPack:
    """The parsed pack of that exact version (parsed once per process; no detectors are built)."""
    with _lock:
        pack = _packs.get(version.pk)
        if pack is None:
            pack = parse_pack(version.source, f"{version.pack_id} {version.version}")
            _packs[version.pk] = pack
        return pack


def pipeline_for(version: PackVersion) -> Pipeline:
    """A pipeline for that exact version (built once per process: the detectors take a second or two)."""
    pack = pack_for(version)
    with _lock:
        pipeline = _pipelines.get(version.pk)
        if pipeline is None:
            pipeline = Pipeline(pack)
            _pipelines[version.pk] = pipeline
        return pipeline


def upload(source: str, *, user: User | None, activate: bool = True, name: str = "<upload>") -> PackVersion:
    """Validate and store a new version of a pack (PolicyError lists every problem with its line)."""
    pack = parse_pack(source, name)
    digest = _sha(source)
    with transaction.atomic():
        existing = PackVersion.objects.filter(pack_id=pack.id, sha256=digest).first()
        row = existing or PackVersion.objects.create(
            pack_id=pack.id,
            version=pack.version,
            direction=str(pack.direction),
            source=source,
            sha256=digest,
            uploaded_by=user,
        )
        if existing is None:
            record("pack.uploaded", actor=user, obj=row, data={"pack": pack.id, "version": pack.version})
        if activate and not row.active:
            PackVersion.objects.filter(pack_id=pack.id, active=True).update(active=False)
            PackVersion.objects.filter(pk=row.pk).update(active=True)
            row.refresh_from_db()
            record("pack.activated", actor=user, obj=row, data={"pack": pack.id, "version": pack.version})
    return row
