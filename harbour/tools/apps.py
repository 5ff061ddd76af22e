from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "harbour.tools"
    label = "tools"
    verbose_name = "Guided tools"
