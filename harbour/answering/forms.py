"""The site search form: the query, the filters and the exact-match mode."""

from django import forms
from django.utils.translation import gettext_lazy as _

from harbour.answering.engine.search import MAX_QUERY_CHARS
from harbour.common.forms import PrintableTextField
from harbour.content.topics import AUDIENCES, group_choices


class SearchForm(forms.Form):
    q = PrintableTextField(label=_("Search the advice"), required=False, strip=True, keep_lines=False)
    group = forms.ChoiceField(label=_("Topic"), required=False,
                              choices=lambda: [("", _("All topics")), *group_choices()])
    audience = forms.ChoiceField(label=_("Who it is for"), required=False,
                                 choices=[("", _("Anyone")), *AUDIENCES[1:]])
    exact = forms.BooleanField(label=_("Exact matches only"), required=False)
    was_shortened = False

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        self.was_shortened = len(query) > MAX_QUERY_CHARS
        return query[:MAX_QUERY_CHARS].strip()
