"""Settings for the `harbour worker` that the email queue's test kills mid-send: the embedded
default (SQLite queue in the data folder), with an email backend that hangs on its first send."""

from config.settings.local import *  # noqa: F403

EMAIL_BACKEND = "harbour.enquiries.tests.email_backends.HangingFirstSendBackend"
