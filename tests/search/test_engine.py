"""The Whoosh seam: search/engine/ holds for Whoosh 2.7.4 only, says so, and its modules import one way."""

import ast
import importlib
from pathlib import Path

import pytest

from search import engine

ENGINE = Path(engine.__file__).parent


def test_the_installed_whoosh_is_the_one_the_engine_was_written_against():
    problem = engine.whoosh_mismatch()
    assert problem is None, problem


def test_another_whoosh_is_named_with_what_to_do(monkeypatch):
    import whoosh

    monkeypatch.setattr(whoosh, "__version__", (2, 7, 5))
    problem = engine.whoosh_mismatch()
    assert "2.7.4" in problem and "2.7.5" in problem and "search/engine/__init__.py" in problem


def _imports(path):
    """The search.engine modules a module imports, anywhere in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(a.name for a in node.names)
            elif node.module and node.module.startswith("search.engine."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("search.engine."))
    return found


def test_the_engine_modules_import_one_way():
    graph = {p.stem: _imports(p) for p in ENGINE.glob("*.py") if p.stem != "__init__"}

    def reaches(start, target, seen=()):
        return any(n == target or (n not in seen and reaches(n, target, (*seen, n))) for n in graph.get(start, ()))

    cycles = [m for m in graph if reaches(m, m)]
    assert not cycles, {m: graph[m] for m in cycles}
    assert "backend" not in graph["segment_writer"]  # the cycle the issue found: backends <-> segment_writer


@pytest.mark.parametrize("name", ["FacetKeyword", "PresegmentedPositions", "InliningCodec", "ChineseWhooshEngine"])
def test_the_names_older_indexes_and_settings_use_still_load(name):
    import pickle

    from search import backends

    cls = getattr(backends, name)
    assert pickle.loads(pickle.dumps(cls)) is cls
    assert pickle.loads(f"csearch.backends\n{name}\n.".encode()) is cls  # the path an old index pickled


@pytest.mark.django_db
def test_every_class_an_index_pickles_is_found_where_it_says(settings):
    """The index's table of contents (schema and segments) names classes by their import path."""
    import re

    from search.indexing import rebuild

    rebuild()
    folder = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    names = set()
    for toc in folder.glob("*.toc"):
        data = toc.read_bytes()
        names |= {(m.decode(), n.decode()) for m, n in re.findall(rb"c(search\.[a-z_.]+)\n(\w+)\n", data)}
        names |= {(m.decode(), n.decode()) for m, n in re.findall(rb"\x8c.(search\.[a-z_.]+)\x94\x8c.(\w+)\x94", data)}
    assert names
    for module, name in names:
        assert getattr(importlib.import_module(module), name, None) is not None, (module, name)


def test_every_private_whoosh_name_used_is_listed():
    """Each `._name` read off a Whoosh object in the engine's modules appears in the seam's docstring."""
    listed = engine.__doc__
    trees = {path.name: ast.parse(path.read_text("utf-8")) for path in ENGINE.glob("*.py")}
    own = {"_local"}  # the engine's own: functions, classes and attributes it assigns (not Whoosh's)
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
    missing = {
        f"{name}: {node.attr}"
        for name, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr not in own
        and f"`{node.attr}" not in listed
    }
    assert not missing, sorted(missing)
