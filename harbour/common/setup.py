"""Preparing a Harbour database: what `harbour serve`, `setup`, `answer` and `eval` do first."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from config.env import env_str
from harbour.answering.services import passage_vectors_refresh
from harbour.content.services import load_starter_content, starter_content_present
from harbour.directory.services import organisations_load

ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class SetupReport:
    loaded_content: bool
    admin_created: bool
    admin_password: str | None  # only when generated here, to print once


def database_prepare(*, with_admin: bool = True, verbosity: int = 0) -> SetupReport:
    """Migrate, load the starter content when there is none, create a first admin."""
    call_command("migrate", interactive=False, verbosity=verbosity)
    loaded = False
    if not starter_content_present():
        load_starter_content()
        loaded = True
    organisations_load()  # the starter directory of help; an editor's changes always win
    passage_vectors_refresh()  # only texts not yet embedded: quick when nothing changed
    created, password = (admin_ensure() if with_admin else (False, None))
    return SetupReport(loaded_content=loaded, admin_created=created, admin_password=password)


@transaction.atomic
def admin_ensure() -> tuple[bool, str | None]:
    """A first administrator when there is none, from HARBOUR_ADMIN_PASSWORD or generated."""
    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return False, None
    given = env_str("HARBOUR_ADMIN_PASSWORD")
    password = given or secrets.token_urlsafe(15)
    users.objects.create_superuser(username=ADMIN_USERNAME, email="", password=password)
    return True, (None if given else password)
