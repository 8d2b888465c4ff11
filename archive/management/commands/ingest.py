from collections import Counter

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.ingest.files import collect_paths
from archive.ingest.service import ingest_bytes
from search.indexing import deferred


class Command(BaseCommand):
    help = "Ingest report files, folders and zips into the archive; prints created / duplicate of #id / failed: reason."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, paths, quiet, **options):
        entries = collect_paths(paths)
        outcomes = []
        with deferred():  # one index batch at the end
            for name, data in tqdm(entries, desc="ingest", unit="file", disable=quiet or len(entries) < 2):
                outcomes.append(ingest_bytes(name, data))
        for o in outcomes:
            self.stdout.write(str(o))
        counts = Counter(o.status for o in outcomes)
        self.stdout.write(f"{counts['created']} created, {counts['duplicate']} duplicate, {counts['failed']} failed")
