"""The ingestion pipeline: bytes in, clean text and linked records out.

run_pipeline() calls the stages in order, each a plain function over one Document:
  1. decode          bytes -> text (UTF-8, GB18030/GBK, Big5, BOMs; docx; pdf)
  2. html_to_text    markup -> one paragraph a line
  3. strip_boilerplate  furniture and spam out, kept aside for metadata
  4. read_metadata   title, subtitle, byline, source, editor, date
  5. normalize_script   script detected; simplified form for matching
  6. extract_entities_many  regions, people, initiatives, categories, metrics
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

__all__ = ["Document", "Rejected", "run_pipeline", "run_pipeline_many", "read_document"]


def read_document(name: str, data: bytes) -> Document:
    """Stages 1-5: everything that is about the text itself."""
    doc = Document(name=name, data=data)
    for stage in (decode, html_to_text, strip_boilerplate, read_metadata, normalize_script):
        doc = stage(doc)
    return doc


def run_pipeline(name: str, data: bytes, gazetteer=None) -> Document:
    """Stages 1-6. Raises Rejected with a reason a user understands."""
    (done,) = run_pipeline_many([(name, data)], gazetteer)
    if isinstance(done, Rejected):
        raise done
    return done


def run_pipeline_many(entries, gazetteer=None) -> list:
    """Stages 1-6 for many (name, bytes): a Document, or the Rejected a file was refused with, for
    each in order (run_pipeline raises it). Stage 6 reads them together (extract_entities_many)."""
    from .extract import extract_entities_many  # (extract's modules load jieba and the tagger's model)

    out = []
    for name, data in entries:
        try:
            out.append(read_document(name, data))
        except Rejected as exc:
            out.append(exc)
    docs = extract_entities_many([d for d in out if isinstance(d, Document)], gazetteer)
    done = iter(docs)
    return [next(done) if isinstance(d, Document) else d for d in out]
