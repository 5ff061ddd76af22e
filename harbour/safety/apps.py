from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "harbour.safety"
    label = "safety"
