"""The JSON shape of an extraction (manage.py extract --json), used by tests and the scorer."""

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
        "regions": [{k: r[k] for k in ("code", "name", "level", "count", "primary")} for r in doc.regions],
        "people": doc.people,
        "initiatives": doc.initiatives,
        "categories": doc.categories,
        "metrics": [
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
            for f in doc.metrics
        ],
    }
