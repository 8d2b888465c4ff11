"""No import cycle among the project's modules, and imports at the top of a module unless a comment
(on the import's line or the line above) says why not: its start-up cost, the app registry.

Every import statement counts, wherever it is in a file (one inside a function still makes the
two modules depend on each other, it only defers the failure). The graph has an edge from a module
to each project module it imports (`from pkg import name` counts pkg.name when that is a module,
else pkg); its strongly connected components of more than one module are the cycles.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("archive", "search", "config")
OWNED_ELSEWHERE = set()  # files whose imports another branch is moving (none now)
KNOWN_CYCLES = []  # a cycle that another branch is breaking (none now); the test fails when one here is gone


def modules():
    """{dotted name: path} of every project module (migrations aside: Django writes them)."""
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _absolute(module, path, node):
    """The module a `from ... import` names, made absolute."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _target(name, known):
    """The deepest project module a dotted name falls in, or None."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in known:
            return ".".join(parts)
        parts.pop()
    return None


def imports(known):
    """({module: {imported project modules}}, [(path, line, statement) of an import in a function with
    no comment saying why])."""
    graph, inner = {}, []
    for module, path in known.items():
        source = path.read_text("utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        edges = set()
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        nested = {id(n) for f in functions for n in ast.walk(f) if isinstance(n, ast.Import | ast.ImportFrom)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(module, path, node)
                names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            else:
                continue
            targets = {t for t in (_target(n, known) for n in names) if t and t != module}
            edges |= targets
            if id(node) in nested and str(path.relative_to(ROOT)) not in OWNED_ELSEWHERE:
                said = lines[node.lineno - 2 : node.end_lineno]  # a comment on the line above or the import's own
                if not any("#" in line for line in said):
                    inner.append((path.relative_to(ROOT), node.lineno, ast.unparse(node)))
        graph[module] = edges
    return graph, inner


def cycles(graph):
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_the_graph_sees_imports_anywhere_in_a_file():
    known = modules()
    graph, _inner = imports(known)
    assert "archive.models" in graph["archive.ingest.store"]
    assert "archive.ingest.normalize" in graph["archive.evaluation"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle():
    found = cycles(imports(modules())[0])
    new = [c for c in found if c not in KNOWN_CYCLES]
    assert not new, "import cycles: " + "; ".join(" ↔ ".join(c) for c in new)
    gone = [c for c in KNOWN_CYCLES if c not in found]
    assert not gone, "no longer a cycle, remove it from KNOWN_CYCLES: " + "; ".join(" ↔ ".join(c) for c in gone)


def test_imports_in_functions_say_why():
    _graph, inner = imports(modules())
    assert not inner, "imports inside functions without a comment saying why (start-up cost, app registry):\n" + (
        "\n".join(f"{path}:{line}: {statement}" for path, line, statement in inner)
    )
