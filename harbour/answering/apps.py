from django.apps import AppConfig


class AnsweringConfig(AppConfig):
    name = "harbour.answering"
    label = "answering"
    verbose_name = "Search and webchat"

    def ready(self) -> None:
        from wagtail.signals import page_published

        page_published.connect(_embed_published_advice, dispatch_uid="answering-vectors")


def _embed_published_advice(sender, instance, **kwargs) -> None:
    from harbour.answering.services import passage_vectors_refresh
    from harbour.content.models import AdvicePage

    if isinstance(instance.specific, AdvicePage):
        passage_vectors_refresh(group=instance.specific.group)
