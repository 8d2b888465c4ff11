"""The 审核员 (reviewer) group: may review and correct reports and what was extracted from them, merge
and split people and programmes; may not delete reports, upload, or change users."""

from django.db import migrations

GROUP = "审核员"
PERMISSIONS = {
    "report": ["view", "change"],
    "regionmention": ["view", "add", "change", "delete"],
    "personmention": ["view", "add", "change", "delete"],
    "initiativemention": ["view", "add", "change", "delete"],
    "reportcategory": ["view", "add", "change", "delete"],
    "metric": ["view", "add", "change", "delete"],
    "person": ["view", "add", "change", "delete"],
    "initiative": ["view", "add", "change", "delete"],
    "region": ["view"],
    "source": ["view", "add"],
}


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():  # the permissions of the new models exist before the group takes them
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    group.permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0007_initiative_mentions"), ("auth", "0012_alter_user_first_name_max_length"),
                    ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(create_group, remove_group)]
