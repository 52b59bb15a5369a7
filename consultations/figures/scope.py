"""Which boards, themes, ideas and comments make up a consultation, across its languages."""

from functools import cached_property

from django.db.models import Q
from django.utils.translation import gettext

from consultations.models import BoardTheme, Comment, ConsultationPage, Idea, IdeasBoardPage


class ConsultationScope:
    """The boards and themes of a consultation in every language, named in its own.

    Three queries, made once: the consultation's translations, their boards, and the boards'
    themes. ``ideas`` and ``comments`` are querysets over every language's boards.
    """

    def __init__(self, consultation: ConsultationPage):
        self.consultation = consultation
        self.locale_id = consultation.locale_id

    @cached_property
    def _boards_filter(self):
        translations = ConsultationPage.objects.filter(
            translation_key=self.consultation.translation_key
        ).values_list("path", "depth")
        condition = Q(pk__in=[])
        for path, depth in translations:
            condition |= Q(path__startswith=path, depth=depth + 1)
        return condition

    @cached_property
    def boards(self):
        """One board per translation key, in the consultation's language where there is one."""
        chosen = {}
        for board in IdeasBoardPage.objects.filter(self._boards_filter).order_by("path"):
            current = chosen.get(board.translation_key)
            if current is None or (
                board.locale_id == self.locale_id and current.locale_id != self.locale_id
            ):
                chosen[board.translation_key] = board
        # Order as the editor ordered the boards under the consultation: by the last step of
        # the tree path, which is the board's place among its siblings in any language's tree.
        return sorted(chosen.values(), key=lambda board: board.path[-board.steplen :])

    @cached_property
    def board_keys(self):
        return [board.translation_key for board in self.boards]

    @cached_property
    def themes(self):
        """Theme names by translation key, ordered by board and then by the board's order."""
        board_order = {key: index for index, key in enumerate(self.board_keys)}
        found = {}
        for key, locale_id, name, order, board_key in BoardTheme.objects.filter(
            board__translation_key__in=self.board_keys
        ).values_list(
            "translation_key", "locale_id", "name", "sort_order", "board__translation_key"
        ):
            current = found.get(key)
            if current is None or (locale_id == self.locale_id and current[0] != self.locale_id):
                found[key] = (locale_id, name, (board_order.get(board_key, 0), order or 0))
        ordered = sorted(found.items(), key=lambda item: item[1][2])
        return {key: name for key, (_locale, name, _order) in ordered}

    @property
    def ideas(self):
        return Idea.objects.filter(board__translation_key__in=self.board_keys)

    @property
    def comments(self):
        return Comment.objects.filter(idea__board__translation_key__in=self.board_keys)

    def board_title(self, translation_key):
        for board in self.boards:
            if board.translation_key == translation_key:
                return board.title
        return ""

    def theme_name(self, translation_key):
        if not translation_key:
            return gettext("No theme given")
        return self.themes.get(translation_key, "")
