"""harbour setup: prepare the database (migrate, starter content, first admin)."""

from django.core.management.base import BaseCommand

from harbour.common.setup import ADMIN_USERNAME, database_prepare


class Command(BaseCommand):
    help = "Migrate, load the starter content when the database is empty, create a first admin."

    def handle(self, *args, **options):
        report = database_prepare(verbosity=max(0, options["verbosity"] - 1))
        if report.loaded_content:
            self.stdout.write("Loaded the starter advice.")
        if report.admin_created:
            if report.admin_password:
                self.stdout.write(f"Created the editor account '{ADMIN_USERNAME}' with the password "
                                  f"{report.admin_password}  (shown once: keep it safe).")
            else:
                self.stdout.write(f"Created the editor account '{ADMIN_USERNAME}' with the "
                                  "password in HARBOUR_ADMIN_PASSWORD.")
