"""Opening sessions learn which week of the month, and which weeks or months, they run in.

Until now a "first Wednesday" (MONTHLY, byday 1WE) or fortnightly schedule gave the same rows as
a weekly one, so "open now" and "open on Wednesday" listed it every week. The new columns place a
row on dates; existing rows are rebuilt from their schedules with the same rule as
OpeningSession.rows_for at the time of writing (copied, because a migration must not change
when the model's code does later).

Reversing drops the columns and leaves the rebuilt rows, which mean to the old code what the
old rows meant: the sessions are derived data, rebuilt on every save of a service.
"""

import re

from django.db import migrations, models

_BYDAY_PART_RE = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _rules(byday):
    rules = set()
    for part in (byday or "").upper().replace(" ", "").split(","):
        match = _BYDAY_PART_RE.match(part)
        if match:
            rules.add((WEEKDAY_CODES.index(match[2]), int(match[1]) if match[1] else None))
    return sorted(rules, key=lambda rule: (rule[0], rule[1] or 0))


def rebuild_sessions(apps, schema_editor):
    Schedule = apps.get_model("services_directory", "Schedule")
    OpeningSession = apps.get_model("services_directory", "OpeningSession")
    rows = []
    for schedule in Schedule.objects.iterator(chunk_size=2000):
        if schedule.bymonthday:
            continue
        interval = max(schedule.interval or 1, 1)
        monthly = schedule.freq == "MONTHLY"
        anchor = schedule.dtstart or schedule.valid_from
        cycle_start = 0 if interval == 1 else None
        if interval > 1 and anchor:
            if monthly:
                cycle_start = anchor.year * 12 + anchor.month - 1
            else:
                cycle_start = (anchor.toordinal() - 1) // 7
        starts = [day for day in (schedule.dtstart, schedule.valid_from) if day]
        for weekday, occurrence in _rules(schedule.byday):
            rows.append(
                OpeningSession(
                    service_id=schedule.service_id,
                    schedule_id=schedule.pk,
                    weekday=weekday,
                    opens_at=schedule.opens_at,
                    closes_at=schedule.closes_at,
                    term_time_only=schedule.term_time_only,
                    valid_from=max(starts) if starts else None,
                    valid_to=schedule.valid_to,
                    occurrence=occurrence,
                    freq="MONTHLY" if monthly else "WEEKLY",
                    interval=interval,
                    cycle_start=cycle_start,
                )
            )
    OpeningSession.objects.all().delete()
    OpeningSession.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0003_rename_servicepage_url_website")]

    operations = [
        migrations.AddField(
            model_name="openingsession",
            name="cycle_start",
            field=models.IntegerField(default=0, null=True),
        ),
        migrations.AddField(
            model_name="openingsession",
            name="freq",
            field=models.CharField(
                choices=[("WEEKLY", "Every week"), ("MONTHLY", "Every month")],
                default="WEEKLY",
                max_length=7,
            ),
        ),
        migrations.AddField(
            model_name="openingsession",
            name="interval",
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="openingsession",
            name="occurrence",
            field=models.SmallIntegerField(null=True),
        ),
        migrations.RunPython(rebuild_sessions, migrations.RunPython.noop),
    ]
