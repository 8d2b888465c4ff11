from django.core.management.base import BaseCommand
from django.db import transaction

from archive.gazetteer import read_divisions, read_former_names, read_poverty_table, short_name
from archive.models import Region, RegionName


class Command(BaseCommand):
    help = (
        "Fill Region from the cpca gazetteer, flag the 832 national poverty counties and load the former names "
        "(idempotent)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        divisions = read_divisions()
        existing = {r.code: r for r in Region.objects.all()}
        created = updated = 0
        for level in ("province", "prefecture", "county"):  # parents before children
            for d in (d for d in divisions if d.level == level):
                fields = dict(
                    name=d.name,
                    short_name=d.short_name,
                    level=d.level,
                    longitude=d.longitude,
                    latitude=d.latitude,
                    parent=existing.get(d.parent_code),
                )
                region = existing.get(d.code)
                if region is None:
                    region = existing[d.code] = Region.objects.create(code=d.code, **fields)
                    created += 1
                elif any(getattr(region, k) != v for k, v in fields.items()):
                    for k, v in fields.items():
                        setattr(region, k, v)
                    region.save()
                    updated += 1
        poverty = read_poverty_table()
        for code, (name, _year) in poverty.items():
            if code not in existing:  # a county cpca lacks (the Haixi 行政委员会): the facts table names it
                parent = existing.get(code[:4] + "00") or existing.get(code[:2] + "0000")
                existing[code] = Region.objects.create(
                    code=code, name=name, short_name=short_name(name), level="county", parent=parent
                )
                created += 1
        missing = sorted(code for code in poverty if code not in existing)
        Region.objects.exclude(code__in=poverty).filter(poverty_county=True).update(
            poverty_county=False, exit_year=None
        )
        for code, (_name, year) in poverty.items():
            Region.objects.filter(code=code).exclude(poverty_county=True, exit_year=year).update(
                poverty_county=True, exit_year=year
            )
        flagged = Region.objects.filter(poverty_county=True).count()
        names = [
            RegionName(region=existing[code], name=name, kind=kind, date=date)
            for name, code, kind, date in read_former_names()
            if code in existing
        ]
        RegionName.objects.all().delete()
        RegionName.objects.bulk_create(names)
        self.stdout.write(
            f"gazetteer: {len(divisions)} divisions ({created} created, {updated} updated); "
            f"{flagged} national poverty counties flagged, {len(missing)} unmatched; {len(names)} former and later names"
        )
        if missing:
            self.stderr.write("poverty counties not in the gazetteer: " + ", ".join(missing))
