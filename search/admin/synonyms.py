"""Synonym sets in the admin: editors add, change and remove the words families search with."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from search.models import SynonymSet
from search.models.vocabulary import split_terms

HELP = _(
    "All the words and phrases in a set find each other: a search for any one of them also "
    "finds pages that use the others. Changes apply to the next search."
)


class SynonymSetForm(WagtailAdminModelForm):
    def _post_clean(self):
        # After the model's own checks (SynonymSet.clean), so an editor reads one message at a
        # time, and only about words that are otherwise fine.
        super()._post_clean()
        language = self.cleaned_data.get("language")
        if language and not self.has_error("terms") and not self.has_error("language"):
            self._refuse_terms_in_other_sets(language, split_terms(self.cleaned_data["terms"]))

    def _refuse_terms_in_other_sets(self, language, terms):
        # A word in two sets would join only the first one search reads: one set per word.
        others = SynonymSet.objects.filter(language=language).exclude(pk=self.instance.pk)
        for other in others.only("terms"):
            shared = [term for term in terms if term in other.term_list()]
            if shared:
                self.add_error(
                    "terms",
                    gettext(
                        "“%(term)s” is already in another set for this language (%(set)s). "
                        "Add your words to that set instead, or take the word out of one of them."
                    )
                    % {"term": shared[0], "set": str(other)},
                )
                return


class SynonymSetViewSet(ModelViewSet):
    """Synonym sets, per language, with filters, search and their history."""

    model = SynonymSet
    icon = "tag"
    menu_label = _("Synonyms")
    name = "search_synonyms"
    url_prefix = "search/synonyms"
    inspect_view_enabled = False
    list_filter = ["language", "kind"]
    search_fields = ["terms", "note"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("__str__", label=_("Words and phrases"), url_name="search_synonyms:edit"),
        Column("get_kind_display", label=_("Kind"), sort_key="kind"),
        Column("get_language_display", label=_("Language"), sort_key="language"),
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(content=HELP),
            FieldPanel("language"),
            FieldPanel("kind"),
            FieldPanel("terms"),
            FieldPanel("note"),
        ],
        base_form_class=SynonymSetForm,
    )
