"""Reading configuration from environment variables, with the embedded defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

REPO_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def data_dir() -> Path:
    """The folder that holds the embedded database, generated secrets and collected static."""
    path = Path(os.environ.get("HARBOUR_DATA_DIR", REPO_DIR / "data")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def generated_secret_key(folder: Path) -> str:
    """A secret key kept in the data folder, made once, readable only by its owner."""
    key_file = folder / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


def generated_encryption_key(folder: Path) -> str:
    """A Fernet key kept in the data folder for the embedded default, made once, owner-only.
    Production takes its keys from HARBOUR_ENCRYPTION_KEYS instead."""
    key_file = folder / "encryption_key"
    if not key_file.exists():
        from cryptography.fernet import Fernet

        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode())
    return key_file.read_text().strip()
