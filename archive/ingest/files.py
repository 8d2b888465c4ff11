"""What users hand in: files, folders and zips, expanded to (name, bytes) entries.

A zip is opened in memory and each member read on its own; members that are
folders, hidden or macOS resource forks are skipped. Names inside a zip are
reported as zipname/member so a failure says where it was.
"""

import io
import zipfile
from pathlib import Path

from .document import Rejected

ACCEPTED = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
MAX_MEMBERS = 5000


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


def expand_zip(name, data):
    """[(name, bytes)] for the members of a zip archive."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Rejected("the zip file is damaged and cannot be opened") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not _skip(i.filename)]
        if len(infos) > MAX_MEMBERS:
            raise Rejected(f"the zip holds {len(infos)} files; at most {MAX_MEMBERS} are taken at once")
        out = []
        for info in infos:
            member = _decode_member_name(info)
            try:
                out.append((f"{name}/{member}", zf.read(info)))
            except (RuntimeError, zipfile.BadZipFile, NotImplementedError) as exc:
                out.append((f"{name}/{member}", exc))
        return out


def is_zip(name, data):
    return data[:2] == b"PK" and (name.lower().endswith(".zip") or not _has_docx_part(data))


def _has_docx_part(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def expand(name, data):
    """A file's entries: itself, or its members when it is a zip (not a .docx)."""
    return expand_zip(name, data) if is_zip(name, data) else [(name, data)]


class Collected:
    """The (name, bytes or Exception) entries of files, folders (recursively) and zips given on a
    command line, read one file at a time as they are iterated: a year of news is not held in
    memory before its ingest starts. len() is known up front (a zip counts its members)."""

    def __init__(self, paths):
        self.files = []  # Path, or (name, Exception) for a path that does not exist
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                self.files += sorted(p for p in path.rglob("*") if p.is_file() and not _skip(p.name)
                                     and p.suffix.lower() in ACCEPTED + (".zip",))
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
                yield from expand(str(f), f.read_bytes())
            except Rejected as exc:
                yield str(f), exc
            except OSError as exc:
                yield str(f), OSError(f"{f}: cannot be read ({exc.strerror or exc})")


def _count(f):
    """Entries a file gives: its members for a .zip (read from its directory), else one."""
    if isinstance(f, tuple) or f.suffix.lower() != ".zip":
        return 1
    try:
        with zipfile.ZipFile(f) as zf:
            return max(1, sum(not i.is_dir() and not _skip(i.filename) for i in zf.infolist()))
    except (OSError, zipfile.BadZipFile):
        return 1


def collect_paths(paths):
    return Collected(paths)
