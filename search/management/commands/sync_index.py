from django.core.management.base import BaseCommand

from search.indexing import rebuild, sync


class Command(BaseCommand):
    help = (
        "Bring the search index in line with the database: index the reports it lacks (an ingest killed "
        "before its index commit), drop the ones deleted; --rebuild clears it and builds it anew."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="clear the index and rebuild it from the database")

    def handle(self, *args, **options):
        if options["rebuild"]:
            self.stdout.write(f"index rebuilt: {rebuild()} reports")
            return
        added, removed = sync()
        self.stdout.write(f"index in line with the database: {added} reports added, {removed} removed")
