"""The package layout the architecture promises: no hidden state in stages, no import cycles,
no stage package importing a later stage's package (a shared resource belongs beside `kb/`)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.pipeline import STAGE_CLASSES, STAGE_ORDER

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "newsgraph"

STAGE_PACKAGES: dict[str, str] = {
    "annotate": "newsgraph.annotate",
    "actors": "newsgraph.actors",
    "time": "newsgraph.times",
    "places": "newsgraph.places",
    "quotes": "newsgraph.quotes",
    "events": "newsgraph.events",
    "event_dating": "newsgraph.times",
}
"""The package (or module) each stage's code lives in."""

MUTATING_METHODS = frozenset(
    {"append", "extend", "insert", "update", "add", "clear", "pop", "popitem", "remove",
     "discard", "setdefault", "sort", "reverse", "appendleft", "extendleft"}
)  # fmt: skip


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _package_of(module: str) -> str:
    """`newsgraph.events.extract` → `newsgraph.events`; a top-level module is its own package."""
    parts = module.split(".")
    candidate = ".".join(parts[:2])
    return candidate


def _imports(module: str, path: Path) -> set[str]:
    """Every newsgraph module imported anywhere in the file, function-level imports included."""
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    known = {name for name, _ in _modules()}
    return {name for name in found if name in known and name != module}


def _graph() -> dict[str, set[str]]:
    return {name: _imports(name, path) for name, path in _modules()}


def test_structure_stage_packages_cover_the_registry() -> None:
    assert list(STAGE_PACKAGES) == list(STAGE_ORDER)
    for stage, (module, _) in STAGE_CLASSES.items():
        assert module == STAGE_PACKAGES[stage]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    # a package's __init__ re-exporting its submodules is not a cycle of the design
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return cycles


def _shown(cycles: list[list[str]]) -> str:
    return "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_structure_no_import_cycle_counting_function_level_imports() -> None:
    graph = {m: t for m, t in _graph().items() if not m.startswith("newsgraph.store")}
    cycles = _cycles(graph)
    assert cycles == [], _shown(cycles)


def test_structure_no_import_cycle_in_the_store() -> None:
    cycles = _cycles(_graph())
    assert cycles == [], _shown(cycles)


def test_structure_cycle_finder_sees_a_function_level_import() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_structure_no_stage_package_imports_a_later_stage() -> None:
    graph = _graph()
    position: dict[str, int] = {}
    for index, stage in enumerate(STAGE_ORDER):
        position.setdefault(STAGE_PACKAGES[stage], index)
    wrong: list[str] = []
    for module, targets in graph.items():
        mine = position.get(_package_of(module))
        if mine is None:
            continue
        for target in targets:
            theirs = position.get(_package_of(target))
            if theirs is not None and theirs > mine:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def _mutable_state(path: Path) -> list[str]:
    """Module-level names a function rebinds (`global`) or mutates in place."""
    tree = ast.parse(path.read_text("utf-8"))
    module_names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        module_names.update(t.id for t in targets if isinstance(t, ast.Name))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found += [f"global {name}" for name in node.names]
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in module_names
                ):
                    found.append(f"{target.value.id}[...] assigned")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in module_names
            and node.func.attr in MUTATING_METHODS
        ):
            found.append(f"{node.func.value.id}.{node.func.attr}()")
    return found


@pytest.mark.parametrize("package", sorted(set(STAGE_PACKAGES.values())))
def test_structure_no_module_level_mutable_state_in_stage_packages(package: str) -> None:
    paths = [p for name, p in _modules() if name == package or name.startswith(package + ".")]
    assert paths
    found = {str(p.relative_to(SRC)): _mutable_state(p) for p in paths}
    assert {k: v for k, v in found.items() if v} == {}


def test_structure_state_scan_finds_a_remembered_global(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "_ACTIVE: list[int] = []\n_CACHE = {}\nCOUNT = 0\n"
        "def use(x):\n    _ACTIVE[:] = [x]\n\n"
        "def remember(k, v):\n    _CACHE.setdefault(k, v)\n\n"
        "def bump():\n    global COUNT\n    COUNT += 1\n",
        encoding="utf-8",
    )
    found = sorted(_mutable_state(sample))
    assert found == ["_ACTIVE[...] assigned", "_CACHE.setdefault()", "global COUNT"]
