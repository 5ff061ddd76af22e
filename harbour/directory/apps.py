from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "harbour.directory"
    label = "directory"
    verbose_name = "Directory of help"
