"""Stage 1: bytes to text.

Word (.docx) and PDF files are read by their own libraries; everything else is
text in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5.
GBK and Big5 overlap byte for byte, so candidates are decoded strictly and the
one whose characters are most common Chinese wins (charset-normalizer's
coherence measure), rather than trusting a single guess.
"""

import io
import zipfile

from charset_normalizer import from_bytes

from .document import Document, Rejected

BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
CANDIDATES = ("utf_8", "gb18030", "big5")
MAX_BYTES = 50 * 1024 * 1024


def sniff_kind(name: str, data: bytes) -> str:
    """docx, pdf, html or txt, by content first and by name second."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise Rejected("this is a zip or Office file that is not a Word .docx document")
    head = data[:4096].lower()
    if name.lower().endswith((".html", ".htm", ".xhtml")) or any(t in head for t in (b"<html", b"<!doctype html", b"<body", b"<p>", b"<div", b"<br")):
        return "html"
    return "txt"


def decode_bytes(data: bytes) -> str:
    """Text from bytes in any encoding Chinese reports are published in, or Rejected."""
    if not data.strip():
        raise Rejected("the file is empty")
    if len(data) > MAX_BYTES:
        raise Rejected(f"the file is larger than {MAX_BYTES // 1024 // 1024} MB")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise Rejected(f"the file starts as {enc} but is not valid {enc} at byte {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise Rejected("this is a binary file, not text, HTML, Word or PDF")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(CANDIDATES[1:])).best()
    if best is None:
        raise Rejected("the text is in an encoding that is not UTF-8, GBK/GB18030 or Big5; save it as UTF-8 and retry")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise Rejected("too many characters could not be decoded; save the file as UTF-8 and retry")
    return text


def _docx_text(data: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        raise Rejected("this Word file is damaged and cannot be opened") from None
    return "\n".join(p.text for p in document.paragraphs)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Rejected("this PDF is password-protected")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError:
        raise Rejected("this PDF is damaged and cannot be read") from None
    if not text.strip():
        raise Rejected("this PDF has no text layer (a scan?); OCR it and retry")
    return text


def decode(doc: Document) -> Document:
    """Fill doc.kind and doc.raw_text from doc.data."""
    doc.kind = sniff_kind(doc.name, doc.data)
    if doc.kind == "docx":
        doc.raw_text = _docx_text(doc.data)
    elif doc.kind == "pdf":
        doc.raw_text = _pdf_text(doc.data)
    else:
        doc.raw_text = decode_bytes(doc.data)
    if not doc.raw_text.strip():
        raise Rejected("the file has no text")
    return doc
