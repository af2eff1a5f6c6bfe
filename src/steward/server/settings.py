"""Django settings. SQLite in a data folder by default; PostgreSQL when ``DATABASE_URL`` is set.

Environment:
  STEWARD_DATA_DIR   folder for the SQLite database and the secret key (default ``./data``)
  DATABASE_URL       e.g. ``postgres://postgres@127.0.0.1:5432/steward`` (uses psycopg 3)
  STEWARD_SECRET_KEY overrides the key generated into the data folder on first run
  STEWARD_DEBUG      "1" for Django's debug pages (never in production)
  STEWARD_ALLOWED_HOSTS comma-separated (default: 127.0.0.1,localhost)
"""

from __future__ import annotations

import os
import secrets
import sys
import warnings
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("STEWARD_DATA_DIR", "data")).resolve()


def _secret_key() -> str:
    if key := os.environ.get("STEWARD_SECRET_KEY"):
        return key
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret.key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("STEWARD_DEBUG") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("STEWARD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
TESTING = "pytest" in sys.modules or os.environ.get("STEWARD_TESTING") == "1"
if TESTING:
    ALLOWED_HOSTS.append("testserver")
    # Test users are made by the dozen; the production hasher (deliberately slow) would dominate the suite.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "steward.server.accounts",
    "steward.server.audit",
    "steward.server.governance",
    "steward.server.inbox",
    "steward.server.outbound",
    "steward.server.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (the NHS.UK frontend build and Steward's own CSS/JS) served by the app itself, from the finders.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "steward.server.urls"
WSGI_APPLICATION = "steward.server.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "steward.server.web.jinja.environment",
            "autoescape": True,
            "context_processors": ["steward.server.web.context.page"],
        },
    },
    {
        # Django's own templates (none of Steward's pages use them; kept for the error pages of contrib apps).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "steward.sqlite3",
        # WAL lets the web process read while the worker writes; IMMEDIATE avoids lock upgrades mid-transaction.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "assess"],
    }
}

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/sign-in/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/sign-in/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"] if (PACKAGE_DIR / "static").is_dir() else []
# WhiteNoise serves straight from the finders, so no collectstatic step is needed for `make demo`
# (and it need not warn that STATIC_ROOT, used only by an optional collectstatic, does not exist yet).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
warnings.filterwarnings("ignore", message="No directory at")

# Content-Security-Policy (django-csp): nothing inline except the NHS.UK template's one nonce'd script, nothing
# from another host. Comment text is escaped on every page; this is the second wall if an escape is ever missed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    },
    # The API's interactive docs page loads its own scripts; the API itself returns JSON.
    "EXCLUDE_URL_PREFIXES": ["/api/docs"],
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Safeguarding pages go out by e-mail through Django's mail backend (console by default; SMTP in production).
EMAIL_BACKEND = os.environ.get("STEWARD_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("STEWARD_FROM_EMAIL", "steward@localhost")
# Used by the file-based backend (`make demo` writes the safeguarding pages there instead of the console).
EMAIL_FILE_PATH = DATA_DIR / "outbox"

# Steward's own settings.
STEWARD_INBOUND_PACK = os.environ.get("STEWARD_INBOUND_PACK", "surrey-heartlands-aus")
STEWARD_OUTBOUND_PACK = os.environ.get("STEWARD_OUTBOUND_PACK", "bradford-craven-smp")
# An item whose assessment fails this many times is marked poison and sent to review with the error.
STEWARD_MAX_ATTEMPTS = int(os.environ.get("STEWARD_MAX_ATTEMPTS", "3"))
# Items per background assessment task.
STEWARD_ASSESS_BATCH = int(os.environ.get("STEWARD_ASSESS_BATCH", "200"))
# Largest request body the API accepts (bytes) and most records per ingest call.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
STEWARD_MAX_BATCH = 5000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STEWARD_LOG_LEVEL", "WARNING")},
}
