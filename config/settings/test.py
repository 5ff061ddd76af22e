"""Tests: fast hashing, in-memory cache, the database from DATABASE_URL or SQLite."""

from config.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret-" + "x" * 40  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = DATA_DIR / "static-test"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = True
HARBOUR_CONTENT_RECHECK_SECONDS = 0.0
HARBOUR_RATE_LIMIT = "1000/m"
# A fixed key for tests only (a real one comes from HARBOUR_ENCRYPTION_KEYS or the data folder).
HARBOUR_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyYnl0ZXM="]
# Tasks run at once, in the test's own process (the worker's own test starts a real one).
HUEY = {"huey_class": "huey.MemoryHuey", "name": "harbour-test", "immediate": True, "results": False}
