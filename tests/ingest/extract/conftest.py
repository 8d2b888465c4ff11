"""What the extraction tests share: one report's text through every stage, as an upload's would go."""

import pytest

from archive.ingest.document import Document
from archive.ingest.extract import extract_entities_many


def extract_text(body, *, name="t.txt", **fields):
    """The Document the stages make of one report whose cleaned text is body (title, published …)."""
    fields.setdefault("normalized_text", body)
    return extract_entities_many([Document(name=name, clean_text=body, **fields)])[0]


@pytest.fixture
def extract_one():
    return extract_text
