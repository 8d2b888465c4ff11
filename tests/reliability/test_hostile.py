"""The files real admins send, and some hostile ones, through the live upload page: never a 500, every
outcome explained next to the file's name, every original kept, the server's memory bounded."""

import hashlib
import io
import re
import threading
import time
import zipfile

import pytest

from tests.live import Admin, corpus_files, rss_mb

TEXT = (
    "宁夏西海固地区易地扶贫搬迁\n2018年，宁夏回族自治区固原市西吉县实施易地扶贫搬迁，"
    "搬迁贫困群众1.2万人，建成安置点18个，发展特色种植业3万亩。\n"
) * 3
MEMORY_CAP_MB = 600


def _zip(members, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def _bomb():
    """1 MB that unpacks to 1 GiB (zeros), written without holding the GiB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("bomb.txt", "w", force_zip64=True) as fh:
            block = b"\0" * (16 * 1024 * 1024)
            for _ in range(64):
                fh.write(block)
    return buf.getvalue()


def _pdf_without_text():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _bad_byte(data):
    return data[:99] + b"\xff" + data[99:]  # inside or between characters: either way one bad byte


def _t(text):
    from opencc import OpenCC

    return OpenCC("s2t").convert(text)  # a traditional-script variant, converted (../shared/corpus/README)


def _nested(depth):
    data = _zip([("deep.txt", TEXT)])
    for level in range(depth):
        data = _zip([(f"level{level}.zip", data)])
    return data


def hostile_set():
    """(name sent, bytes, what its outcome must say: 'created' or words of the refusal). The texts that
    must become reports are real news items (../shared/corpus), one each, so none is another's copy."""
    texts = iter(data.decode() for _name, data in corpus_files(12, skip=50000, prefix="hostile"))
    utf8 = next(texts).encode()
    html = (
        b"<html><head><title>\xe8\xa5\xbf\xe5\x90\x89\xe5\x8e\xbf</title><script>alert('x')</script></head>"
        b"<body><iframe src='http://evil.example/'></iframe><img src=x onerror=alert(1)>"
        b"<p>" + next(texts).encode().replace(b"\n", b"</p><p>") + b"</p><script>document.cookie</script></body></html>"
    )
    return [
        ("empty.txt", b"", "文件是空的"),
        ("one-byte.txt", b"x", "没有找到中文正文"),
        ("binary.txt", bytes(range(256)) * 64, "二进制"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 2000, "二进制"),
        ("truncated.txt", utf8[:-1], "created"),
        ("bad-byte.txt", _bad_byte(next(texts).encode()), "created"),
        ("gbk.txt", next(texts).encode("gbk", "replace"), "created"),
        ("big5.txt", _t(next(texts)).encode("big5", "replace"), "created"),
        ("utf16.txt", ("\ufeff" + next(texts)).encode("utf-16-le"), "created"),
        ("huge.txt", ("扶贫" * 50 + "\n").encode() * (50 * 1024 * 1024 // 303), "最多接收 3,000,000 个字"),
        ("bomb.zip", _bomb(), "解压后有 1,024 MB"),
        ("slip.zip", _zip([("../../../etc/evil.txt", next(texts)), ("/abs/evil2.txt", next(texts))]), None),
        ("nested.zip", _nested(3), None),
        ("many.zip", _zip([(f"n{i}.txt", b"x") for i in range(10_000)], zipfile.ZIP_STORED), "10,000 个文件"),
        (
            "corrupt.docx",
            _zip([("word/document.xml", b"<w:document>\x00garbage"), ("[Content_Types].xml", b"<")]),
            "已损坏",
        ),
        ("scan.pdf", _pdf_without_text(), "没有文字层"),
        ("script.html", html, "created"),
        ("../../etc/passwd.txt", next(texts).encode(), "created"),
        ("nul\x00name.txt", next(texts).encode(), "created"),
    ]


@pytest.fixture(scope="module")
def memory(live):
    """The peak resident memory of the web server's and the worker's process trees, sampled."""
    peaks, stop = {"web": 0.0, "worker": 0.0}, threading.Event()

    def sample():
        from tests.live import descendants

        while not stop.is_set():
            for name in peaks:
                proc = live.procs.get(name)
                if proc and proc.poll() is None:
                    peaks[name] = max(peaks[name], rss_mb([proc.pid, *descendants(proc.pid)]))
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    yield peaks
    stop.set()
    thread.join(5)


def test_the_hostile_set(live, memory, corpus):
    admin = Admin(live.base)
    outcomes = {}
    for name, data, expected in hostile_set():
        r, url = admin.upload([(name, data)])
        assert r.status_code == 302, (name, r.status_code, r.text[:300])
        batch = admin.wait(url, timeout=300)
        outcomes[name] = (batch, expected, data)
    wrong = []
    for name, (batch, expected, data) in outcomes.items():
        shown = name.replace("\x00", "").lstrip("./")
        top = batch["items"][0]
        assert shown.rsplit("/", 1)[-1] in top["name"], (name, top)
        for item in batch["items"]:
            assert item["status"] != "queued", (name, item)
            assert ".." not in item["name"] and "\x00" not in item["name"]
            if item["status"] == "failed":
                message = item["message"]  # explained in words, in Chinese, with no trace of the code
                assert len(message) >= 8 and re.search(r"[\u4e00-\u9fff]{4}", message), (name, item)
                assert not re.search(r"Traceback|Error|Exception|File \"", message), (name, item)
        if (
            expected == "created"
            and top["status"] != "created"
            or expected
            and expected != "created"
            and not (top["status"] == "failed" and expected in top["message"])
        ):
            wrong.append((name, expected, top["status"], top["message"]))
        if data:  # kept, byte for byte, whatever became of it
            assert live.stored_original(hashlib.sha256(data).hexdigest()) == data, name
    assert wrong == [], "\n".join(map(repr, wrong))
    slip = {i["name"]: i for i in outcomes["slip.zip"][0]["items"]}
    assert {"slip.zip/etc/evil.txt", "slip.zip/abs/evil2.txt"} <= set(slip)
    nested = [i for i in outcomes["nested.zip"][0]["items"] if i["status"] == "failed"]
    assert nested and "嵌套过深" in nested[0]["message"]
    assert not (live.var / "etc").exists() and not (live.var.parent / "etc" / "evil.txt").exists()
    assert not live.sql("SELECT COUNT(*) FROM archive_upload WHERE original_name LIKE 'bomb.zip/%'")[0][0]
    assert live.sql("SELECT status FROM archive_upload WHERE original_name = 'many.zip'") == [("failed",)]

    report = outcomes["script.html"][0]["items"][0]["report"]
    page = admin.http.get(f"{live.base}/report/{report}/", timeout=60).text
    assert "<script>alert" not in page and "<iframe" not in page and "onerror=alert" not in page
    original = admin.http.get(f"{live.base}/report/{report}/original", timeout=60)
    assert original.headers["Content-Disposition"].startswith("attachment")
    assert original.headers["Content-Type"] == "application/octet-stream"
    for log in (live.log("web"), live.log("worker")):
        assert "Traceback" not in log, log[-3000:]
    assert re.search(r"\d", str(memory))
    assert memory["web"] < MEMORY_CAP_MB and memory["worker"] < MEMORY_CAP_MB, memory
