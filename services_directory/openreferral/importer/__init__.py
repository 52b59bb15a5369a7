"""Import Open Referral UK records: each is checked against the schema, then upserted by its ORUK id
in a transaction of its own, so a record is either imported whole or rejected whole with a report.
"""

from .report import ImportReport, RecordResult
from .run import ImportSetupError, find_directory, import_records
from .shapes import record_kind

__all__ = [
    "ImportReport",
    "ImportSetupError",
    "RecordResult",
    "find_directory",
    "import_records",
    "record_kind",
]
