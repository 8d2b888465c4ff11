from django.core.management.base import BaseCommand
from haystack.query import SearchQuerySet

from archive.models import Report
from search.indexing import index_reports, rebuild, schema_is_current


class Command(BaseCommand):
    help = "Bring the search index in line with the database: index what is missing, rebuild with --rebuild."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="clear the index and rebuild it from the database")

    def handle(self, *args, **options):
        if options["rebuild"] or not schema_is_current():
            self.stdout.write(f"index rebuilt: {rebuild()} reports")
            return
        in_db = set(Report.objects.values_list("pk", flat=True))
        indexed = {int(pk) for pk in SearchQuerySet().values_list("pk", flat=True)[:len(in_db) + 1000]}
        missing = sorted(in_db - indexed)
        if missing:
            index_reports(missing)
        self.stdout.write(f"index: {len(in_db)} reports, {len(missing)} added")
