"""The foundation's own table: only what no app owns."""

from django.db import models


class JobLock(models.Model):
    """A periodic job running somewhere now (foundation.job_lock, on databases other than
    PostgreSQL, which uses advisory locks instead). A row past `expires_at` is free to take."""

    name = models.CharField(max_length=100, primary_key=True)
    holder = models.CharField(max_length=64)
    taken_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        # Made by council_site's first migration, before this layer had a name of its own.
        db_table = "council_site_joblock"

    def __str__(self):
        return f"{self.name} (until {self.expires_at:%Y-%m-%d %H:%M})"


class DemoRecord(models.Model):
    """An object a demo loader made, under a stable key (foundation.demo).

    Kept after the object is deleted, so the next `load_demo_content` knows an editor deleted it
    and does not make it again.
    """

    key = models.CharField(max_length=255, primary_key=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
