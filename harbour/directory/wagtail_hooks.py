"""The directory in the Wagtail admin: editors add, check and correct organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from harbour.directory.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Directory of help")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "phone", "number_state", "hours", "last_checked", "order"]
    list_filter = ["phone_checked", "hours"]
    search_fields = ["name", "summary"]
    ordering = ["order", "name"]


register_snippet(OrganisationViewSet)
