"""The one object an import writes through, holding what it learns across records."""

from .pages import ServiceWrites
from .snippets import SnippetWrites


class Applier(SnippetWrites, ServiceWrites):
    """Compares plans with the database for one locale and, unless dry, writes the differences."""

    def __init__(self, directory, locale, dry_run=False):
        super().__init__(locale)
        self.directory = directory
        self.dry_run = dry_run
        self.warnings = []
        # (term id, parent id) whose parent was not known yet: a later record may bring it.
        self.pending_parents = {}
        # What the current record saved, for one reference index update each (importer/records.py).
        self.saved = []
        # Services whose record gave its last_modified: the feed's date stands for them.
        self.feed_dated = set()
        # Services created or changed, to be added to the search index once, at the end.
        self.to_index = set()
