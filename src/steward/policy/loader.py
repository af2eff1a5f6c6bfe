"""Load policy packs from YAML, reporting every problem at once with its file and line.

Like Osprey's rule files, a pack is validated before it runs; a broken pack names each error with
``file:line: path: message`` so an administrator can fix them all in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from steward.errors import PolicyError, PolicyNotFound
from steward.policy.schema import PolicyPack

Path_ = tuple[str | int, ...]
_PATH_PREFIX = re.compile(r"^(?P<path>[A-Za-z_]\w*(?:\.[\w-]+)*): ")


def _positions(node: yaml.Node, path: Path_, out: dict[Path_, int], problems: list[str], name: str) -> None:
    """Record the 1-based line of every node by its path; flag duplicate keys (PyYAML keeps the last silently)."""
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                problems.append(f"{name}:{key_node.start_mark.line + 1}: {_dotted((*path, key))}: duplicate key")
            seen.add(key)
            out[(*path, key)] = key_node.start_mark.line + 1
            _positions(value_node, (*path, key), out, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _positions(child, (*path, i), out, problems, name)


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _line_for(path: Path_, positions: dict[Path_, int]) -> int:
    for cut in range(len(path), -1, -1):
        if path[:cut] in positions:
            return positions[path[:cut]]
    return 1


def _parse_path(text: str) -> Path_:
    return tuple(int(p) if p.isdigit() else p for p in text.split("."))


def _validation_problems(exc: ValidationError, name: str, positions: dict[Path_, int]) -> list[str]:
    problems: list[str] = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
        msg = str(err["msg"]).removeprefix("Value error, ")
        if loc:
            problems.append(f"{name}:{_line_for(loc, positions)}: {_dotted(loc)}: {msg}")
            continue
        # Whole-pack checks (references between rules, clauses and templates) name their own paths.
        for part in msg.split("; "):
            m = _PATH_PREFIX.match(part)
            line = _line_for(_parse_path(m.group("path")), positions) if m else 1
            problems.append(f"{name}:{line}: {part}")
    return problems


#: Packs are a few hundred lines nested a few levels deep; anything deeper is refused before it is composed.
MAX_DEPTH = 20


def _refuse_aliases_and_depth(text: str, name: str) -> None:
    """YAML aliases (``*ref``) can expand a small file exponentially ("billion laughs"); packs never need them."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            raise PolicyError(f"{name} uses a YAML alias", (f"{name}:{line}: YAML aliases (*name) are not allowed",))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark is not None else 1
                raise PolicyError(
                    f"{name} is nested too deeply", (f"{name}:{line}: nested more than {MAX_DEPTH} levels deep",)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_pack(text: str, name: str = "<pack>") -> PolicyPack:
    """Parse and validate pack text. Raises PolicyError listing every problem with ``name:line``."""
    try:
        _refuse_aliases_and_depth(text, name)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)  # safe: tags such as !!python/object are refused, never run
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(f"{name} is not valid YAML", (f"{name}:{line}: {problem}",)) from exc
    if node is None:
        raise PolicyError(f"{name} is empty", (f"{name}:1: the file holds no policy pack",))
    positions: dict[Path_, int] = {}
    problems: list[str] = []
    _positions(node, (), positions, problems, name)
    if not isinstance(data, dict):
        raise PolicyError(f"{name} is not a policy pack", (f"{name}:1: expected a mapping at the top level",))
    try:
        pack = PolicyPack.model_validate(data)
    except ValidationError as exc:
        problems += _validation_problems(exc, name, positions)
    if problems:
        raise PolicyError(f"{name} has {len(problems)} problem(s)", tuple(problems))
    return pack


def load_pack(path: Path | str) -> PolicyPack:
    """Load a pack from a file path."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read {p}", (f"{p}:1: {exc}",)) from exc
    return parse_pack(text, str(p))


def _bundled() -> Iterator[tuple[str, str]]:
    root = resources.files("steward") / "policies"
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            yield entry.name, entry.read_text(encoding="utf-8")


@cache
def bundled_packs() -> dict[str, PolicyPack]:
    """The packs shipped with Steward, by id."""
    packs: dict[str, PolicyPack] = {}
    for file_name, text in _bundled():
        pack = parse_pack(text, f"steward/policies/{file_name}")
        packs[pack.id] = pack
    return packs


DEFAULT_INBOUND = "surrey-heartlands-aus"
DEFAULT_OUTBOUND = "bradford-craven-smp"


def get_pack(id_or_path: str) -> PolicyPack:
    """A bundled pack by id, or a pack file by path."""
    packs = bundled_packs()
    if id_or_path in packs:
        return packs[id_or_path]
    candidate = Path(id_or_path)
    if candidate.suffix in {".yaml", ".yml"} or candidate.exists():
        return load_pack(candidate)
    known = ", ".join(sorted(packs)) or "none"
    raise PolicyNotFound(f"no policy pack {id_or_path!r}; bundled packs: {known}")
