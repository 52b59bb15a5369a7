"""A consultation's feedback as spreadsheets: ideas, comments and supports, as CSV or XLSX.

Residents' text goes into cells that analysts open in Excel or LibreOffice, so every text cell is
made inert first (``safe_cell``): a cell starting with = + - @, a tab or a carriage return would
otherwise run as a formula (OWASP "CSV injection"), and control characters are dropped because
XLSX cannot hold them. Names and email addresses are read only when the person exporting may see
personal data; otherwise the contributor table is never joined.

Rows are read with ``iterator()`` and written as they come (CSV streamed, XLSX in openpyxl's
write-only mode), so 5,000 ideas export in seconds without holding them all in memory.
"""

import csv
import datetime
import re
from collections.abc import Callable, Iterator

from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook

from consultations.figures import ConsultationScope
from consultations.models import (
    ConsultationPage,
    ModerationStatus,
    RejectionReason,
    RespondentType,
    ResponseStatus,
)

SHEETS = ("ideas", "comments", "supports")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XLSX cannot store (the same set openpyxl refuses); tab, LF and CR stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CHUNK_SIZE = 2000
PROGRESS_EVERY = 1000


def safe_cell(value):
    """A value a spreadsheet shows as it is: text never runs as a formula; dates local, naive."""
    if isinstance(value, str):
        value = CONTROL_CHARACTERS.sub("", value)
        if value.startswith(FORMULA_STARTS):
            # The apostrophe is how spreadsheets mark "text, not a formula".
            return "'" + value
        return value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: give the council's local time, as the admin shows it.
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0)
    return value


class _Echo:
    """A file-like object that hands back what is written, so csv.writer can feed a stream."""

    def write(self, value):
        return value


class FeedbackExport:
    """The three sheets of one consultation's feedback, for one person's permissions."""

    def __init__(
        self,
        consultation: ConsultationPage,
        *,
        personal_data: bool = False,
        progress: Callable[[str, int], None] | None = None,
    ):
        self.scope = ConsultationScope(consultation)
        self.personal_data = personal_data
        self.progress = progress

    # The columns of each sheet, in the language active when called.

    def headers(self, sheet):
        personal = [gettext("Name"), gettext("Email address")] if self.personal_data else []
        if sheet == "ideas":
            return [
                gettext("Idea ID"),
                gettext("Board"),
                gettext("Theme"),
                gettext("Title"),
                gettext("Description"),
                gettext("Area"),
                gettext("Respondent type"),
                gettext("Language"),
                gettext("Moderation status"),
                gettext("Reason not published"),
                gettext("Supports"),
                gettext("Published comments"),
                gettext("Response status"),
                gettext("Our response"),
                gettext("Sent"),
                gettext("Published"),
                gettext("Responded"),
                *personal,
            ]
        if sheet == "comments":
            return [
                gettext("Comment ID"),
                gettext("Idea ID"),
                gettext("Idea title"),
                gettext("Board"),
                gettext("Theme"),
                gettext("Comment"),
                gettext("Respondent type"),
                gettext("Language"),
                gettext("Moderation status"),
                gettext("Reason not published"),
                gettext("Sent"),
                gettext("Published"),
                *personal,
            ]
        if sheet == "supports":
            return [
                gettext("Idea ID"),
                gettext("Idea title"),
                gettext("Board"),
                gettext("Theme"),
                gettext("Moderation status"),
                gettext("Supports"),
                gettext("First support"),
                gettext("Latest support"),
            ]
        raise ValueError(sheet)

    def rows(self, sheet) -> Iterator[list]:
        """The sheet's data rows, cells already made safe."""
        reader = {
            "ideas": self._idea_rows,
            "comments": self._comment_rows,
            "supports": self._support_rows,
        }[sheet]
        count = 0
        for count, row in enumerate(reader(), start=1):
            if self.progress and count % PROGRESS_EVERY == 0:
                self.progress(sheet, count)
            yield [safe_cell(value) for value in row]
        if self.progress and count % PROGRESS_EVERY:
            self.progress(sheet, count)

    def _labels(self):
        # Translated once per export, not once per cell.
        return tuple(
            {value: str(label) for value, label in choices.choices}
            for choices in (ModerationStatus, RejectionReason, RespondentType, ResponseStatus)
        )

    def _personal_fields(self):
        return ["contributor__name", "contributor__email"] if self.personal_data else []

    def _idea_rows(self):
        statuses, reasons, types, responses = self._labels()
        fields = [
            "pk",
            "board__translation_key",
            "theme__translation_key",
            "title",
            "description",
            "area",
            "respondent_type",
            "language",
            "status",
            "rejection_reason",
            "support_count",
            "comment_count",
            "response_status",
            "public_response",
            "created_at",
            "published_at",
            "responded_at",
            *self._personal_fields(),
        ]
        ideas = self.scope.ideas.order_by("created_at", "pk").values_list(*fields)
        for row in ideas.iterator(chunk_size=CHUNK_SIZE):
            (pk, board, theme, title, description, area, respondent, language, status) = row[:9]
            (reason, supports, comments, response_status, response) = row[9:14]
            yield [
                pk,
                self.scope.board_title(board),
                self.scope.theme_name(theme),
                title,
                description,
                area,
                types.get(respondent, respondent),
                language,
                statuses.get(status, status),
                reasons.get(reason, reason),
                supports,
                comments,
                responses.get(response_status, response_status),
                response,
                *row[14:17],
                *[value or "" for value in row[17:]],
            ]

    def _comment_rows(self):
        statuses, reasons, types, _responses = self._labels()
        fields = [
            "pk",
            "idea_id",
            "idea__title",
            "idea__board__translation_key",
            "idea__theme__translation_key",
            "body",
            "respondent_type",
            "language",
            "status",
            "rejection_reason",
            "created_at",
            "published_at",
            *self._personal_fields(),
        ]
        comments = self.scope.comments.order_by("created_at", "pk").values_list(*fields)
        for row in comments.iterator(chunk_size=CHUNK_SIZE):
            pk, idea_id, idea_title, board, theme, body, respondent, language, status = row[:9]
            yield [
                pk,
                idea_id,
                idea_title,
                self.scope.board_title(board),
                self.scope.theme_name(theme),
                body,
                types.get(respondent, respondent),
                language,
                statuses.get(status, status),
                reasons.get(row[9], row[9]),
                row[10],
                row[11],
                *[value or "" for value in row[12:]],
            ]

    def _support_rows(self):
        statuses, _reasons, _types, _responses = self._labels()
        ideas = (
            self.scope.ideas.order_by("created_at", "pk")
            .values_list(
                "pk", "title", "board__translation_key", "theme__translation_key", "status"
            )
            .annotate(
                # Named apart from the "supports" relation they count.
                support_total=Count("supports"),
                first_support=Min("supports__created_at"),
                latest_support=Max("supports__created_at"),
            )
        )
        for pk, title, board, theme, status, supports, first, latest in ideas.iterator(
            chunk_size=CHUNK_SIZE
        ):
            yield [
                pk,
                title,
                self.scope.board_title(board),
                self.scope.theme_name(theme),
                statuses.get(status, status),
                supports,
                first,
                latest,
            ]

    # Writers.

    def csv_lines(self, sheet) -> Iterator[str]:
        """The sheet as CSV text, line by line, for a streaming response or a file.

        It starts with a byte-order mark so Excel reads the UTF-8 (Arabic, Urdu, Bengali) right.
        """
        writer = csv.writer(_Echo())
        yield "\ufeff"
        yield writer.writerow(self.headers(sheet))
        for row in self.rows(sheet):
            yield writer.writerow(["" if value is None else _csv_value(value) for value in row])

    def write_csv(self, sheet, file):
        for line in self.csv_lines(sheet):
            file.write(line)

    def write_xlsx(self, file):
        """All three sheets into one workbook, written row by row (openpyxl write-only mode)."""
        workbook = Workbook(write_only=True)
        for sheet in SHEETS:
            worksheet = workbook.create_sheet(title=sheet_title(sheet)[:31])
            worksheet.append(self.headers(sheet))
            for row in self.rows(sheet):
                worksheet.append(row)
        workbook.save(file)


def sheet_title(sheet):
    return {
        "ideas": gettext("Ideas"),
        "comments": gettext("Comments"),
        "supports": gettext("Supports"),
    }[sheet]


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return value


def can_see_personal_data(user):
    return user.has_perm("consultations.view_personal_data")
