"""harbour export-vectors: ship the vectors of the published advice with the repository."""

from django.core.management.base import BaseCommand

from harbour.answering.services import shipped_vectors_export


class Command(BaseCommand):
    help = ("Embed any published question not yet embedded and write every vector the content "
            "uses to harbour/answering/vector_cache/, so a new installation need not embed them.")

    def handle(self, *args, **options):
        count, path = shipped_vectors_export()
        self.stdout.write(f"wrote {count} vectors to {path}")
