"""What users hand in on a command line: files, folders and zips, read one file at a time."""

import io
import zipfile

from archive.ingest.files import collect_paths


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def test_folders_zips_and_missing_paths_give_their_entries_counted_up_front(tmp_path):
    (tmp_path / "a.txt").write_bytes("甲".encode())
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.html").write_bytes(b"<p>b</p>")
    (sub / ".hidden.txt").write_bytes(b"x")
    (sub / "notes.csv").write_bytes(b"x")
    (tmp_path / "c.zip").write_bytes(_zip([("one.txt", b"1"), ("two/two.txt", b"2"), ("__MACOSX/._one.txt", b"")]))
    got = collect_paths([tmp_path, tmp_path / "missing.txt"])
    assert len(got) == 5  # for the progress bar, before anything is read
    entries = list(got)
    assert [(name, data) for name, data in entries[:4]] == [
        (str(tmp_path / "a.txt"), "甲".encode()),
        (f"{tmp_path / 'c.zip'}/one.txt", b"1"),
        (f"{tmp_path / 'c.zip'}/two/two.txt", b"2"),
        (str(sub / "b.html"), b"<p>b</p>"),
    ]
    name, error = entries[4]
    assert name == str(tmp_path / "missing.txt") and isinstance(error, FileNotFoundError)


def test_files_are_read_as_they_are_taken_and_a_vanished_one_is_an_error_entry(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"old")
    b.write_bytes(b"x")
    got = collect_paths([a, b])
    a.write_bytes(b"new")
    b.unlink()
    (first, data), (second, error) = list(got)
    assert (first, data) == (str(a), b"new")
    assert second == str(b) and isinstance(error, OSError) and "无法读取" in str(error)
