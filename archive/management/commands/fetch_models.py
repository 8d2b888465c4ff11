from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ingest.extract import lac


class Command(BaseCommand):
    help = "Download the name tagger's model (Baidu LAC 2.1.2) from PyPI once and write it into MODEL_DIR."
    requires_system_checks = []  # the check that the model is there must not stop its own download

    def add_arguments(self, parser):
        parser.add_argument("--sdist", help="a local copy of LAC-2.1.2.tar.gz instead of the download")

    def handle(self, *args, sdist=None, **options):
        try:
            path = lac.fetch(settings.MODEL_DIR, sdist=sdist)
        except (OSError, lac.ModelMissing) as exc:
            raise CommandError(f"未能取得人名识别模型：{exc}") from exc
        if options["verbosity"]:
            self.stdout.write(f"model: {path}")
