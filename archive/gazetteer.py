"""The gazetteer: the one place that knows China's divisions.

Rows come from the PyPI package cpca (MIT), which ships resources/adcodes.csv
(GB/T 2260 codes with coordinates, as of the poverty-alleviation era). The
national poverty counties come from the project's own facts table
(archive/data/poverty_counties.csv, built by `manage.py build_poverty_counties`).
"""

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POVERTY_TABLE = Path(__file__).resolve().parent / "data" / "poverty_counties.csv"
FORMER_NAMES_TABLE = Path(__file__).resolve().parent / "data" / "former_names.csv"

# cpca rows that are grouping placeholders, not divisions: their children hang on the province.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Division suffixes, longest first; ethnic names are stripped before 自治X.
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "矿区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short_name: str
    level: str
    parent_code: str | None
    longitude: float | None
    latitude: float | None


def _package_file(package, *parts):
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


@lru_cache(maxsize=1)
def ethnic_names():
    """The 56 nationalities (from cpca), longest first, without the trailing 族 too."""
    names = [
        line.strip() for line in _package_file("cpca", "resources", "56_nations.csv").read_text("utf-8").splitlines()
    ]
    names = [n for n in names if n]
    names = set(names) | {n[:-1] for n in names if n.endswith("族") and len(n) > 2} | {"各族"}
    return tuple(sorted(names, key=len, reverse=True))


def short_name(name):
    """平利县 -> 平利, 北川羌族自治县 -> 北川, 凉山彝族自治州 -> 凉山, 广西壮族自治区 -> 广西, 东乡族自治县 -> 东乡.

    A name that would shrink below two characters keeps its suffix (魏县 stays 魏县).
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix.endswith("自治区"):
                changed = True
                while changed:
                    changed = False
                    for ethnic in ethnic_names():
                        if stem.endswith(ethnic) and len(stem) - len(ethnic) >= 2:
                            stem, changed = stem[: -len(ethnic)], True
                            break
            if suffix.startswith("自治") and stem.endswith("族") and len(stem) >= 3:
                stem = stem[:-1]  # 东乡族自治县 -> 东乡: a county named after its people
            return stem if len(stem) >= 2 else name
    return name


def level_of(code):
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def read_divisions():
    """All divisions from cpca's adcodes.csv, placeholders dropped and parents resolved."""
    path = _package_file("cpca", "resources", "adcodes.csv")
    with path.open(encoding="utf-8") as fh:
        raw = {row["adcode"][:6]: row for row in csv.DictReader(fh)}
    kept = {
        code: row for code, row in raw.items() if row["name"] not in PLACEHOLDER_NAMES and re.fullmatch(r"\d{6}", code)
    }
    out = []
    for code, row in sorted(kept.items()):
        level = level_of(code)
        parent = None
        if level == "county":
            parent = code[:4] + "00" if code[:4] + "00" in kept else code[:2] + "0000"
        elif level == "prefecture":
            parent = code[:2] + "0000"
        if parent not in kept:
            parent = None
        lon = float(row["longitude"]) if row.get("longitude") else None
        lat = float(row["latitude"]) if row.get("latitude") else None
        out.append(Division(code, row["name"], short_name(row["name"]), level, parent, lon, lat))
    return out


def read_former_names(path=FORMER_NAMES_TABLE):
    """[(name, code, kind, date)] from the project's facts table (manage.py build_former_names);
    kind: "former" (a name before the gazetteer's) or "later" (one taken after it)."""
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [(r["name"], r["code"], r["kind"], r["date"]) for r in csv.DictReader(fh)]


def read_poverty_table(path=POVERTY_TABLE):
    """{code: (name, exit_year)} from the project's facts table."""
    with open(path, encoding="utf-8") as fh:
        return {row["code"]: (row["name"], int(row["exit_year"])) for row in csv.DictReader(fh)}
