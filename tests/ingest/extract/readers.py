"""What the extraction tests read off a text, written once (the fixtures in conftest.py use them)."""

from archive.ingest.document import Document
from archive.ingest.extract import extract_entities_many
from archive.ingest.extract.initiatives import find_initiatives


def extract_text(body, *, name="t.txt", **fields):
    """The Document the stages make of one report whose cleaned text is body (title, published …)."""
    fields.setdefault("normalized_text", body)
    return extract_entities_many([Document(name=name, clean_text=body, **fields)])[0]


def initiative_names(text):
    """The names of the programmes find_initiatives reads in text, in its order."""
    return [i["name"] for i in find_initiatives(text)]
