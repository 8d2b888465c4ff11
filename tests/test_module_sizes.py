"""No hand-written module over 500 lines (STYLE.md 1; issue 23): a longer one is split by subject.
Migrations and modules that are a data table with a few derived lookups are left out, by name."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500
DATA_TABLES = {"archive/programmes.py"}  # the programme thesaurus: PROGRAMMES is 1,075 of its lines


def test_no_module_over_500_lines():
    long = []
    for package in ("archive", "search", "config", "bench"):
        for path in (ROOT / package).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            if "migrations" in path.parts or name in DATA_TABLES:
                continue
            n = len(path.read_text("utf-8").splitlines())
            if n > LIMIT:
                long.append(f"{name} ({n} lines)")
    assert not long, "modules over 500 lines, split them by subject: " + ", ".join(long)


def test_the_data_tables_are_mostly_data():
    for name in DATA_TABLES:
        lines = (ROOT / name).read_text("utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("PROGRAMMES = ("))
        end = next(i for i, line in enumerate(lines) if i > start and line == ")")
        assert end - start > 0.8 * len(lines), f"{name} is no longer mostly its table: split its code out"
