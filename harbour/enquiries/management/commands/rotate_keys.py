"""harbour rotate-keys: re-encrypt every encrypted field under the newest key."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from harbour.enquiries.key_rotation import UnreadableValue, keys_rotate


class Command(BaseCommand):
    help = ("Re-encrypt every stored enquiry, reply, note and call under the first key in "
            "HARBOUR_ENCRYPTION_KEYS. Add the new key first, run this, then remove the old key "
            "(docs/decisions/0015).")

    def handle(self, *args, **options):
        try:
            results = keys_rotate()
        except UnreadableValue as error:
            raise CommandError(str(error)) from None
        for result in results:
            self.stdout.write(f"{result.model}: {result.values} values in {result.rows} rows re-encrypted.")
        self.stdout.write(self.style.SUCCESS("Every encrypted value is now under the newest key."))
