"""Settings shared by every environment; each integration is switched on by an environment variable."""

from __future__ import annotations

import dj_database_url

from config.env import REPO_DIR, data_dir, env_bool, env_list, env_str

DATA_DIR = data_dir()
DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "harbour.common",
    "harbour.content",
    "harbour.answering",
    "harbour.safety",
    "harbour.tools",
    "harbour.directory",
    "harbour.enquiries",
    "huey.contrib.djhuey",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "harbour.safety.middleware.privacy_headers",
    "django.middleware.gzip.GZipMiddleware",
    "harbour.common.page_cache.anonymous_page_cache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [REPO_DIR / "harbour" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "harbour.common.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'harbour.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server processes share one SQLite file: wait for a lock rather than fail,
    # and use the write-ahead log so readers never block the writer.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "harbour",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes counts failed sign-ins (advisers' and the Wagtail admin's) and locks the account.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
LOCALE_PATHS = [REPO_DIR / "harbour" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# Privacy: nobody anonymous gets a cookie; signed-in staff get strict ones.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy on every public page. The Wagtail admin uses inline
# scripts and styles of its own, so it is left out (signed-in editors only).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}

# Logging: never the query string, the body or the client's address.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "harbour.safety.logging.DropPersonalData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_personal_data"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # The email worker: task names and ids only (a task's arguments are ids, never text).
        "huey": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
ADMINS: list[tuple[str, str]] = []

# Wagtail
WAGTAIL_SITE_NAME = "Harbour"
WAGTAILADMIN_BASE_URL = env_str("HARBOUR_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h3", "bold", "italic", "ol", "ul", "link"]},
    }
}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_FINDERS: list[dict[str, str]] = []  # no calls to oEmbed providers

# Harbour
HARBOUR_EXIT_URL = env_str("HARBOUR_EXIT_URL", "https://www.bbc.co.uk/weather")
HARBOUR_DONATE_URL = env_str("HARBOUR_DONATE_URL", "/donate/")
# The advice line (from the seed pages). Hours are configuration: the open-now status reads them.
HARBOUR_ADVICE_LINE = {
    "number": "0808 801 0366",
    "hours": "Monday to Friday, 9.30am to 3pm, closed on bank holidays",
    "weekdays": (0, 1, 2, 3, 4),
    "opens": "09:30",
    "closes": "15:00",
    "closed_on_bank_holidays": True,
}
# Shown in the emergency block. Each number names the public source it was checked against.
HARBOUR_EMERGENCY = {
    "police": "999",
    "silent_solution": "55",  # Independent Office for Police Conduct, "Silent Solution" guidance
    "helpline_name": "National Domestic Abuse Helpline",
    "helpline_number": "0808 2000 247",  # Refuge, which runs it: refuge.org.uk (checked 2026-11-25)
}
HARBOUR_RATE_LIMIT = env_str("HARBOUR_RATE_LIMIT", "30/m")
# How often each process asks whether the advice changed (page cache, search and webchat index).
HARBOUR_CONTENT_RECHECK_SECONDS = 2.0

# Enquiries. Fernet keys, newest first (docs/decisions/0015): what a person sends is encrypted
# with the first and any listed key can read it. The embedded default makes one in the data folder.
HARBOUR_ENCRYPTION_KEYS = env_list("HARBOUR_ENCRYPTION_KEYS", [])
# Closed enquiries are deleted this many days after closing (`harbour purge`).
HARBOUR_RETENTION_DAYS = int(env_str("HARBOUR_RETENTION_DAYS", "365"))
# Enquiries and call-back requests one client may send an hour (counted without keeping who).
HARBOUR_ENQUIRY_RATE_LIMIT = env_str("HARBOUR_ENQUIRY_RATE_LIMIT", "10/h")
# The times a person can choose for a call back: slots inside the advice line's hours.
HARBOUR_CALL_SLOTS = [
    {"id": "early", "from": "09:30", "to": "11:00"},
    {"id": "middle", "from": "11:00", "to": "13:00"},
    {"id": "late", "from": "13:00", "to": "15:00"},
]

# Advisers' sign-in (docs/decisions/0017). A second factor from an authenticator app (TOTP).
OTP_LOGIN_URL = "/advisers/sign-in/"
OTP_TOTP_ISSUER = "Harbour"
# Lockout: five failed sign-ins (a wrong password or a wrong code) lock that account for an
# hour, whoever tries. Counted by username only, so nothing about the client is needed: the
# client's address is not read or kept, successful sign-ins are not logged by axes, and its log
# lines name no one. Axes still keeps the browser's user-agent string with a failed attempt.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the client's address as well, to slow one client trying many usernames.
# Harbour does not keep staff addresses; every account also needs its authenticator code.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "harbour.safety.lockout.client_address_not_kept"
AXES_CLIENT_STR_CALLABLE = "harbour.safety.lockout.client_described"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token", "code"]
AXES_LOCKOUT_TEMPLATE = "enquiries/advisers/locked_out.html"
# Absolute links in replies to the advice passages.
HARBOUR_SITE_URL = WAGTAILADMIN_BASE_URL  # from HARBOUR_BASE_URL

# Email: replies and confirmations go through a task queue (docs/decisions/0016). The embedded
# default sends nothing off the machine: messages are written to the data folder's outbox. Set
# EMAIL_HOST (and the rest) to send through an SMTP server.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if env_str("EMAIL_HOST")
                 else "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "outbox"
EMAIL_TIMEOUT = 20  # seconds; an attempt that takes longer fails and is retried
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Harbour <no-reply@localhost>")
# A reply still waiting this long after its last attempt (a worker killed mid-send, a task that
# never reached the queue) is put back on the queue by the worker's start and its minute sweep.
HARBOUR_EMAIL_RESEND_AFTER_SECONDS = 300

# The task queue: huey, in a SQLite file in the data folder, or on Redis when REDIS_URL is set.
# `harbour serve` starts its worker; at scale run `harbour worker` beside the web processes.
HUEY = {
    "huey_class": "huey.RedisHuey" if REDIS_URL else "huey.SqliteHuey",
    "name": "harbour",
    "immediate": False,
    "results": False,
    "utc": True,
    "connection": {"url": REDIS_URL} if REDIS_URL else {"filename": str(DATA_DIR / "tasks.sqlite3")},
    "consumer": {"workers": 2, "worker_type": "thread"},
}
