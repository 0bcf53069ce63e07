"""The architecture as ARCHITECTURE.md states it: the layers' import rule, every module importable
by its name, and the table of the build's events in the order MkDocs really runs them."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import ROOT, load_site_config

PACKAGE = ROOT / "hooks" / "kda"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"

# layer -> the layers of kda it may import (ARCHITECTURE.md, "What may import what")
BASE = {"paths", "settings", "problems", "compat"}  # foundation modules every layer may import
ALLOWED = {
    "model": {"model"} | BASE,
    "checks": {"model", "checks"} | BASE,
    "outputs": {"model", "checks", "outputs", "tooling"} | BASE,
    "views": {"model", "checks", "outputs", "views"} | BASE,
    "tooling": {"tooling"} | BASE,
    "wiring": {"model", "checks", "outputs", "views", "wiring", "tooling"} | BASE,
    "paths": set(),
    "settings": {"paths", "problems"},
    "problems": set(),
    "compat": {"compat"},  # adaptations to third-party internals: nothing of kda but each other
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def kda_imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def test_every_module_imports_by_its_name():
    for name, _path in modules():
        importlib.import_module(name)


def test_layers_import_only_what_the_rule_allows():
    problems = []
    for name, path in modules():
        parts = name.split(".")
        if len(parts) < 2:
            continue
        layer = parts[1]
        for imported in kda_imports(path):
            if layer == "model" and imported.split(".")[0] == "mkdocs":
                problems.append(f"{name} imports {imported}: the model knows nothing of MkDocs")
            if imported.split(".")[0] != "kda" or imported == "kda":
                continue
            target = imported.split(".")[1]
            if target not in ALLOWED.get(layer, set()):
                problems.append(f"{name} imports {imported}")
    assert problems == []


def test_entry_files_only_hand_events_to_the_package():
    for entry in sorted((ROOT / "hooks").glob("*.py")):
        tree = ast.parse(entry.read_text(encoding="utf-8"))
        kinds = {type(node).__name__ for node in tree.body}
        assert kinds <= {"Expr", "ImportFrom", "Assign"}, f"{entry.name}: {kinds}"
        assert all(imported in ("kda.wiring.events", "kda.outputs.search") for imported in kda_imports(entry))


def test_no_module_shadows_the_standard_library():
    import sys

    names = {path.stem for path in (ROOT / "hooks").glob("*.py")} | {path.stem for _n, path in modules()}
    top_level = {path.stem for path in (ROOT / "hooks").glob("*.py")} | {"kda"}
    assert not (top_level & set(sys.stdlib_module_names))
    assert names  # the package is there


# --- the events table ----------------------------------------------------------------------

# The events in the order a build meets them (`mkdocs serve` adds `serve` after `config`).
BUILD_ORDER = ["startup", "config", "serve", "pre_build", "files", "nav", "env", "pre_page", "page_read_source",
               "page_markdown", "page_content", "page_context", "post_page", "pre_template", "template_context",
               "post_template", "post_build", "build_error", "shutdown"]


def handler_name(method, plugins) -> str:
    owner = getattr(method, "__self__", None)
    if owner is not None:
        for name, plugin in plugins.items():
            if plugin is owner:
                return name
        return type(owner).__name__
    return f"{method.__module__}.{method.__name__}"


@pytest.fixture(scope="module")
def real_order() -> list[tuple[str, str]]:
    config = load_site_config(ROOT)
    plugins = config.plugins
    rows = [(event, handler_name(method, plugins)) for event, methods in plugins.events.items() for method in methods]
    return sorted(rows, key=lambda row: BUILD_ORDER.index(row[0]))  # stable: each event's handlers keep their order


def documented_order() -> list[tuple[str, str]]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    table = text.split("<!-- events: start -->")[1].split("<!-- events: end -->")[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] and not set(cells[0]) <= {"-", " "} and cells[0] != "event":
            rows.append((cells[0], cells[1]))
    return rows


def test_the_events_table_is_the_order_mkdocs_runs(real_order):
    expected = "\n".join(f"| `{event}` | `{handler}` | |" for event, handler in real_order)
    assert documented_order() == real_order, f"ARCHITECTURE.md's table should list, in order:\n{expected}"


def test_architecture_lists_every_module():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    missing = [name for name, path in modules() if path.name != "__init__.py" and f"`{name}`" not in text]
    assert missing == [], "add a row to ARCHITECTURE.md's module table for each"
