from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "harbour.common"
    label = "common"
