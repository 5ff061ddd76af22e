from django.apps import AppConfig


class AnsweringConfig(AppConfig):
    name = "harbour.answering"
    label = "answering"
