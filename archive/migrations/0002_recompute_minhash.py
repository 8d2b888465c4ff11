"""Recompute near-duplicate signatures: the first MinHash family barely permuted (see dedupe.py)."""

from django.db import migrations


def recompute(apps, schema_editor):
    from archive.ingest.dedupe import bands, minhash

    Report = apps.get_model("archive", "Report")
    Fingerprint = apps.get_model("archive", "Fingerprint")
    Fingerprint.objects.all().delete()
    batch = []
    for report in Report.objects.only("id", "normalized_text").iterator(chunk_size=500):
        signature = minhash(report.normalized_text)
        Report.objects.filter(pk=report.pk).update(minhash=signature)
        batch += [Fingerprint(report_id=report.pk, band=i, value=v) for i, v in enumerate(bands(signature))]
        if len(batch) >= 4000:
            Fingerprint.objects.bulk_create(batch)
            batch = []
    Fingerprint.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
