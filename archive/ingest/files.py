"""What users hand in: files, folders and zips, expanded to (name, bytes) entries.

A zip is read member by member, streaming, with every member checked twice:
by what its directory declares (size, compression ratio) before a byte is
read, and by what it actually gives while it is read (a member that lies
about its size is stopped at the cap, not after). A zip is refused whole when
its directory holds too many entries or declares too much; a member is
refused alone when it is too large, too compressed (a bomb) or a zip nested
too deep. Nothing is ever written out by a member's own name (a name with ../
cannot reach outside: members are kept content-addressed by the store), and
names are shown cleaned (no control characters, no ../, no leading /). Members
that are folders, hidden or macOS resource forks are skipped. Names inside a
zip are reported as zipname/member so a failure says where it was.
"""

import io
import re
import unicodedata
import zipfile
from pathlib import Path

from .document import Rejected

ACCEPTED = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
MAX_MEMBERS = 5000  # entries a zip may hold
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # uncompressed, one member (as the upload cap, settings.UPLOAD_MAX_BYTES)
MAX_ZIP_BYTES = 500 * 1024 * 1024  # uncompressed, all members of one zip together
MAX_RATIO = 200  # uncompressed / compressed, one member: text compresses 3-10x, a bomb 1000x
MAX_DEPTH = 2  # a zip in a zip in a zip, no deeper
_CHUNK = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(name: str) -> str:
    """A file name as it can be shown and stored: no control characters (NUL), no ../ or leading /,
    backslashes as /; never empty."""
    name = unicodedata.normalize("NFC", _CONTROL.sub("", str(name))).replace("\\", "/")
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)[-255:] or "upload"


def _skip(name):
    base = name.rsplit("/", 1)[-1]
    return not base or base.startswith((".", "~$")) or "__MACOSX/" in name


def _decode_member_name(info):
    if info.flag_bits & 0x800:
        return info.filename
    try:  # zips made on Chinese Windows store names in GBK without saying so
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _open(data_or_file):
    try:
        return zipfile.ZipFile(io.BytesIO(data_or_file) if isinstance(data_or_file, bytes) else data_or_file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise Rejected("压缩包已损坏，无法打开") from None


def _members(zf):
    return [i for i in zf.infolist() if not i.is_dir() and not _skip(i.filename)]


def inspect_zip(data_or_file):
    """Refuse a zip whole by what its directory says (cheap: nothing is decompressed)."""
    with _open(data_or_file) as zf:
        infos = _members(zf)
        if len(infos) > MAX_MEMBERS:
            raise Rejected(f"压缩包内有 {len(infos):,} 个文件；一个压缩包最多接收 {MAX_MEMBERS:,} 个")
        declared = sum(i.file_size for i in infos)
        if declared > MAX_ZIP_BYTES:
            raise Rejected(
                f"压缩包解压后有 {declared / 1024 / 1024:,.0f} MB；一个压缩包解压后最多接收 "
                f"{MAX_ZIP_BYTES // 1024 // 1024} MB"
            )
        return len(infos)


def _read_member(zf, info, budget):
    """The member's bytes, read in chunks and stopped as soon as it gives more than it may."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise Rejected(
            f"解压后有 {info.file_size / 1024 / 1024:,.0f} MB；单个文件最多接收 {MAX_MEMBER_BYTES // 1024 // 1024} MB"
        )
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise Rejected(
            f"压缩比为 {info.file_size / info.compress_size:,.0f} 倍（疑似压缩炸弹）；最多接收 {MAX_RATIO} 倍"
        )
    cap = min(MAX_MEMBER_BYTES, budget)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > cap or (info.compress_size and len(out) > MAX_RATIO * max(info.compress_size, 1)):
                    raise Rejected(
                        f"解压出的内容多于压缩包所声明的（疑似压缩炸弹），已在 {len(out) // 1024 // 1024} MB 处停止"
                    )
    except (RuntimeError, zipfile.BadZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise Rejected(f"无法解压（{exc.__class__.__name__}：已加密或已损坏）") from None
    return bytes(out)


def iter_zip(name, data_or_file, depth=0):
    """(name, bytes or Rejected) for each member, streaming; nested zips are opened up to MAX_DEPTH."""
    inspect_zip(data_or_file)
    budget = MAX_ZIP_BYTES
    with _open(data_or_file) as zf:
        for info in _members(zf):
            member = f"{name}/{clean_name(_decode_member_name(info))}"
            try:
                data = _read_member(zf, info, budget)
            except Rejected as exc:
                yield member, exc
                continue
            budget -= len(data)
            if is_zip(member, data):
                if depth + 1 >= MAX_DEPTH:
                    yield member, Rejected(f"压缩包嵌套过深：最多解压 {MAX_DEPTH} 层")
                    continue
                try:
                    yield from iter_zip(member, data, depth + 1)
                except Rejected as exc:
                    yield member, exc
                continue
            yield member, data


def is_zip(name, data):
    """A zip to unpack: named .zip, or a zip that is not a Word file. A file named .docx is a Word file even
    when it is damaged (decode says so), never a "damaged zip"."""
    lowered = name.lower()
    return data[:2] == b"PK" and (
        lowered.endswith(".zip") or (not lowered.endswith(".docx") and not _has_docx_part(data))
    )


def _has_docx_part(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False


def expand(name, data):
    """A file's entries: itself, or its members when it is a zip (not a .docx)."""
    return list(iter_zip(name, data)) if is_zip(name, data) else [(name, data)]


class Collected:
    """The (name, bytes or Exception) entries of files, folders (recursively) and zips given on a
    command line, read one file at a time as they are iterated: a year of news is not held in
    memory before its ingest starts. len() is known up front (a zip counts its members)."""

    def __init__(self, paths):
        self.files = []  # Path, or (name, Exception) for a path that does not exist
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                self.files += sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not _skip(p.name) and p.suffix.lower() in ACCEPTED + (".zip",)
                )
            elif path.exists():
                self.files.append(path)
            else:
                self.files.append((str(path), FileNotFoundError(f"{path}: no such file or folder")))

    def __len__(self):
        return sum(_count(f) for f in self.files)

    def __iter__(self):
        for f in self.files:
            if isinstance(f, tuple):
                yield f
                continue
            try:
                if f.suffix.lower() == ".zip":
                    with f.open("rb") as fh:  # streamed: the zip is not read into memory whole
                        yield from iter_zip(str(f), fh)
                else:
                    yield from expand(str(f), f.read_bytes())
            except Rejected as exc:
                yield str(f), exc
            except OSError as exc:
                yield str(f), OSError(f"{f}：无法读取（{exc.strerror or exc}）")


def _count(f):
    """Entries a file gives: its members for a .zip (read from its directory), else one."""
    if isinstance(f, tuple) or f.suffix.lower() != ".zip":
        return 1
    try:
        with zipfile.ZipFile(f) as zf:
            return max(1, len(_members(zf)))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return 1


def collect_paths(paths):
    return Collected(paths)
