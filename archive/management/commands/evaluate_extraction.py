import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.checks import PIPELINE
from archive.evaluation import FLOORS, GOLD_SETS, load_successors, score, shortfalls
from archive.ingest import Rejected, run_pipeline
from archive.serializers import extraction_json


class Command(BaseCommand):
    help = (
        "Score extraction against gold files (default: the seeds and the dev set in ../shared/gold); "
        "fails below the floors."
    )
    requires_system_checks = [PIPELINE]  # the libraries and the model it needs (archive/checks.py)

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", help="gold files (default: " + ", ".join(GOLD_SETS) + ")")
        parser.add_argument("--files", default=None, help="folder of a single gold file's files")

    def handle(self, *args, gold, files, **options):
        sets = [(Path(g), Path(files) if files else Path(g).parent.parent / "seeds") for g in gold] or [
            (settings.SHARED_DIR / g, settings.SHARED_DIR / f) for g, f in GOLD_SETS.values()
        ]
        failed = []
        for gold_path, folder in sets:
            if not gold_path.exists():
                raise CommandError(f"{gold_path} not found")
            gold_data = json.loads(gold_path.read_text("utf-8"))
            preds = []
            for name in gold_data:
                try:
                    preds.append(extraction_json(run_pipeline(name, (folder / name).read_bytes())))
                except (OSError, Rejected) as exc:
                    self.stderr.write(f"{name}: {exc}")
            result = score(gold_data, preds, load_successors(settings.SHARED_DIR))
            self.stdout.write(
                f"{gold_path.name}: "
                + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items())
            )
            failed += [f"{gold_path.name}: {s}" for s in shortfalls(result)]
        self.stdout.write("floors: " + " ".join(f"{k}>={v}" for k, v in FLOORS.items()) + " traps=0")
        if failed:
            raise CommandError("below the floors: " + "; ".join(failed))
