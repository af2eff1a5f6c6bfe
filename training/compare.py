"""Do two builds of the learned tiers score the same? ``python -m training.compare SHIPPED REBUILT``.

Reads the ``manifest.json`` of two model folders (the shipped ``src/steward/models`` and a fresh
``python -m training.train --out DIR``) and compares, for every fast-tier model and every accurate-tier head,
each scored set's macro-F1, F1, ROC-AUC and PR-AUC, plus the fairness summary (lowest subgroup AUC, false-positive
rate gap) where there is one. It also says which artifacts are byte for byte the same (SHA-256).

"Within noise" means every metric differs by at most ``--tolerance`` (default 0.01: one point of F1 or AUC).
The fast tier is deterministic and should match exactly; so did the fine-tuned encoder on the same machine
(two runs, byte-identical), but CPU floating point in fine-tuning may differ on another CPU or thread count.
Exit status 1 when a metric moves more than the tolerance or a model or scored set is missing from either side,
else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from steward.models.linear import ModelError
from steward.models.store import read_manifest

METRICS = ("macro_f1", "f1", "roc_auc", "pr_auc")
TOLERANCE = 0.01


@dataclass(frozen=True)
class Row:
    """One compared number: which model (or head), which set, which metric, and its two values."""

    model: str
    set: str
    metric: str
    shipped: float | None
    rebuilt: float | None

    @property
    def diff(self) -> float | None:
        if self.shipped is None or self.rebuilt is None:
            return None
        return self.rebuilt - self.shipped

    def within(self, tolerance: float) -> bool:
        d = self.diff  # manifests keep 4 decimals: round away binary floating point's last bits
        return d is not None and round(abs(d), 9) <= tolerance


def _manifest(folder: Path) -> dict[str, Any]:
    """The run-time reader's manifest (``steward.models.store.read_manifest``); its error ends the command."""
    try:
        return read_manifest(folder)
    except ModelError as exc:
        raise SystemExit(str(exc)) from None


def scored(manifest: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every model and head with results, by name (heads as ``encoder/<head>``)."""
    out: dict[str, dict[str, Any]] = {}
    for name, entry in manifest["models"].items():
        if not isinstance(entry, dict):
            continue
        if "results" in entry:
            out[name] = entry
        for head, spec in (entry.get("heads") or {}).items():
            if isinstance(spec, dict) and "results" in spec:
                out[f"{name}/{head}"] = spec
    return out


def _numbers(entry: Mapping[str, Any]) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for result in entry.get("results") or []:
        ours = result.get("ours") or {}
        for metric in METRICS:
            if isinstance(ours.get(metric), (int, float)):
                out[(str(result.get("set")), metric)] = float(ours[metric])
    fairness = entry.get("fairness")
    if isinstance(fairness, dict) and fairness.get("groups"):
        aucs = [g["subgroup_auc"] for g in fairness["groups"] if isinstance(g.get("subgroup_auc"), (int, float))]
        if aucs:
            out[("bias-madlibs", "lowest subgroup AUC")] = float(min(aucs))
        if isinstance(fairness.get("fpr_gap"), (int, float)):
            out[("bias-madlibs", "FPR gap")] = float(fairness["fpr_gap"])
    return out


def compare(shipped: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> list[Row]:
    """One row per (model, set, metric) found on either side; a side without it has None."""
    a, b = scored(shipped), scored(rebuilt)
    rows: list[Row] = []
    for model in sorted(a.keys() | b.keys()):
        left = _numbers(a.get(model, {}))
        right = _numbers(b.get(model, {}))
        for key in sorted(left.keys() | right.keys()):
            rows.append(Row(model, key[0], key[1], left.get(key), right.get(key)))
    return rows


def identical_files(shipped: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> Iterator[tuple[str, bool]]:
    """Each artifact named in either manifest and whether both hold it with the same SHA-256."""

    def digests(manifest: Mapping[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, entry in manifest["models"].items():
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("sha256"), str):
                out[str(entry.get("file", name))] = entry["sha256"]
            for file, digest in (entry.get("files") or {}).items():
                out[f"{entry.get('folder', name)}/{file}"] = str(digest)
        return out

    left, right = digests(shipped), digests(rebuilt)
    for file in sorted(left.keys() | right.keys()):
        yield file, left.get(file) is not None and left.get(file) == right.get(file)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.compare", description=__doc__.splitlines()[0])
    ap.add_argument("shipped", type=Path, help="a model folder (e.g. src/steward/models)")
    ap.add_argument("rebuilt", type=Path, help="another (e.g. the --out of a fresh python -m training.train)")
    ap.add_argument("--tolerance", type=float, default=TOLERANCE, help=f"largest |difference| (default {TOLERANCE})")
    args = ap.parse_args(argv)
    shipped, rebuilt = _manifest(args.shipped), _manifest(args.rebuilt)
    rows = compare(shipped, rebuilt)
    print(f"| model | set | metric | {args.shipped} | {args.rebuilt} | difference |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    bad = 0
    for row in rows:
        d = row.diff
        mark = "" if row.within(args.tolerance) else " ✗"
        bad += not row.within(args.tolerance)
        worst = max(worst, abs(d) if d is not None else 0.0)
        diff = "missing" if d is None else f"{d:+.4f}"
        print(f"| {row.model} | {row.set} | {row.metric} | {_fmt(row.shipped)} | {_fmt(row.rebuilt)} | {diff}{mark} |")
    files = list(identical_files(shipped, rebuilt))
    same = [f for f, ok in files if ok]
    print()
    print(f"byte for byte the same: {len(same)} of {len(files)} artifacts" + (f" ({', '.join(same)})" if same else ""))
    print(
        f"{len(rows)} numbers, largest difference {worst:.4f}; "
        + ("all within" if not bad else f"{bad} beyond")
        + f" the tolerance {args.tolerance:g}"
    )
    return 1 if bad or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
