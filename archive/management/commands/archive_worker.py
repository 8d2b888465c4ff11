"""The archive's background worker: `make run` starts it beside the web server."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from archive.tasks import resume_batches
from search.indexing import sync


class Command(BaseCommand):
    help = (
        "Run the archive's background jobs (upload batches). At its start the index is brought in line "
        "with the database and the batches a killed worker left are taken up again; then django-tasks-db's "
        "worker runs the queue. Run one at a time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.5, help="seconds between looks at an empty queue")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")

    def handle(self, *args, interval, batch, verbosity, **options):
        added, removed = sync()
        if added or removed:
            self.stdout.write(f"index repaired: {added} reports added, {removed} removed")
        resumed = resume_batches()
        if resumed:
            self.stdout.write(f"resumed upload batches left unfinished: {', '.join(f'#{pk}' for pk in resumed)}")
        call_command(
            "db_worker",
            interval=interval,
            batch=batch,
            reload=False,
            startup_delay=False,
            verbosity=verbosity,
            stdout=self.stdout,
            stderr=self.stderr,
        )
