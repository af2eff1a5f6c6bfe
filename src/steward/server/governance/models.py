"""Policy pack versions. An uploaded pack is validated first and kept as a new version; decisions keep the
version they were made under (``Decision.policy_version`` and ``Decision.pack``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PackVersion(models.Model):
    pack_id = models.CharField(max_length=100, db_index=True)
    version = models.CharField(max_length=50)
    direction = models.CharField(max_length=10)
    source = models.TextField(help_text="The YAML exactly as uploaded.")
    sha256 = models.CharField(max_length=64)
    active = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pack_id", "sha256"], name="pack_version_unique_source"),
            models.UniqueConstraint(
                fields=["pack_id"], condition=models.Q(active=True), name="one_active_version_per_pack"
            ),
        ]
        ordering = ["pack_id", "-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.pack_id} {self.version}{' (active)' if self.active else ''}"
