"""The JSON shape of an extraction (manage.py extract --json), used by tests and the scorer: the
document's fields, then each entity kind's (archive/entities.py) through its serializer."""

from archive.entities import KINDS
from archive.ingest.normalize import t2s


def extraction_json(doc):
    return {
        "file": doc.name,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "source": t2s(doc.source) if doc.source else None,
        "published": doc.published.isoformat() if doc.published else None,
        "script": doc.script,
        "byline": [name for name, _role in doc.byline],
        "editor": t2s(doc.editor) if doc.editor else None,
        "text": doc.clean_text,
        "warnings": doc.warnings,
        **{kind.key: kind.part("serializer")(getattr(doc, kind.key)) for kind in KINDS},
    }


def as_is(records):
    """A kind whose extractor gives plain dicts (people) or strings (categories)."""
    return records


def regions_json(regions):
    return [{k: r[k] for k in ("code", "name", "level", "count", "primary")} for r in regions]


def metrics_json(metrics):
    return [
        {
            "value": f.value,
            "unit": f.unit,
            "approx": f.approx,
            "label": f.label,
            "year": f.year,
            "region": f.region,
            "quote": f.quote,
            "sentence": f.sentence,
            "change": f.change,
            "vague": f.vague or None,
            "scope": f.scope or None,
        }
        for f in metrics
    ]
