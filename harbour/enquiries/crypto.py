"""Field-level encryption for what a person sends us: Fernet tokens under keys from the environment.

`HARBOUR_ENCRYPTION_KEYS` lists Fernet keys, newest first. New values are encrypted with the
first; every listed key can still decrypt, so a new key can be added in front, the stored values
re-encrypted with `harbour rotate-keys`, and the old key removed (docs/decisions/0015).
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

__all__ = ["EncryptedTextField", "InvalidToken", "decrypt", "encrypt", "new_key", "rotate"]


def new_key() -> str:
    return Fernet.generate_key().decode()


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("HARBOUR_ENCRYPTION_KEYS must list at least one key.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured("HARBOUR_ENCRYPTION_KEYS holds a key that is not a Fernet key.") from error


def _current() -> MultiFernet:
    return _fernet(tuple(settings.HARBOUR_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return _current().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return _current().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same value, encrypted again under the newest key."""
    return _current().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; read back as plain text. It cannot be searched or filtered on."""

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)
