"""Bring the database in line with a plan: create what is new, change what differs, leave the rest.

Comparing first is what makes an import idempotent: a service whose record matches what we hold
gets no new revision, and a dry run is the same comparison without the writes.
"""

from .applier import Applier

__all__ = ["Applier"]
