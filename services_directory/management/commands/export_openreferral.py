"""Export the directory's published services as Open Referral UK v3 JSON or CSV."""

from django.core.management.base import BaseCommand, CommandError

from services_directory.openreferral import export_csv, export_json


class Command(BaseCommand):
    help = (
        "Export published services as Open Referral UK v3. json: a list of full service objects, "
        "as "
        "the API gives them. csv: one file per table of the UK profile's data package, in a folder "
        "or, if the output ends in .zip, a zip file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--output", required=True, help="A file for json; a folder or .zip file for csv."
        )

    def handle(self, format, output, **options):
        try:
            if format == "json":
                count = export_json(output)
                self.stdout.write(f"Wrote {count} services to {output}.")
            else:
                counts = export_csv(output)
                self.stdout.write(
                    f"Wrote {counts.get('service', 0)} services in {len(counts)} tables "
                    f"to {output}."
                )
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error}") from error
