"""Production settings refuse to start on unsafe configuration."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "HARBOUR_DEBUG",
                                                             "ALLOWED_HOSTS", "HARBOUR_ENCRYPTION_KEYS"}}
KEY = "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyYnl0ZXM="


def load_production(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("env", "message"), [
    ({}, "SECRET_KEY must be set"),
    ({"SECRET_KEY": "short"}, "at least 40"),
    ({"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "harbour.example", "HARBOUR_DEBUG": "1"},
     "DEBUG must be off"),
    ({"SECRET_KEY": "k" * 50}, "ALLOWED_HOSTS"),
    ({"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "harbour.example"}, "HARBOUR_ENCRYPTION_KEYS must be set"),
    ({"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "harbour.example", "HARBOUR_ENCRYPTION_KEYS": "not-a-key"},
     "not a Fernet key"),
])
def test_production_refuses_unsafe_settings(env, message):
    result = load_production(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_when_safe_with_secure_cookies_and_hsts():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings as s; "
         "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.DEBUG)"],
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.production",
             "SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "harbour.example", "HARBOUR_ENCRYPTION_KEYS": KEY},
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "63072000", "False"]
