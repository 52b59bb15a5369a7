"""What every app's demo content reader shares: one error, and one check of an entry's keys.

Each app keeps its demo content as JSON beside it (home/demo_content/, services_directory/
demo_content/, consultations/demo_content/) and checks it before anything is saved, so a
misspelt key stops the load with the file and entry named instead of silently dropping text.
"""


class DemoContentError(Exception):
    """A demo content file does not fit its loader: fix the data or the loader, never drop text."""


def check_keys(entry, required, optional, file_name, where):
    """Refuse an entry that is not an object, lacks a required key or has one nobody reads."""
    if not isinstance(entry, dict):
        raise DemoContentError(f"{file_name}: {where} is {entry!r}, not an object")
    missing = sorted(required - set(entry))
    if missing:
        raise DemoContentError(f"{file_name}: {where} lacks {', '.join(map(repr, missing))}")
    unknown = sorted(set(entry) - required - optional)
    if unknown:
        raise DemoContentError(
            f"{file_name}: {where} has {', '.join(map(repr, unknown))}, which the loader does not "
            f"read: use {sorted(required | optional)}, or teach the loader the new key."
        )
