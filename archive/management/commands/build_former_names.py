"""Rebuild archive/data/former_names.csv from ../shared/data/gazetteer: the names a division had
before the gazetteer's (cpca's) and the names it took after, each tied to the code the archive
knows it by.

Sources: location_changes.tsv (dated renames: 襄樊市 -> 襄阳市 2010-12-09, 大同县 -> 云州区
2018-02-09) and history.json + diff.json (retired codes and their successors: 定陶县 371727 ->
定陶区 371703; 黔西县 520522 -> 黔西市 520581). A retired code is followed to the archive's code
only through single successors and only where the name is the same place re-designated (定陶县 ->
定陶区: the same stem) or a dated rename says so: diff.json maps some codes to an unrelated
division (郧县 420321 -> 郧西县 420322), which a stem check catches. A name that is some other
division's name in the same province is left out (it would be ambiguous).
"""

import csv
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.gazetteer import (
    FORMER_NAMES_TABLE,
    PLACEHOLDER_NAMES,
    Division,
    level_of,
    read_divisions,
    read_poverty_table,
    short_name,
)


def _changes(path):
    """(date, province, old name, new name, new prefecture or None) from the dated renames."""
    for line in path.read_text("utf-8").splitlines():
        f = line.split("\t")
        if len(f) == 7:  # a prefecture: 襄樊市 襄樊=>湖北省 襄阳市
            yield f[0], f[2], f[4], f[6], None
        elif len(f) == 10:  # a county: 大同县 大同县=>山西省 大同市 云州区
            yield f[0], f[2], f[6], f[9], f[8]


def former_names(divisions, history, diff, changes):
    """[(name, code, kind, date)]: kind is "former" (before the archive's name) or "later"."""
    by_code = {d.code: d for d in divisions}
    names_in = {}  # (province prefix, name) -> codes
    for d in divisions:
        names_in.setdefault((d.code[:2], d.name), []).append(d.code)
    out = {}

    def add(name, code, kind, date="", level=None):
        if not name or name in PLACEHOLDER_NAMES or len(name) < 3 or name == by_code[code].name:
            return
        if level and level != by_code[code].level:
            return  # 郧阳地区 (a prefecture) is not 郧阳区 (a county)
        others = [c for c in names_in.get((code[:2], name), []) if c != code]
        if others:
            return  # another division of the province has that name
        key = (name, code)
        if key not in out or (date and not out[key][3]):
            out[key] = (name, code, kind, date)

    provinces = {d.name: d.code[:2] for d in divisions if d.level == "province"}
    for date, province, old, new, _prefecture in changes:
        prov = provinces.get(province)
        if not prov or old == new:
            continue
        new_codes = names_in.get((prov, new), [])
        old_codes = names_in.get((prov, old), [])
        if len(new_codes) == 1:
            add(old, new_codes[0], "former", date)
        elif len(old_codes) == 1:
            add(new, old_codes[0], "later", date)

    def follow(code):
        seen = set()
        while code not in by_code and code not in seen:
            seen.add(code)
            nxt = diff.get(code) or []
            if len(nxt) != 1:
                return None
            code = nxt[0]
        return code if code in by_code else None

    for code, name in history.items():
        if code in by_code and by_code[code].name != name:
            add(name, code, "former", level=level_of(code))
            continue
        target = follow(code) if code not in by_code else None
        if target and short_name(name) == by_code[target].short_name:
            add(name, target, "former", level=level_of(code))
    predecessors = {}
    for old, news in diff.items():
        for new in news:
            predecessors.setdefault(new, []).append(old)
    for code, name in history.items():  # newer names the archive's codes took (黔西县 520522 -> 黔西市 520581)
        if code in by_code:
            continue
        olds = [c for c in predecessors.get(code, []) if c in by_code and len(diff.get(c, [])) == 1]
        if len(olds) == 1 and short_name(name) == by_code[olds[0]].short_name:
            add(name, olds[0], "later", level=level_of(code))
    return sorted(out.values(), key=lambda r: (r[1], r[0]))


class Command(BaseCommand):
    help = "Rebuild the former-names facts table from ../shared/data/gazetteer, tied to the gazetteer's codes."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--shared", default=str(settings.SHARED_DIR))
        parser.add_argument("--out", default=str(FORMER_NAMES_TABLE))

    def handle(self, *args, shared, out, **options):
        gz = Path(shared) / "data" / "gazetteer"
        if not (gz / "history.json").exists():
            raise CommandError(f"{gz} not found: this command needs ../shared beside the project.")
        divisions = list(read_divisions())
        known = {d.code for d in divisions}
        for code, (name, _year) in read_poverty_table().items():  # the Haixi 行政委员会 cpca lacks
            if code not in known:
                divisions.append(Division(code, name, short_name(name), "county", None, None, None))
        rows = former_names(
            divisions,
            json.loads((gz / "history.json").read_text("utf-8")),
            json.loads((gz / "diff.json").read_text("utf-8")),
            list(_changes(gz / "location_changes.tsv")),
        )
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["name", "code", "kind", "date"])
            w.writerows(rows)
        kinds = {k: sum(1 for r in rows if r[2] == k) for k in ("former", "later")}
        self.stdout.write(f"wrote {len(rows)} names ({kinds['former']} former, {kinds['later']} later) to {out}")
