"""The one index definition. Works unchanged on Whoosh, Elasticsearch and Solr.

Text is indexed from the report's title, subtitle and clean text in its
original script; the engine's analyzer normalises script (Whoosh: this
project's search.analysis; Elasticsearch/Solr: see docs/DECISIONS.md). The
index stores no text: pages read it from the database.
"""

from haystack import indexes

from archive.models import Report


def indexed_text(title, subtitle, clean_text):
    """The document text the index holds for a report (also computed before the report is stored)."""
    return "\n".join(x for x in (title, subtitle, clean_text) if x)


class ReportIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, stored=False)
    published = indexes.DateField(model_attr="published", null=True)
    year = indexes.IntegerField(null=True, faceted=True)
    province = indexes.MultiValueField(faceted=True)
    prefecture = indexes.MultiValueField(faceted=True)
    county = indexes.MultiValueField(faceted=True)
    category = indexes.MultiValueField(faceted=True)
    source = indexes.CharField(null=True, faceted=True)
    poverty = indexes.MultiValueField(faceted=True)
    exit_year = indexes.MultiValueField(faceted=True)
    script = indexes.CharField(model_attr="script", faceted=True)

    def get_model(self):
        return Report

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.select_related("source")
            .prefetch_related("region_mentions__region", "category_links")
        )

    def prepare_text(self, obj):
        return indexed_text(obj.title, obj.subtitle, obj.clean_text)

    def prepare_year(self, obj):
        return obj.published.year if obj.published else None

    def _regions(self, obj):
        return [m.region for m in obj.region_mentions.all()]

    def prepare_province(self, obj):
        return sorted({r.code[:2] + "0000" for r in self._regions(obj)})

    def prepare_prefecture(self, obj):
        return sorted({r.code[:4] + "00" for r in self._regions(obj) if r.level != "province"})

    def prepare_county(self, obj):
        return sorted({r.code for r in self._regions(obj) if r.level == "county"})

    def prepare_category(self, obj):
        return sorted({c.category for c in obj.category_links.all()})

    def prepare_source(self, obj):
        return obj.source.name if obj.source else None

    def prepare_poverty(self, obj):
        counties = [r for r in self._regions(obj) if r.level == "county"]
        return ["yes" if any(r.poverty_county for r in counties) else "no"]

    def prepare_exit_year(self, obj):
        return sorted({str(r.exit_year) for r in self._regions(obj) if r.poverty_county and r.exit_year})
