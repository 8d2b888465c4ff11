"""The ingestion pipeline: bytes in, clean text and linked records out.

run_pipeline() calls the stages in order, each a plain function over one Document:
  1. decode          bytes -> text (UTF-8, GB18030/GBK, Big5, BOMs; docx; pdf)
  2. html_to_text    markup -> one paragraph a line
  3. strip_boilerplate  furniture and spam out, kept aside for metadata
  4. read_metadata   title, subtitle, byline, source, editor, date
  5. normalize_script   script detected; simplified form for matching
  6. extract_entities   regions, people, initiatives, categories, metrics
  7. store           (store.py) one transaction, duplicates linked, never stored twice
  8. index           (search app) the serialised index writer
Stages 1-6 never touch the database: `manage.py extract` runs them alone.
"""

from .clean import strip_boilerplate
from .decode import decode
from .document import Document, Rejected
from .html import html_to_text
from .metadata import read_metadata
from .normalize import normalize_script

__all__ = ["Document", "Rejected", "run_pipeline", "read_document"]


def read_document(name: str, data: bytes) -> Document:
    """Stages 1-5: everything that is about the text itself."""
    doc = Document(name=name, data=data)
    for stage in (decode, html_to_text, strip_boilerplate, read_metadata, normalize_script):
        doc = stage(doc)
    return doc


def run_pipeline(name: str, data: bytes, gazetteer=None) -> Document:
    """Stages 1-6. Raises Rejected with a reason a user understands."""
    from .extract import extract_entities

    doc = read_document(name, data)
    return extract_entities(doc, gazetteer)
