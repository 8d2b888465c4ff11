import json
import sys

from django.core.management.base import BaseCommand

from archive.checks import PIPELINE
from archive.ingest import Rejected, run_pipeline
from archive.ingest.files import collect_paths
from archive.serializers import extraction_json


class Command(BaseCommand):
    help = "Run pipeline stages 1-6 on files, folders or zips, without the database; print what was found."
    requires_system_checks = [PIPELINE]  # the libraries and the model it needs (archive/checks.py)

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--json", action="store_true", help="print a JSON array, one object per file")

    def handle(self, *args, paths, **options):
        out, failed = [], 0
        for name, data in collect_paths(paths):
            if isinstance(data, Exception):
                out.append({"file": name, "error": str(data)})
                failed += 1
                continue
            try:
                doc = run_pipeline(name, data)
            except Rejected as exc:
                out.append({"file": name, "error": str(exc)})
                failed += 1
                continue
            out.append(extraction_json(doc))
        if options["json"]:
            json.dump(out, self.stdout, ensure_ascii=False, indent=1)
            self.stdout.write("")
        else:
            for item in out:
                if "error" in item:
                    self.stdout.write(f"{item['file']}: failed: {item['error']}")
                    continue
                self.stdout.write(
                    f"{item['file']}: {item['title'] or '(no title)'} | {item['source'] or '-'} | "
                    f"{item['published'] or '-'} | {len(item['regions'])} places, {len(item['people'])} people, "
                    f"{len(item['metrics'])} figures"
                )
        if failed:
            sys.exit(1) if failed == len(out) else None
