"""Stage 1: bytes to text.

Word (.docx) and PDF files are read by their own libraries; everything else is
text in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5.
GBK and Big5 overlap byte for byte, so candidates are decoded strictly and the
one whose characters are most common Chinese wins (charset-normalizer's
coherence measure), rather than trusting a single guess. A few bad bytes in an
otherwise valid file are read as replacement characters, with a warning that
counts them; a file longer than MAX_TEXT_CHARS is refused with the cap named.
"""

import io
import re
import zipfile

from charset_normalizer import from_bytes

from archive.text import HAN, HAN_CHAR

from .document import Document, Rejected
from .files import MAX_MEMBER_BYTES, MAX_RATIO

BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
CANDIDATES = ("utf_8", "gb18030", "big5")
MAX_BYTES = 64 * 1024 * 1024  # as settings.UPLOAD_MAX_BYTES: what an upload takes is read (then the text cap)
MAX_TEXT_CHARS = 3_000_000  # characters of decoded text: a longer file is refused with the cap named
DAMAGED_SHARE = 0.01  # a valid encoding with at most this share of bad bytes is read, with a warning
DAMAGED_MIN = 20


def sniff_kind(name: str, data: bytes) -> str:
    """docx, pdf, html or txt, by content first and by name second."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            if name.lower().endswith(".docx"):
                raise Rejected("这个 Word 文件（.docx）已损坏，无法打开：请用 Word 另存一份再上传") from None
        if name.lower().endswith(".docx"):
            raise Rejected("这个 .docx 文件里没有 Word 正文（word/document.xml），可能已损坏或不是 Word 文件")
        raise Rejected("这是压缩包或 Office 文件，但不是 Word（.docx）文档")
    head = data[:4096].lower()
    if name.lower().endswith((".html", ".htm", ".xhtml")) or any(
        t in head for t in (b"<html", b"<!doctype html", b"<body", b"<p>", b"<div", b"<br")
    ):
        return "html"
    return "txt"


def _damaged(text, enc, warnings):
    """The text decoded with replacements, if only a few bytes were bad; its warning says how many."""
    bad = text.count("\ufffd")
    if bad > max(DAMAGED_MIN, len(text) * DAMAGED_SHARE):
        return None
    warnings.append(f"有 {bad} 个字节无法按 {enc} 读取，正文中显示为 �")
    return text


# ASCII text and whitespace, Latin-1, general and CJK punctuation, CJK ideographs, full-width forms
_UTF16_TEXT = re.compile(r"[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u3000-\u303f\uff00-\uffef" + HAN + "]")


def _utf16_without_bom(data):
    """UTF-16 saved without its byte-order mark (some Windows tools): the text when one byte order reads
    as text (nearly every character printable, Chinese among them), else None (a binary file)."""
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        plausible = len(_UTF16_TEXT.findall(sample))  # what Chinese text is made of; random bytes are not
        chinese = len(HAN_CHAR.findall(sample))
        if plausible >= 0.97 * len(sample) and chinese >= 0.1 * len(sample):
            return text
    return None


def decode_bytes(data: bytes, warnings=None) -> str:
    """Text from bytes in any encoding Chinese reports are published in, or Rejected.

    A valid encoding with a few bad bytes (a truncated file, one damaged byte) is read with
    replacement characters and a warning that counts them; only a file that is mostly undecodable
    is refused."""
    warnings = warnings if warnings is not None else []
    if not data.strip():
        raise Rejected("文件是空的（0 字节），没有可以入库的内容")
    if len(data) > MAX_BYTES:
        raise Rejected(f"文件超过 {MAX_BYTES // 1024 // 1024} MB（上限）")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                text = _damaged(data[len(bom) :].decode(enc, errors="replace"), enc, warnings)
                if text is None:
                    raise Rejected(f"文件开头标明为 {enc}，但大部分内容不是 {enc}") from None
                return text
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise Rejected("这是二进制文件，不是文本、HTML、Word 或 PDF")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _damaged(data.decode("utf-8", errors="replace"), "UTF-8", warnings)
    if text is not None:
        return text
    best = from_bytes(data, cp_isolation=list(CANDIDATES[1:])).best()
    if best is not None:
        text = _damaged(str(best), best.encoding.upper(), warnings)
        if text is not None:
            return text
    for enc in CANDIDATES[1:]:  # a GBK or Big5 file with a few bad bytes: charset-normalizer gives up on it
        text = _damaged(data.decode(enc, errors="replace"), enc.upper(), warnings)
        if text is not None:
            return text
    raise Rejected("文件大部分无法按 UTF-8、GBK/GB18030 或 Big5 读成文字：已损坏或不是文本文件；请另存为 UTF-8 后重试")


def _docx_text(data: bytes) -> str:
    import docx  # here: python-docx (and pypdf below) load only for the files that need them

    with zipfile.ZipFile(io.BytesIO(data)) as zf:  # a Word file is a zip: the same caps as any zip
        for info in zf.infolist():
            if info.file_size > MAX_MEMBER_BYTES or (
                info.compress_size and info.file_size / info.compress_size > MAX_RATIO
            ):
                raise Rejected("这个 Word 文件解压后远大于其本身（疑似压缩炸弹）")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 (python-docx raises many kinds on a damaged file)
        raise Rejected("这个 Word 文件已损坏，无法打开") from None
    return "\n".join(p.text for p in document.paragraphs)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # here: see _docx_text
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Rejected("这个 PDF 有密码保护")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Rejected:
        raise
    except (PdfReadError, Exception):  # noqa: BLE001 (pypdf raises many kinds on a damaged file)
        raise Rejected("这个 PDF 已损坏，无法读取") from None
    if not text.strip():
        raise Rejected("这个 PDF 没有文字层（扫描件？）；请先做文字识别（OCR）再上传")
    return text


def decode(doc: Document) -> Document:
    """Fill doc.kind and doc.raw_text from doc.data."""
    doc.kind = sniff_kind(doc.name, doc.data)
    if doc.kind == "docx":
        doc.raw_text = _docx_text(doc.data)
    elif doc.kind == "pdf":
        doc.raw_text = _pdf_text(doc.data)
    else:
        doc.raw_text = decode_bytes(doc.data, doc.warnings)
    if not doc.raw_text.strip():
        raise Rejected("文件中没有可以读取的文字（可能是扫描件或只有图片）")
    if len(doc.raw_text) > MAX_TEXT_CHARS:
        raise Rejected(
            f"文件有 {len(doc.raw_text):,} 个字；一篇报道最多接收 {MAX_TEXT_CHARS:,} 个字（请拆分后重新上传）"
        )
    return doc
