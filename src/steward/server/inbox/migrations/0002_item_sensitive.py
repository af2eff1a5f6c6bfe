# Item.sensitive: a safeguarding matter, kept on the item so queues can leave it out without joining decisions.

from typing import Any

from django.db import migrations, models
from django.db.models import Q

SENSITIVE_CATEGORIES = ("self_harm", "child_safety")


def mark_existing(apps: Any, schema_editor: Any) -> None:
    item = apps.get_model("inbox", "Item")
    q = Q(escalation__isnull=False)
    for category in SENSITIVE_CATEGORIES:
        q |= Q(decision__categories__icontains=f'"{category}"')
    item.objects.filter(q).update(sensitive=True)


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="item",
            name="sensitive",
            field=models.BooleanField(
                default=False, help_text="A safeguarding matter (escalated, self-harm or child safety): leads only."
            ),
        ),
        migrations.AddIndex(
            model_name="item",
            index=models.Index(fields=["queue", "sensitive", "due_at"], name="item_queue_open_due"),
        ),
        migrations.RunPython(mark_existing, migrations.RunPython.noop),
    ]
