"""docs/architecture.md's stage table says what the stages declare."""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.pipeline import STAGE_CLASSES, STAGE_ORDER, stage_class

DOC = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"
ROW = re.compile(
    r"^\| `(?P<name>\w+)` \| `(?P<cls>[\w.]+)` \| (?P<req>[^|]*) \| (?P<prov>[^|]*) \|"
)


def _fields(cell: str) -> frozenset[str]:
    return frozenset(re.findall(r"`(\w+)`", cell))


def _table() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    rows = {}
    for line in DOC.read_text("utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows[match["name"]] = (match["cls"], _fields(match["req"]), _fields(match["prov"]))
    return rows


def test_architecture_stage_table_lists_every_stage_in_order() -> None:
    assert list(_table()) == list(STAGE_ORDER)


def test_architecture_stage_table_matches_the_declarations() -> None:
    for name, (dotted, requires, provides) in _table().items():
        module, attribute = STAGE_CLASSES[name]
        assert dotted == f"{module}.{attribute}", name
        cls = stage_class(name)
        assert cls.name == name
        assert requires == cls.requires, f"{name}: docs say {sorted(requires)}"
        assert provides == cls.provides, f"{name}: docs say {sorted(provides)}"


def test_architecture_layout_names_every_package_and_only_existing_ones() -> None:
    text = DOC.read_text("utf-8")
    block = text.split("## Layout", 1)[1].split("```")[1]
    body = block.split("src/newsgraph/", 1)[1]
    named = set(re.findall(r"\b([a-z_]+(?:/|\.py))", body))
    src = DOC.parent.parent / "src" / "newsgraph"
    for name in named:
        assert (src / name.rstrip("/")).exists(), name
    packages = {f"{p.name}/" for p in src.iterdir() if (p / "__init__.py").is_file()}
    assert packages <= named, f"not in the layout: {sorted(packages - named)}"
