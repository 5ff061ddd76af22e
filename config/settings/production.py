"""Production: behind TLS, several processes, PostgreSQL and Redis. Refuses unsafe settings."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_list
from config.settings.base import *  # noqa: F403
from config.settings.base import HARBOUR_ENCRYPTION_KEYS, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("SECRET_KEY must be at least 40 characters in production.")
if env_bool("HARBOUR_DEBUG", False) or env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
DEBUG = False
# A reply must leave the machine, or fail and be retried: never the embedded default's file outbox.
# SMTP on EMAIL_HOST (a local mail server on localhost:25 unless set).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
if not HARBOUR_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("HARBOUR_ENCRYPTION_KEYS must be set in production (see docs/decisions/0015).")
for _key in HARBOUR_ENCRYPTION_KEYS:
    try:
        Fernet(_key.encode())
    except ValueError as _error:
        raise ImproperlyConfigured(
            "HARBOUR_ENCRYPTION_KEYS holds a key that is not a Fernet key.") from _error

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("HARBOUR_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
