import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.evaluation import FLOORS, load_successors, score, shortfalls
from archive.ingest import Rejected, run_pipeline
from archive.serializers import extraction_json


class Command(BaseCommand):
    help = "Score extraction against a gold file (default ../shared/gold/seeds.json); fails below the floors."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="?", default=str(settings.SHARED_DIR / "gold" / "seeds.json"))
        parser.add_argument("--files", default=None, help="folder of the gold's files (default: ../seeds beside it)")

    def handle(self, *args, gold, files, **options):
        gold_path = Path(gold)
        if not gold_path.exists():
            raise CommandError(f"{gold_path} not found")
        gold_data = json.loads(gold_path.read_text("utf-8"))
        folder = Path(files) if files else gold_path.parent.parent / "seeds"
        preds = []
        for name in gold_data:
            try:
                preds.append(extraction_json(run_pipeline(name, (folder / name).read_bytes())))
            except (OSError, Rejected) as exc:
                self.stderr.write(f"{name}: {exc}")
        result = score(gold_data, preds, load_successors(settings.SHARED_DIR))
        self.stdout.write(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
        self.stdout.write("floors: " + " ".join(f"{k}>={v}" for k, v in FLOORS.items()) + " traps=0")
        short = shortfalls(result)
        if short:
            raise CommandError("below the floors: " + "; ".join(short))
