"""Rebuild archive/data/poverty_counties.csv from ../shared/data/poverty_counties.

The source file mixes old and new codes, stores codes as floats and names some
counties by former or shortened names; each row is reconciled to the code the
gazetteer (cpca) uses, by code, then by name within the province, then through
the rename history in ../shared/data/gazetteer. The command fails unless every
row is matched.
"""

import csv
import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.gazetteer import POVERTY_TABLE, level_of, read_divisions, short_name

# Official totals of counties leaving the list, by year (State Council announcements).
OFFICIAL_EXITS = {2016: 28, 2017: 125, 2018: 283, 2019: 344, 2020: 52}
NAME_FIXES = (("行委", "行政委员会"),)


def _fix(name):
    for old, new in NAME_FIXES:
        name = name.replace(old, new)
    return name


def reconcile(rows, divisions, history, diff):
    """Yield (row, code or None, how) for every source row."""
    by_code = {d.code: d for d in divisions}
    provinces = {d.name: d.code for d in divisions if d.level == "province"}
    by_name = {}
    for d in divisions:
        if d.level != "province":
            by_name.setdefault((d.code[:2], d.name), []).append(d.code)
            by_name.setdefault((d.code[:2], d.short_name), []).append(d.code)
    predecessors = {}
    for old, news in diff.items():
        for new in news:
            predecessors.setdefault(new, []).append(old)

    for row in rows:
        code = str(int(float(row["行政区划代码"])))
        name = _fix(row["县域名称"].strip())
        prov = provinces.get(row["所属省份"].strip(), code[:2] + "0000")[:2]
        d = by_code.get(code)
        if d and d.level != "prefecture" and (d.name == name or d.short_name == short_name(name)):
            yield row, code, "code"
            continue
        found = [c for c in by_name.get((prov, name), []) if by_code[c].level == "county"]
        if len(found) != 1:
            found = [c for c in by_name.get((prov, short_name(name)), []) if by_code[c].level == "county"]
        if len(found) == 1:
            yield row, found[0], "name"
            continue
        olds = [c for c in predecessors.get(code, []) if c in by_code]
        if len(olds) == 1:
            yield row, olds[0], "history"
            continue
        if d and d.level == "county" and any(history.get(old) == name for old in predecessors.get(code, [])):
            yield row, code, "former name"  # new code printed with the old name (郧县 -> 郧阳区)
            continue
        # Divisions cpca lacks (the 行政委员会 of Haixi): the rename history knows their codes.
        found = [c for c, n in history.items() if c[:2] == prov and n == name and level_of(c) == "county"]
        if len(found) == 1:
            yield row, found[0], "history, not in cpca"
            continue
        yield row, None, "unmatched"


class Command(BaseCommand):
    help = "Rebuild the poverty-county facts table from ../shared, reconciled to the gazetteer's codes."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--shared", default=str(settings.SHARED_DIR))
        parser.add_argument("--out", default=str(POVERTY_TABLE))

    def handle(self, *args, shared, out, **options):
        shared = Path(shared)
        src = shared / "data" / "poverty_counties" / "poverty_county_list.csv"
        if not src.exists():
            raise CommandError(f"{src} not found: this command needs ../shared beside the project.")
        with src.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        gz = shared / "data" / "gazetteer"
        history = json.loads((gz / "history.json").read_text("utf-8"))
        diff = json.loads((gz / "diff.json").read_text("utf-8"))
        divisions = read_divisions()
        names = {d.code: d.name for d in divisions}
        names.update({c: n for c, n in history.items() if c not in names})
        table, how, unmatched = {}, Counter(), []
        for row, code, method in reconcile(rows, divisions, history, diff):
            how[method] += 1
            if code is None:
                unmatched.append(f"{row['行政区划代码']} {row['县域名称']}")
                continue
            if code in table:
                raise CommandError(f"two rows reconcile to {code} {names[code]}")
            table[code] = (names[code], int(float(row["摘帽时间"])))
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["code", "name", "exit_year"])
            for code in sorted(table):
                w.writerow([code, *table[code]])
        years = Counter(y for _, y in table.values())
        self.stdout.write(f"{len(rows)} rows: " + ", ".join(f"{k} {v}" for k, v in how.most_common()))
        self.stdout.write(
            "exit years (file / official): "
            + ", ".join(f"{y}: {years.get(y, 0)}/{n}" for y, n in sorted(OFFICIAL_EXITS.items()))
        )
        if unmatched:
            raise CommandError(f"{len(unmatched)} rows could not be matched: " + "; ".join(unmatched))
        self.stdout.write(f"wrote {len(table)} counties to {out}")
