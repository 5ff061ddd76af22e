"""Re-encrypting every encrypted field under the newest key in HARBOUR_ENCRYPTION_KEYS.

Found generically: every model's EncryptedTextField, so a new encrypted field is rotated without
changing this module. Rows are read as the stored tokens, never as plain text, and written a batch
to a transaction. Running it twice changes nothing that matters; a value that no listed key can
read stops it with the model, field and row id (never the value) (docs/decisions/0015).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from harbour.enquiries.crypto import EncryptedTextField, InvalidToken, rotate

BATCH = 500


class UnreadableValue(Exception):  # noqa: N818
    """A stored value none of the listed keys can decrypt: a key is missing from the list."""


@dataclass(frozen=True)
class Rotated:
    model: str
    rows: int
    values: int


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def keys_rotate(*, batch: int = BATCH) -> list[Rotated]:
    return [_model_rotate(model, names, batch=batch) for model, names in encrypted_fields()]


def _model_rotate(model: type[models.Model], names: list[str], *, batch: int) -> Rotated:
    # Cast to a plain TextField: the stored token, not the field's decrypted value.
    raw = {f"token_{name}": Cast(name, output_field=models.TextField()) for name in names}
    last_pk, rows, values = None, 0, 0
    while True:
        with transaction.atomic():
            chunk = model._default_manager.order_by("pk").annotate(**raw)
            if last_pk is not None:
                chunk = chunk.filter(pk__gt=last_pk)
            chunk_rows = list(chunk.values_list("pk", *raw)[:batch])
            for pk, *tokens in chunk_rows:
                changes = {}
                for name, token in zip(names, tokens, strict=True):
                    if token:
                        changes[name] = models.Value(_rotated(token, model, name, pk),
                                                     output_field=models.TextField())
                if changes:  # a Value with a plain TextField is written as it is, not encrypted again
                    model._default_manager.filter(pk=pk).update(**changes)
                    values += len(changes)
        if not chunk_rows:
            return Rotated(model=model._meta.label, rows=rows, values=values)
        rows += len(chunk_rows)
        last_pk = chunk_rows[-1][0]


def _rotated(token: str, model: type[models.Model], name: str, pk) -> str:
    try:
        return rotate(token)
    except InvalidToken:
        raise UnreadableValue(
            f"{model._meta.label}.{name} of row {pk} cannot be decrypted with any key in "
            "HARBOUR_ENCRYPTION_KEYS. Put back the key it was written with (after the new one) "
            "and run rotate-keys again.") from None
