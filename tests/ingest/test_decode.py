import io
import zipfile

import pytest

from archive.ingest import Rejected, read_document
from archive.ingest.decode import decode_bytes, sniff_kind
from tests.conftest import seed_text


def test_utf8_with_and_without_bom():
    assert decode_bytes("扶贫".encode()) == "扶贫"
    assert decode_bytes(b"\xef\xbb\xbf" + "扶贫".encode()) == "扶贫"


def test_utf16_bom():
    assert decode_bytes(b"\xff\xfe" + "脱贫攻坚".encode("utf-16-le")) == "脱贫攻坚"


def _gbk_safe(text):
    # GBK lacks a few characters the web pages carry (no-break and em spaces, a private-use glyph).
    return text.replace("\xa0", " ").replace("\u2003", " ").replace("\ue1d5", "")


@pytest.mark.parametrize("n", [1, 2, 4])
def test_gbk_seed_reads_like_the_original(n):
    text = seed_text(n)
    original = read_document("a.txt", text.encode())
    gbk = read_document("a.txt", _gbk_safe(text).encode("gbk"))
    assert gbk.clean_text == original.clean_text
    assert gbk.title == original.title


def test_big5_seed_reads_like_the_original():
    text = seed_text(3).split("色天使")[0]  # the spam tail has simplified characters Big5 lacks
    original = read_document("a.txt", text.encode())
    big5 = read_document("a.txt", text.encode("big5"))
    assert big5.clean_text == original.clean_text
    assert big5.script == "hant"


def test_short_big5_is_not_taken_for_gbk():
    text = "漢陰縣創新推行社區工廠模式，搬遷民眾在家門口就業。"
    assert decode_bytes(text.encode("big5")) == text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "空的"),
        (b"   \n", "空的"),
        (b"\x00\x01\x02binary\x00" * 20, "二进制"),
        (b"PK\x03\x04not really a zip", "压缩包"),
    ],
)
def test_unreadable_input_is_rejected_with_a_reason(data, reason):
    with pytest.raises(Rejected, match=reason):
        read_document("bad.bin", data)


def test_docx_is_read():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("汉阴县脱贫攻坚纪实")
    d.add_paragraph("全县共有贫困人口26811户74615人，贫困发生率26.78%。")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document("r.docx", buf.getvalue())
    assert doc.kind == "docx"
    assert doc.title == "汉阴县脱贫攻坚纪实"
    assert "26811户74615人" in doc.clean_text


def test_pdf_without_text_layer_is_rejected():
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(Rejected, match="没有文字层"):
        read_document("scan.pdf", buf.getvalue())


def test_damaged_pdf_is_rejected():
    with pytest.raises(Rejected, match="PDF"):
        read_document("x.pdf", b"%PDF-1.4\n garbage")


def test_kind_is_sniffed_from_content():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert sniff_kind("x", buf.getvalue()) == "docx"
    assert sniff_kind("x.txt", b"<html><body><p>x</p></body></html>") == "html"
    assert sniff_kind("x", b"%PDF-1.7") == "pdf"
    assert sniff_kind("x", "正文".encode()) == "txt"


def test_utf16_without_its_byte_order_mark_is_read_and_binary_still_refused():
    text = seed_text(1)
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(enc)) == text
    with pytest.raises(Rejected, match="二进制"):
        decode_bytes(bytes(range(256)) * 64)
    with pytest.raises(Rejected, match="二进制"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 2000)
