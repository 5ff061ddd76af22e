"""harbour worker: run the task queue's worker, which sends replies and confirmations by email."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Send email: run the task queue's worker (huey). First puts back on the queue any "
            "reply whose attempt was lost with a stopped worker.")

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None,
                            help="threads sending at once (default: the HUEY setting's, 2)")

    def handle(self, *args, **options):
        from harbour.enquiries.tasks import replies_requeue_lost

        requeued = replies_requeue_lost()
        if requeued:
            self.stdout.write(f"{requeued} waiting replies put back on the queue.")
        self.stdout.flush()
        extra = {"workers": options["workers"]} if options["workers"] else {}
        call_command("run_huey", **extra)
