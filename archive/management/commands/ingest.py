from collections import Counter

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.ingest.files import collect_paths
from archive.intake.batch import ingest_many
from search.indexing import sync


class Command(BaseCommand):
    help = "Ingest report files, folders and zips into the archive; prints created / duplicate of #id / failed: reason."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")

    def handle(self, *args, paths, quiet, workers, **options):
        added, removed = sync()  # an ingest killed earlier stored reports its index never got
        if added or removed:
            self.stdout.write(
                f"index repaired first: {added} stored reports were not searchable and are now indexed"
                + (f", {removed} deleted ones removed" if removed else "")
            )
        entries = collect_paths(paths)
        with tqdm(total=len(entries), desc="ingest", unit="file", disable=quiet or len(entries) < 2) as bar:
            outcomes = ingest_many(entries, workers=workers, progress=lambda done: bar.update(len(done)))
        for o in outcomes:
            self.stdout.write(str(o))
        counts = Counter(o.status for o in outcomes)
        self.stdout.write(f"{counts['created']} created, {counts['duplicate']} duplicate, {counts['failed']} failed")
