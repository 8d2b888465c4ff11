"""What the pages show of the extracted records: the one rule, for every page and format."""

from django.db import models
from django.db.models import Count, Q


class ShownManager(models.Manager):
    """The records the archive shows: all but those a person rejected (Curated.REJECTED).

    It is the one rule of what a page shows, for every page and format: pages read mentions and
    figures through this manager (a join from another model, as in `Count("mentions__report")` or
    `filter(person_mentions__person=p)`, would bypass it: tests/pages/test_shown.py looks for such
    joins), and people and programmes through NamedQuerySet.shown()."""

    def get_queryset(self):
        return super().get_queryset().exclude(curation="rejected")


class NamedQuerySet(models.QuerySet):
    """People and programmes as the pages show them."""

    def shown(self):
        """Those named in at least one report by a mention no one rejected, each with n: those reports."""
        kept = ~Q(mentions__curation="rejected")
        return self.annotate(n=Count("mentions__report", filter=kept, distinct=True)).filter(n__gt=0)

    def shown_count(self):
        """How many records shown() holds, counted from the kept mentions alone: the same number
        without grouping every record with its mentions (the home page's count of people)."""
        link = self.model._meta.get_field("mentions").field  # the mention's key to its record
        kept = link.model.objects.values(link.name)
        if self.query.has_filters():
            kept = kept.filter(**{f"{link.name}__in": self.values("pk")})
        return kept.distinct().count()
