"""Open Referral UK import and export: v1 to v3 mapping, upsert, JSON and CSV export (the schemas
are the API's, in api/schemas.py)."""

from .export import export_csv, export_json, service_objects
from .importer import ImportReport, ImportSetupError, RecordResult, find_directory, import_records
from .sources import ApiSource, SourceError, read_file

__all__ = [
    "ApiSource",
    "ImportReport",
    "ImportSetupError",
    "RecordResult",
    "SourceError",
    "export_csv",
    "export_json",
    "find_directory",
    "import_records",
    "read_file",
    "service_objects",
]
