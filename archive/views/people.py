"""A person's page: titles over time, places, reports and the people named with them."""

from django.db.models import Count, F, Max, Min
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..formats import Page, respond
from ..models import Person, PersonMention, Report
from .cache import summary
from .rows import counties_of, person_row, region_row, report_row, reports_in_order, url_of

PERSON_REPORTS = 100  # the newest reports a person page lists (all of them are in its search link and CSV)


def person(request, pk):
    """A person's titles over time (each title with its first and last report), places, reports and the
    people named with them. Counted in SQL: loading and listing every mention of a person named in
    thousands of reports took seconds (docs/BENCHMARKS.md)."""
    p = get_object_or_404(Person.objects.select_related("region"), pk=pk)
    data = summary(f"person:{pk}", lambda: _person_data(p))
    return respond(request, Page("archive/person.html", data, p.name, table="reports", filename=f"person-{pk}"))


def _person_data(p):
    theirs = PersonMention.objects.filter(person=p).values("report_id")
    total = theirs.distinct().count()
    titles = []
    for row in (
        PersonMention.objects.filter(person=p)
        .exclude(title="")
        .values("title")
        .annotate(
            first=Min("report__published"),
            last=Max("report__published"),
            n=Count("report_id", distinct=True),
            report=Min("report_id"),
        )
        .order_by("first", "report")
    ):
        titles.append(
            {
                "title": row["title"],
                "date": row["first"],
                "until": row["last"],
                "reports": row["n"],
                "report": row["report"],
                "report_url": url_of("archive:report", row["report"]),
            }
        )
    places = counties_of(theirs)
    others = (
        PersonMention.objects.filter(report_id__in=theirs)
        .exclude(person=p)
        .values("person_id")
        .annotate(n=Count("report_id", distinct=True))
        .order_by("-n")[:20]
    )
    people = Person.objects.select_related("region").in_bulk([o["person_id"] for o in others])
    ids = list(
        Report.objects.filter(pk__in=theirs)
        .order_by(F("published").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)
        .distinct()[:PERSON_REPORTS]
    )
    here = dict(PersonMention.objects.filter(person=p, report_id__in=ids).values_list("report_id", "title"))
    data = {
        **person_row(p),
        "region": region_row(p.region) if p.region else None,
        "titles": titles,
        "reports_total": total,
        "search_url": reverse("search:search") + f'?q="{p.name}"',
        "places": places,
        "reports": [{**report_row(r), "title_here": here.get(r.pk, "")} for r in reports_in_order(ids)],
        "named_with": [person_row(people[o["person_id"]], reports=o["n"]) for o in others if o["person_id"] in people],
    }
    return data
