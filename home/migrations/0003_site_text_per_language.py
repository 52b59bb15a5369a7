"""The words around every page (names, address, footer links) become one Site text per language.

The site settings held them once for all languages, so an Arabic page said "Family services"
and "Contact us" in English with no way to translate them. Existing values move to a Site text
in the default language, which wagtail-localize then translates; going back copies them home.
"""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models


MOVED = ("site_name", "organisation_name", "address", "footer_links")


def _default_locale(apps):
    from django.conf import settings

    Locale = apps.get_model("wagtailcore", "Locale")
    language = settings.LANGUAGE_CODE
    return (
        Locale.objects.filter(language_code=language).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=language)
    )


def to_site_text(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteText = apps.get_model("home", "SiteText")
    settings_rows = list(SiteSettings.objects.all())
    if not settings_rows or SiteText.objects.exists():
        return
    # One site in practice; with several, the default site's words win (Site text is per
    # language, not per site).
    chosen = next((row for row in settings_rows if row.site.is_default_site), settings_rows[0])
    SiteText.objects.create(
        locale=_default_locale(apps),
        site_name=chosen.site_name,
        organisation_name=chosen.organisation_name,
        address=chosen.address,
        footer_links=chosen.footer_links.raw_data,
    )


def to_site_settings(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteText = apps.get_model("home", "SiteText")
    text = SiteText.objects.filter(locale=_default_locale(apps)).first()
    if text is None:
        return
    for row in SiteSettings.objects.all():
        row.site_name = text.site_name
        row.organisation_name = text.organisation_name
        row.address = text.address
        row.footer_links = text.footer_links.raw_data
        row.save()


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_policy_and_report_introductions'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('site_name', models.CharField(default='Family services', help_text='Shown in the header of every page and in browser tabs.', max_length=80, verbose_name='site name')),
                ('organisation_name', models.CharField(blank=True, help_text="Shown in the footer's copyright line.", max_length=120, verbose_name="council's name")),
                ('address', models.TextField(blank=True, help_text='One part of the address a line.', max_length=400, verbose_name='address')),
                ('footer_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 1: ('wagtail.blocks.URLBlock', (), {'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('external_url', 1), ('text', 2)]], {})}, verbose_name='footer links')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'site text',
                'verbose_name_plural': 'site text',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(to_site_text, to_site_settings),
        migrations.RemoveField(
            model_name='sitesettings',
            name='address',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='footer_links',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='organisation_name',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='site_name',
        ),
    ]
