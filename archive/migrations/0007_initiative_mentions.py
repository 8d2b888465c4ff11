"""Report.initiatives through InitiativeMention (who decided each link), its rows copied from the
automatic table: a field cannot be switched to a through model in place, so it is removed and
added again after the copy."""

from django.db import migrations, models


def copy_links(apps, schema_editor):
    Report = apps.get_model("archive", "Report")
    InitiativeMention = apps.get_model("archive", "InitiativeMention")
    through = Report.initiatives.through
    rows = [InitiativeMention(report_id=r, initiative_id=i)
            for r, i in through.objects.values_list("report_id", "initiative_id").iterator()]
    InitiativeMention.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_curation")]

    operations = [
        migrations.RunPython(copy_links, migrations.RunPython.noop),
        migrations.RemoveField("report", "initiatives"),
        migrations.AddField(
            model_name="report", name="initiatives",
            field=models.ManyToManyField(blank=True, related_name="reports", through="archive.InitiativeMention",
                                         to="archive.initiative", verbose_name="项目"),
        ),
    ]
