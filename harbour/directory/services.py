"""Writes to the directory: loading the starter organisations from organisations.yaml."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from django.db import transaction

from harbour.common.load_report import LoadReport
from harbour.directory.models import Organisation, OrganisationSeedRecord
from harbour.directory.seed import SEED_FILE, SEEDED_FIELDS, seed_entries


@transaction.atomic
def organisations_load(*, path: Path = SEED_FILE) -> LoadReport:
    """Add the starter organisations; idempotent, and an editor's work always wins.

    An entry is added once. It is updated when the file changes only while nobody has edited
    the organisation since the last load; one an editor deleted is not added again.
    """
    report = LoadReport()
    for entry in seed_entries(path):
        key = entry["key"]
        wanted = Organisation(**{name: entry[name] for name in SEEDED_FIELDS if name in entry})
        wanted.full_clean()  # the same checks as the admin form: a bad entry stops the load
        record = OrganisationSeedRecord.objects.filter(key=key).select_related("organisation").first()
        if record is None:
            wanted.save()
            OrganisationSeedRecord.objects.create(key=key, organisation=wanted,
                                                  fingerprint=_fingerprint(wanted))
            report.created.append(key)
        elif record.organisation is None or _fingerprint(record.organisation) != record.fingerprint:
            report.kept_editor_changes.append(key)
        elif _fingerprint(wanted) == record.fingerprint:
            report.unchanged.append(key)
        else:
            wanted.pk = record.organisation.pk
            wanted.save()
            record.fingerprint = _fingerprint(wanted)
            record.save(update_fields=["fingerprint"])
            report.updated.append(key)
    return report


def _fingerprint(organisation: Organisation) -> str:
    values = {name: Organisation._meta.get_field(name).value_to_string(organisation)
              for name in SEEDED_FIELDS}
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()
