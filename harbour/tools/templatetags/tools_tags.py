"""Template helpers for the guided tools' pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from harbour.content.starter import markdown_to_html

register = template.Library()

# The other tools and pages an outcome may point to, by URL name.
TOOL_LINKS = {
    "deadlines": lambda: _("Work out a date: police notices, orders and referrals"),
    "advice-line": lambda: _("Is the advice line open now?"),
    "directory": lambda: _("Directory of help: who else can help"),
    "protection-finder": lambda: _("Which court protection could help me?"),
    "process-stage": lambda: _("Where am I in the children's services process?"),
}


@register.simple_tag
def tool_link(name: str) -> SafeString:
    return format_html('<a href="{}">{}</a>', reverse(name), TOOL_LINKS[name]())


@register.filter
def inline_markdown(text: str) -> SafeString:
    """Bold and links in a rules file's text, cleaned as advice answers are; no paragraph wrapper."""
    html = markdown_to_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return mark_safe(html)  # noqa: S308 - markdown_to_html cleans with nh3 to a short allow-list


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
