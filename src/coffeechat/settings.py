"""The one settings module. Every value that varies comes from the environment
through the strict helpers in coffeechat.env; docs/CONFIGURATION.md lists them all."""

import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from coffeechat.env import env_bool, env_int, env_list, env_str, env_url
from coffeechat.proxy import parse_networks

PACKAGE_DIR = Path(__file__).resolve().parent

HOME = Path(env_str("COFFEECHAT_HOME") or platformdirs.user_data_dir("coffeechat")).expanduser()


def _secret_key() -> str:
    """Use COFFEECHAT_SECRET_KEY, else a key generated once and kept in HOME."""
    configured = env_str("COFFEECHAT_SECRET_KEY")
    if configured:
        return configured
    HOME.mkdir(parents=True, exist_ok=True)
    key_file = HOME / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("COFFEECHAT_DEBUG", False)
ALLOWED_HOSTS = env_list("COFFEECHAT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# The address people and calendar services reach this site at, for links that leave the
# browser (the calendar feed, emails). Unset, links are built from the request.
PUBLIC_URL = env_url("COFFEECHAT_PUBLIC_URL")
CSRF_TRUSTED_ORIGINS = env_list("COFFEECHAT_CSRF_TRUSTED_ORIGINS")
# `coffeechat serve` listens here unless --port is given.
SERVE_PORT = env_int("PORT", 8000, minimum=1)
SECURE_COOKIES = env_bool("COFFEECHAT_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_NAME = "coffeechat_session"
CSRF_COOKIE_NAME = "coffeechat_csrftoken"
# Behind a TLS reverse proxy (see coffeechat/proxy.py and docs/DEPLOY.md).
TRUSTED_PROXIES = env_list("COFFEECHAT_TRUSTED_PROXIES")
parse_networks("COFFEECHAT_TRUSTED_PROXIES", TRUSTED_PROXIES)  # a bad address stops start-up
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("COFFEECHAT_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("COFFEECHAT_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("COFFEECHAT_HSTS_PRELOAD", False)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "template_partials",
    "django_htmx",
    "csp",
    "axes",
    "coffeechat.accounts",
    "coffeechat.submissions",
    "coffeechat.contacts",
    "coffeechat.outreach",
    "coffeechat.interviews",
    "coffeechat.conversations",
    "coffeechat.agenda",
    "coffeechat.community",
    "coffeechat.notifications",
    "coffeechat.chats",
    "coffeechat.exports",
    "coffeechat.server",
]

MIDDLEWARE = [
    # Before everything that reads the client's address or the request's scheme.
    "coffeechat.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Nothing is served to an anonymous request unless its view opts out.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "coffeechat.accounts.middleware.UserTimezoneMiddleware",
    "coffeechat.accounts.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coffeechat.community.context.network",
                "coffeechat.notifications.context.unread",
            ],
        },
    },
]

FORM_RENDERER = "coffeechat.forms.FormRenderer"

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    HOME.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": HOME / "coffeechat.sqlite3",
            # Tests use a file too, not Django's shared in-memory database, whose table
            # locks make two connections fail at once instead of queueing: races are
            # tested with real threads, as the server runs them. One file per process, so
            # test runs side by side (xdist workers, two checkouts) never share one.
            "TEST": {
                "NAME": str(Path(tempfile.gettempdir()) / f"coffeechat-test-{os.getpid()}.sqlite3")
            },
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue on
                # busy_timeout instead of failing with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 5,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=5000;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The task queue (coffeechat/queue.py): Procrastinate keeps its jobs in PostgreSQL, so it
# is installed only there; on SQLite (one person on a laptop) every task runs in process.
# With PostgreSQL but no `coffeechat worker` running, COFFEECHAT_TASKS_IN_PROCESS=on runs
# them in process too (mail is then sent while the page waits).
QUEUE_AVAILABLE = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
TASKS_IN_PROCESS = env_bool("COFFEECHAT_TASKS_IN_PROCESS", not QUEUE_AVAILABLE)
if not QUEUE_AVAILABLE and not TASKS_IN_PROCESS:
    raise ImproperlyConfigured(
        "COFFEECHAT_TASKS_IN_PROCESS=off needs PostgreSQL (DATABASE_URL): the task queue "
        "keeps its jobs there. On SQLite tasks always run in process."
    )
if QUEUE_AVAILABLE:
    _first_own_app = INSTALLED_APPS.index("coffeechat.accounts")
    INSTALLED_APPS.insert(_first_own_app, "procrastinate.contrib.django")
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "tasks"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("COFFEECHAT_LOGIN_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "coffeechat.accounts.passwords.UsernameInPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only needed for `collectstatic` behind a separate web server; coffeechat serves its own.
STATIC_ROOT = env_str("COFFEECHAT_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the package so `coffeechat serve` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: a 30,000-row LinkedIn export is about 3 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
IMPORT_MAX_BYTES = env_int("COFFEECHAT_IMPORT_MAX_BYTES", 20 * 1024 * 1024, minimum=1024)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Email: optional. With COFFEECHAT_SMTP_HOST set, outreach messages can be sent from
# coffeechat itself; without it, students send from their own mail app.
EMAIL_HOST = env_str("COFFEECHAT_SMTP_HOST")
EMAIL_USE_SSL = env_bool("COFFEECHAT_SMTP_SSL", False)
EMAIL_USE_TLS = env_bool("COFFEECHAT_SMTP_STARTTLS", not EMAIL_USE_SSL)
if EMAIL_USE_SSL and EMAIL_USE_TLS:
    raise ImproperlyConfigured(
        "COFFEECHAT_SMTP_SSL and COFFEECHAT_SMTP_STARTTLS are both on; use one: SSL for "
        "port 465, STARTTLS for port 587."
    )
EMAIL_PORT = env_int("COFFEECHAT_SMTP_PORT", 465 if EMAIL_USE_SSL else 587, minimum=1)
EMAIL_HOST_USER = env_str("COFFEECHAT_SMTP_USER")
EMAIL_HOST_PASSWORD = env_str("COFFEECHAT_SMTP_PASSWORD")
EMAIL_TIMEOUT = 20
OUTREACH_FROM_EMAIL = env_str("COFFEECHAT_FROM_EMAIL").strip()
if EMAIL_HOST and "@" not in OUTREACH_FROM_EMAIL:
    raise ImproperlyConfigured(
        "COFFEECHAT_SMTP_HOST is set, so COFFEECHAT_FROM_EMAIL must be too: the address "
        "your messages come from, e.g. you@example.edu."
    )
if OUTREACH_FROM_EMAIL:
    DEFAULT_FROM_EMAIL = OUTREACH_FROM_EMAIL

# Career-office mode: one coffeechat as a school's network of students, volunteers and
# advisers (docs/CAREER-OFFICE.md). Off, coffeechat is one person's laptop tool.
NETWORK = env_bool("COFFEECHAT_NETWORK", False)
# Limits that protect volunteers (docs/CAREER-OFFICE.md): requests a student may have
# waiting for an answer at once. A volunteer's own monthly number is on their profile.
NETWORK_OPEN_REQUESTS = env_int("COFFEECHAT_NETWORK_OPEN_REQUESTS", 3, minimum=1)
# Days a conversation the student missed (their volunteer said they didn't come) takes
# one of those places; 0: a missed conversation never limits anyone.
NETWORK_NO_SHOW_DAYS = env_int("COFFEECHAT_NETWORK_NO_SHOW_DAYS", 30, minimum=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("COFFEECHAT_LOG_LEVEL", "WARNING")},
}
