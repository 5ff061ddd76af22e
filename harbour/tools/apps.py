from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "harbour.tools"
    label = "tools"
    verbose_name = "Guided tools"

    def ready(self) -> None:
        from harbour.tools.guided import guided_tools_check

        # A rules file with a broken branch or an unknown topic stops start-up, not a reader.
        guided_tools_check()
