"""The starter directory, organisations.yaml: read, and checked as the model checks an editor's form."""

from __future__ import annotations

from pathlib import Path

import yaml

SEED_FILE = Path(__file__).with_name("organisations.yaml")
SEEDED_FIELDS = ("name", "summary", "helps_with", "phone", "phone_checked", "web_address", "hours",
                 "open_days", "opens", "closes", "closed_on_bank_holidays", "source",
                 "last_checked", "order")


class SeedFileError(ValueError):
    pass


def seed_entries(path: Path = SEED_FILE) -> list[dict]:
    """Each entry as a key and the organisation's fields; unknown or missing keys are refused."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = raw.get("organisations") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise SeedFileError(f"{path.name}: expected a list under 'organisations'")
    keys: set[str] = set()
    for entry in entries:
        key = entry.get("key")
        if not key or key in keys:
            raise SeedFileError(f"{path.name}: missing or repeated key {key!r}")
        keys.add(key)
        unknown = set(entry) - {"key", *SEEDED_FIELDS}
        if unknown:
            raise SeedFileError(f"{path.name}: {key}: unknown fields {sorted(unknown)}")
        for required in ("name", "summary", "source", "last_checked"):
            if not entry.get(required):
                raise SeedFileError(f"{path.name}: {key}: '{required}' is required")
    return entries
