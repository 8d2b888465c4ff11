"""The one record a file is carried in, from the request or the command line to its stored report.

An Entry is made where a file comes in (a line of `manage.py ingest`, a batch item, a zip member),
kept as an Upload (uploads.keep_uploads fills in the Upload's id, hash and stored name, once), run
through the pure stages in a worker (workers.prepare_many fills in the Document or the reason it
was refused, its fingerprints and index tokens), stored (storing.store_entries fills in the
Outcome), and reported: to the command's output, or to its batch item, found by the item's id
it carries (not by its place in a list).
"""

from dataclasses import dataclass

from archive.ingest.document import Document


@dataclass
class Outcome:
    name: str
    status: str  # created | duplicate | failed (as BatchItem's statuses)
    report_id: int | None = None
    message: str = ""

    def __str__(self):
        if self.status == "created":
            return f"{self.name}: created #{self.report_id}" + (f" ({self.message})" if self.message else "")
        if self.status == "duplicate":
            return f"{self.name}: duplicate of #{self.report_id}"
        return f"{self.name}: failed: {self.message}"

    def item_message(self):
        """The words a batch item shows for this outcome."""
        if self.status == "failed":
            return self.message
        if self.status == "created":
            return f"已入库为报道 #{self.report_id}" + (f"；读取警告：{self.message}" if self.message else "")
        return f"与已有报道 #{self.report_id} 相同"


KEPT_AS_REPORT = ("created", "duplicate")  # Upload statuses whose bytes the archive already turned into a report


def already_ingested(name, upload_status, report_id) -> Outcome | None:
    """The one rule: bytes whose Upload already says which report they became are not run again;
    they are a duplicate of that report. (upload_status, report_id: an Upload's, or an Entry's.)"""
    if upload_status in KEPT_AS_REPORT and report_id:
        return Outcome(name, "duplicate", report_id)
    return None


@dataclass(slots=True, eq=False)  # eq=False: entries are told apart by identity (dict keys), never by value
class Entry:
    """One file on its way through the ingest."""

    name: str  # as given (cleaned), the name the stages read
    data: bytes | None = None  # dropped after the stages once the file is kept (it travels once)
    failed: str = ""  # why there is nothing to keep or run (unreadable, a refused zip member)
    item_id: int | None = None  # the BatchItem it reports to, in a batch's job
    # the Upload keeping its bytes (keep_uploads or from_upload)
    upload_id: int | None = None
    sha256: str = ""  # computed once: by the worker, or while the request streamed
    stored_as: str = ""  # the kept file's name in storage (Report.original)
    original_name: str = ""  # the name it was first kept under (Report.original_name)
    upload_status: str = ""
    upload_report_id: int | None = None
    # what the stages made of it (workers.prepare_many)
    doc: Document | None = None
    rejected: str = ""  # why the stages refused it (its Upload says so and can be retried)
    signature: list | None = None
    digest: str = ""
    segments: tuple | None = None  # ((index text, its packed postings), ...) when workers segment
    outcome: Outcome | None = None

    def keep(self, upload):
        """Carry the Upload that keeps these bytes."""
        self.upload_id, self.sha256, self.stored_as = upload.pk, upload.sha256, upload.file.name
        self.original_name, self.upload_status, self.upload_report_id = (
            upload.original_name,
            upload.status,
            upload.report_id,
        )
        return self

    def known(self) -> Outcome | None:
        return already_ingested(self.name, self.upload_status, self.upload_report_id)


def entries_of(given):
    """Entries for what a caller gives: Entries as they are, (name, bytes or Exception) pairs made into one."""
    for entry in given:
        if isinstance(entry, Entry):
            yield entry
        else:
            name, data = entry
            yield Entry(name, failed=str(data)) if isinstance(data, Exception) else Entry(name, data)
