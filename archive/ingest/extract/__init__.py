"""Stage 6: entity extraction over the normalised text (see docs/EXTRACTION.md).

Runs over the title, subtitle and body joined (normalised text, same offsets
as the original script), and fills the Document's field of each entity kind
(archive/entities.py: regions, people, initiatives, categories, metrics) with
that kind's extractor (stages.py), in the registry's order. Touches no
database: the gazetteer is built from the cpca package once per process.
"""

from archive.entities import KINDS

from ..document import Document
from ..normalize import t2s
from . import proper_nouns
from .gazetteer_index import default_gazetteer
from .people_titles import doubtful_after_titles
from .regions import ambiguous_places
from .stages import Reading
from .tagger import Tokens


def extract_entities_many(docs: list[Document], gazetteer=None) -> list[Document]:
    """The documents with their entities extracted: the statistical tagger reads all their sentences in one
    batch (its cost is a matrix product a step, shared by every sentence of the batch)."""
    gz = gazetteer or default_gazetteer()
    read = [_read(doc, gz) for doc in docs]
    nouns = proper_nouns.tag_many([r.text for r, _a in read], [r.tokens for r, _a in read], [a for _r, a in read])
    for (reading, _a), n in zip(read, nouns):
        reading.nouns = n
        for kind in KINDS:
            setattr(reading.doc, kind.key, kind.part("extractor")(reading))
    return docs


def _read(doc, gz):
    """A document's Reading (its title, subtitle and body joined, simplified, with the gazetteer's hits
    and the segmenter's tagged words) and the places the tagger is to read."""
    head = "\n".join(x for x in (doc.title, doc.subtitle) if x)
    original = (head + "\n" + doc.clean_text) if head else doc.clean_text
    text = t2s(original)
    hits = gz.scan(text)
    tokens = Tokens(text)  # tagged once: places, people and figures read the same tokens
    read_at = ambiguous_places(hits, gz.places) + doubtful_after_titles(text)
    return Reading(doc, gz, original, text, hits, tokens, len(head)), read_at
