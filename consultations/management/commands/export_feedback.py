"""Export a consultation's ideas, comments and supports to a file, as the admin's download does.

    manage.py export_feedback 42 --output feedback.xlsx
    manage.py export_feedback 42 --format csv --sheet comments --output comments.csv

Names and email addresses are left out unless --personal-data is given: whoever runs the command
decides, as the "see personal data" permission decides in the admin.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from consultations.exports import SHEETS, FeedbackExport
from consultations.models import ConsultationPage


class Command(BaseCommand):
    help = "Export a consultation's feedback (ideas, comments, supports) to XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("consultation", type=int, help="The consultation page's ID.")
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument("--format", choices=["xlsx", "csv"], default=None)
        parser.add_argument(
            "--sheet", choices=SHEETS, default="ideas", help="For CSV: which sheet to write."
        )
        parser.add_argument(
            "--personal-data",
            action="store_true",
            help="Include contributors' names and email addresses.",
        )
        parser.add_argument(
            "--language", default=None, help="Language of the headings (default: the site's)."
        )

    def handle(self, *args, **options):
        try:
            consultation = ConsultationPage.objects.get(pk=options["consultation"])
        except ConsultationPage.DoesNotExist as error:
            raise CommandError(
                f"No consultation page with ID {options['consultation']}."
            ) from error
        output = Path(options["output"])
        file_format = options["format"] or ("csv" if output.suffix.lower() == ".csv" else "xlsx")

        def progress(sheet, count):
            self.stdout.write(f"{sheet}: {count} rows")

        export = FeedbackExport(
            consultation, personal_data=options["personal_data"], progress=progress
        )
        with translation.override(options["language"] or translation.get_language()):
            if file_format == "csv":
                with output.open("w", encoding="utf-8", newline="") as file:
                    export.write_csv(options["sheet"], file)
            else:
                with output.open("wb") as file:
                    export.write_xlsx(file)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({file_format})."))
