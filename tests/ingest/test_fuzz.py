"""The pipeline fuzzed (hypothesis, bounded: a few hundred examples in all, well under a minute): random
bytes, mutated seeds (bytes flipped, cut, spliced, re-encoded), random HTML and random zips. Every
input either goes through stages 1-6 or is refused with a reason in words (Rejected, in Chinese);
nothing else is ever raised, and what comes out is consistent with the text it came from."""

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.ingest import Rejected, run_pipeline
from archive.ingest.files import expand
from archive.ingest.normalize import t2s
from tests.conftest import FIXTURES

SEEDS = sorted(p for p in FIXTURES.iterdir() if p.is_file())
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAMES = st.sampled_from(["a.txt", "b.html", "c.htm", "d.docx", "e.pdf", "f", "报道.txt", "g.TXT"])


def outcome(name, data):
    """'ok' or the refusal's words; any other exception fails the test (it propagates)."""
    try:
        doc = run_pipeline(name, data)
    except Rejected as exc:
        reason = str(exc)
        assert re.search(r"[\u4e00-\u9fff]{2}", reason) and "Traceback" not in reason, reason
        return reason
    assert isinstance(doc.clean_text, str) and doc.clean_text.strip()
    text = "\n".join(x for x in (doc.title, doc.subtitle, doc.clean_text, doc.normalized_text) if x)
    for metric in doc.metrics:  # every figure traces back to its sentence, in the report's title or text
        sentence = metric.get("sentence") if isinstance(metric, dict) else getattr(metric, "sentence", "")
        assert not sentence or sentence in text or sentence in t2s(text), sentence
    return "ok"


@st.composite
def mutated_seed(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "splice", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif op == "splice":
            other = draw(st.sampled_from(SEEDS)).read_bytes()
            start = draw(st.integers(0, max(0, len(other) - 1)))
            data[at:at] = other[start : start + draw(st.integers(1, 2000))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data = data[:at]
    return bytes(data)


@st.composite
def re_encoded_seed(draw):
    text = draw(st.sampled_from(SEEDS)).read_bytes().decode("utf-8", "replace")
    encoding = draw(
        st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be"])
    )
    return text.encode(encoding, "replace")


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=60)
TAGS = st.sampled_from(
    [
        "p",
        "div",
        "span",
        "br",
        "script",
        "style",
        "title",
        "h1",
        "meta",
        "table",
        "td",
        "a",
        "iframe",
        "noscript",
        "b",
        "li",
        "pre",
        "!--",
        "![CDATA[",
    ]
)


@st.composite
def random_html(draw):
    parts = ["<html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(CHINESE)}</title>")
    if draw(st.booleans()):
        parts.append(
            f'<meta name="{draw(st.sampled_from(["pubdate", "publishdate", "og:title", "author"]))}" '
            f'content="{draw(TEXT)}">'
        )
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        attrs = draw(st.sampled_from(["", ' class="x"', " style='a:b'", ' onclick="alert(1)"', " href=javascript:0"]))
        body = draw(st.one_of(CHINESE, TEXT, st.just("扶贫工作取得成效，贫困发生率由12.5%降至0.6%。")))
        close = draw(st.sampled_from([f"</{tag}>", "", "</div></div>", "<"]))
        parts.append(f"<{tag}{attrs}>{body}{close}")
    html = "".join(parts) + draw(st.sampled_from(["</body></html>", "", "<body"]))
    return html.encode(draw(st.sampled_from(["utf-8", "gb18030"])), "replace")


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


@st.composite
def random_zip(draw):
    members = draw(
        st.lists(
            st.tuples(
                st.one_of(NAMES, st.text(min_size=1, max_size=30)), st.one_of(mutated_seed(), st.binary(max_size=500))
            ),
            min_size=0,
            max_size=4,
        )
    )
    data = _zip(members)
    if draw(st.booleans()):  # a damaged zip
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=0, max_size=20)) + data[at + 1 :]
    return data


@BOUNDED
@given(NAMES, st.binary(max_size=4000))
def test_random_bytes(name, data):
    outcome(name, data)


@BOUNDED
@given(NAMES, mutated_seed())
def test_mutated_seeds(name, data):
    outcome(name, data)


@BOUNDED
@given(re_encoded_seed())
def test_seeds_in_other_encodings_are_read(data):
    assert outcome("seed.txt", data) == "ok"


@BOUNDED
@given(random_html())
def test_random_html(data):
    result = outcome("page.html", data)
    if result == "ok":
        doc = run_pipeline("page.html", data)
        assert "<script" not in doc.clean_text and "alert(1)" not in doc.clean_text


@settings(BOUNDED, max_examples=40)
@given(random_zip())
def test_random_zips_expand_or_refuse(data):
    try:
        members = expand("upload.zip", data)
    except Rejected as exc:
        assert re.search(r"[\u4e00-\u9fff]{2}", str(exc))
        return
    for name, member in members:
        assert ".." not in name.split("/") and "\x00" not in name
        if isinstance(member, Exception):
            assert isinstance(member, Rejected) and re.search(r"[\u4e00-\u9fff]{2}", str(member)), member
        else:
            outcome(name.rsplit("/", 1)[-1], member)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_the_seeds_themselves_go_through(seed):
    assert outcome(seed.name, seed.read_bytes()) == "ok"
