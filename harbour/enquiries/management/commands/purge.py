"""harbour purge: delete closed enquiries older than the retention period."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from harbour.enquiries.retention import enquiries_purge


class Command(BaseCommand):
    help = ("Delete closed enquiries (with their replies, notes and calls) closed more than "
            "HARBOUR_RETENTION_DAYS days ago. Run it daily.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say how many, delete nothing")

    def handle(self, *args, **options):
        count = enquiries_purge(dry_run=options["dry_run"])
        days = settings.HARBOUR_RETENTION_DAYS
        if options["dry_run"]:
            self.stdout.write(f"{count} closed enquiries are older than {days} days and would be deleted.")
        else:
            self.stdout.write(f"{count} closed enquiries older than {days} days deleted.")
