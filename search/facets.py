"""Facets: small registered classes, one per thing a researcher narrows by.

Each names its index field, how a value is shown, and orders its counts.
FACETS is the registry search/query.py and the pages use; docs/SEARCH.md lists them.
"""

from archive.ingest.normalize import s2t
from archive.models import Region


class Facet:
    name = ""  # URL parameter and index field
    label = ""
    sort_by_value = False
    parent = None  # drill-down: shown once a value of this facet is chosen, narrowed to its children
    prefix = 0  # how many code digits a child shares with its parent value

    def display(self, value, script="hans"):
        return str(value)

    def visible(self, filters):
        """Whether the page shows this facet: a drill-down level needs its parent chosen."""
        return self.parent is None or bool(filters.get(self.parent))

    def facet_results(self, counts, selected, script="hans", filters=None):
        """[{value, label, count, selected}] from the engine's [(value, count)]."""
        rows = [(v, n) for v, n in counts if v not in (None, "", "None")]
        parents = (filters or {}).get(self.parent) if self.parent else None
        if parents:  # drill-down: only the children of the chosen parents
            rows = [(v, n) for v, n in rows if str(v)[: self.prefix] in {p[: self.prefix] for p in parents}]
        rows.sort(
            key=(lambda r: str(r[0])) if self.sort_by_value else (lambda r: (-r[1], str(r[0]))),
            reverse=self.sort_by_value,
        )
        return [
            {"value": str(v), "label": self.display(v, script), "count": n, "selected": str(v) in selected}
            for v, n in rows
        ]


class RegionFacet(Facet):
    def display(self, value, script="hans"):
        names = _region_names()
        name = names.get(str(value), str(value))
        return s2t(name) if script == "hant" else name


def _region_names():
    """{code: name}, read once per process (the gazetteer changes only with load_gazetteer)."""
    global _NAMES
    if not _NAMES:
        _NAMES = dict(Region.objects.values_list("code", "name"))
    return _NAMES


_NAMES = {}


class ProvinceFacet(RegionFacet):
    name, label = "province", "省份"


class PrefectureFacet(RegionFacet):
    name, label, parent, prefix = "prefecture", "地市", "province", 2


class CountyFacet(RegionFacet):
    name, label, parent, prefix = "county", "区县", "prefecture", 4


class CategoryFacet(Facet):
    name, label = "category", "帮扶类别"

    def display(self, value, script="hans"):
        return s2t(value) if script == "hant" else value


class YearFacet(Facet):
    name, label, sort_by_value = "year", "年份", True


class SourceFacet(Facet):
    name, label = "source", "来源"

    def display(self, value, script="hans"):
        return s2t(value) if script == "hant" else value


class PovertyFacet(Facet):
    name, label = "poverty", "国家级贫困县"

    def display(self, value, script="hans"):
        return (
            {"yes": "涉及贫困县", "no": "不涉及"}.get(value, value)
            if script == "hans"
            else {"yes": "涉及貧困縣", "no": "不涉及"}.get(value, value)
        )


class ExitYearFacet(Facet):
    name, label, sort_by_value = "exit_year", "摘帽年份", True


class ScriptFacet(Facet):
    name, label = "script", "字体"

    def display(self, value, script="hans"):
        return {"hans": "简体", "hant": "繁體"}.get(value, value)


FACETS = {
    f.name: f
    for f in (
        ProvinceFacet(),
        PrefectureFacet(),
        CountyFacet(),
        CategoryFacet(),
        YearFacet(),
        SourceFacet(),
        PovertyFacet(),
        ExitYearFacet(),
        ScriptFacet(),
    )
}
