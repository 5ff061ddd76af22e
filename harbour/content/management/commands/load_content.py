"""harbour load-content: load the starter knowledge base from content/ into the CMS."""

from pathlib import Path

from django.core.management.base import BaseCommand

from harbour.content.services import load_starter_content
from harbour.content.starter import CONTENT_DIR


class Command(BaseCommand):
    help = ("Load the starter advice (content/*.md) as published pages. Running it twice changes "
            "nothing; pages an editor has changed are kept unless --force is given.")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="overwrite pages even where an editor has changed them")
        parser.add_argument("--dir", type=Path, default=CONTENT_DIR,
                            help="the folder of content files (default: content/)")

    def handle(self, *args, **options):
        report = load_starter_content(directory=options["dir"], force=options["force"])
        for label, groups in (("created", report.created), ("updated", report.updated),
                              ("unchanged", report.unchanged)):
            if groups:
                self.stdout.write(f"{label}: {', '.join(groups)}")
        if report.kept_editor_changes:
            self.stdout.write(self.style.WARNING(
                "kept an editor's changes (use --force to overwrite): "
                + ", ".join(report.kept_editor_changes)))
