"""Settings for the 《开发区建设》 editorial platform.

One file, configured from the environment. The defaults suit a laptop (SQLite in the
project folder, debug off unless KFQ_DEBUG says otherwise); production sets KFQ_SECRET_KEY
(required whenever debug is off), KFQ_ALLOWED_HOSTS, DATABASE_URL and KFQ_HTTPS=true, and
`manage.py check --deploy` is clean. The test suite runs with tests/settings.py.
"""

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """Parse a boolean explicitly: a typo such as KFQ_DEBUG=flase must not mean 'on'."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("KFQ_DEBUG", default=False)


def _kept_secret_key(path: Path) -> str:
    """The debug server's key: generated once, kept in the ignored var/ (mode 0600), so that
    logins survive `make run` restarts and runserver's reloader shares one key."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w") as file:
            file.write(get_random_secret_key())
        try:
            # link() refuses an existing file: of two processes starting at once, one key wins.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    key = path.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"密钥文件 {path} 是空的：删除它，重新启动即会生成新的密钥。")
    return key


def _secret_key() -> str:
    key = os.environ.get("KFQ_SECRET_KEY", "").strip()
    if key:
        return key
    if not DEBUG:
        # A random key per process would sign each gunicorn worker's sessions differently:
        # logged-in users bounce to the login page at random. Refuse to start instead.
        raise ImproperlyConfigured(
            "未设置环境变量 KFQ_SECRET_KEY：正式运行（KFQ_DEBUG 未开启）时必须提供一个固定的"
            '长随机密钥，例如用 python -c "import secrets; print(secrets.token_urlsafe(50))" '
            "生成后写入 KFQ_SECRET_KEY。"
        )
    return _kept_secret_key(
        Path(os.environ.get("KFQ_SECRET_KEY_FILE", BASE_DIR / "var" / "secret_key"))
    )


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("KFQ_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("KFQ_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # for the templates of /sitemap.xml
    "django_filters",
    # The newsroom's apps, lowest layer first: each imports only apps above it in this list.
    "zones",
    "articles",
    "search",
    "axes",
    "logins",
    "editorial",  # after axes: its admin replaces axes' admin for failed logins
    "importer",
    "indicators",
    "portal",
    "reader",
    "awards",
    "reports",
    "mailroom",
    "backups",
]

MIDDLEWARE = [
    # First, so that everything after it, axes included, sees the client's own address.
    "kfq_site.proxy.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names and far-future cache headers, the admin's too, straight
    # from gunicorn (`make serve`); behind deploy/nginx.conf nginx serves them itself.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside every middleware that answers on its own (axes' lockout, the 400 page): those
    # pages get the policy too.
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A login with a password someone else chose goes to the password change page first.
    "logins.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After auth and messages: its 400 page is rendered with the site's header.
    "kfq_site.middleware.RefuseNulMiddleware",
    # Last, as axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kfq_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "kfq_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("KFQ_DB_CONN_MAX_AGE", "0")),
    )
}
# SQLite serves several gunicorn workers at once. Django's transactions begin DEFERRED: they
# read, then ask for the write lock, and a writer that meanwhile committed makes them fail at
# once with "database is locked" (the busy timeout cannot help a reader that must upgrade).
# IMMEDIATE takes the write lock at BEGIN, so writers queue for up to `timeout` seconds; WAL
# lets readers go on while one writes, and synchronous=NORMAL is the safe setting under WAL.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),  # options given in DATABASE_URL win
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes, logins/): after KFQ_LOGIN_FAILURE_LIMIT failed logins of one
# account from one address, that pair is refused for KFQ_LOGIN_COOLOFF_MINUTES, the right
# password included, on /accounts/login/ and /admin/login/ alike. Editors unlock in the admin.
# The address is axes' default, REMOTE_ADDR: behind a reverse proxy every client would share
# the proxy's address, so the proxy passes the client's address on (never trust X-Forwarded-For
# from the client): deploy/nginx.conf sets X-Real-IP to the address nginx saw, overwriting any
# the client sent, and with KFQ_TRUST_X_REAL_IP=true kfq_site/proxy.py puts it in REMOTE_ADDR.
# Only safe while nothing but nginx can reach gunicorn (it listens on loopback).
KFQ_TRUST_X_REAL_IP = env_bool("KFQ_TRUST_X_REAL_IP", default=False)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
KFQ_LOGIN_COOLOFF_MINUTES = int(os.environ.get("KFQ_LOGIN_COOLOFF_MINUTES", "15"))
AXES_FAILURE_LIMIT = int(os.environ.get("KFQ_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=KFQ_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "logins.lockout.locked_out"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "logins.validators.MinimumLengthValidator"},  # Django's, with a Chinese message
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese only, whatever the browser asks for (no LocaleMiddleware): the site, the admin and
# Django's own messages.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("KFQ_STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("KFQ_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic writes each file under a content-hashed name, plus its gzip: a changed file
    # gets a new name, so browsers may keep every name forever. Needs collectstatic first
    # (`make serve` runs it); tests and the benchmark use the plain storage.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Behind nginx (deploy/nginx.conf) Django only decides who may see an uploaded photo and
# answers with X-Accel-Redirect to this internal location; nginx sends the bytes. Empty (the
# default, for `make serve` without nginx, `make run` and the tests): Django sends them itself.
KFQ_MEDIA_ACCEL_REDIRECT = os.environ.get("KFQ_MEDIA_ACCEL_REDIRECT", "")

# Several servers share photos through one folder (KFQ_MEDIA_ROOT on NFS), or, with
# KFQ_S3_BUCKET, through a private bucket of an S3-compatible object store (README 多台服务器).
# The bucket is never public: a draft's photo must not reach readers, so every file still goes
# through editorial/media.py's access check, and Django streams it from the bucket.
KFQ_S3_BUCKET = os.environ.get("KFQ_S3_BUCKET", "")
if KFQ_S3_BUCKET:
    if KFQ_MEDIA_ACCEL_REDIRECT:
        raise ImproperlyConfigured(
            "KFQ_MEDIA_ACCEL_REDIRECT 只能用于本机或共享文件夹中的照片；"
            "照片存放在对象存储（KFQ_S3_BUCKET）时请不要设置它。"
        )
    STORAGES["default"] = {
        "BACKEND": "articles.storage.PrivateBucketStorage",
        "OPTIONS": {
            "bucket_name": KFQ_S3_BUCKET,
            # Empty: Amazon S3 itself; otherwise the address of MinIO, Aliyun OSS, Tencent COS ...
            "endpoint_url": os.environ.get("KFQ_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("KFQ_S3_REGION") or None,
            "access_key": os.environ.get("KFQ_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("KFQ_S3_SECRET_KEY") or None,
            "location": os.environ.get("KFQ_S3_PREFIX", ""),
            "addressing_style": os.environ.get("KFQ_S3_ADDRESSING_STYLE") or None,
            # Objects stay private to the bucket owner, whatever the bucket's default.
            "default_acl": "private",
            "querystring_auth": True,
            # Two uploads of "photo.jpg" get two names, as on the file system.
            "file_overwrite": False,
        },
    }

# Mail: every message goes to the outbox table (editorial/outbox.py) inside the request's
# transaction; `python manage.py send_mail --loop` delivers it through
# KFQ_MAIL_DELIVERY_BACKEND: SMTP when KFQ_EMAIL_HOST is set, else the console.
KFQ_SITE_URL = os.environ.get("KFQ_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("KFQ_FROM_EMAIL", "《开发区建设》编辑部 <noreply@localhost>")
EMAIL_BACKEND = "editorial.outbox.OutboxBackend"
if os.environ.get("KFQ_EMAIL_HOST"):
    KFQ_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["KFQ_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("KFQ_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("KFQ_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("KFQ_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("KFQ_EMAIL_TLS", default=True)
    # A mail server that accepts the connection and then hangs must not stall the worker.
    EMAIL_TIMEOUT = int(os.environ.get("KFQ_EMAIL_TIMEOUT", "30"))
else:
    KFQ_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The 投稿邮箱 (mailroom/): `python manage.py fetch_submissions` reads new mail over IMAP.
KFQ_IMAP_HOST = os.environ.get("KFQ_IMAP_HOST", "")
KFQ_IMAP_PORT = int(os.environ.get("KFQ_IMAP_PORT", "993"))
KFQ_IMAP_USER = os.environ.get("KFQ_IMAP_USER", "")
KFQ_IMAP_PASSWORD = os.environ.get("KFQ_IMAP_PASSWORD", "")
KFQ_IMAP_TLS = env_bool("KFQ_IMAP_TLS", default=True)
KFQ_IMAP_FOLDER = os.environ.get("KFQ_IMAP_FOLDER", "INBOX")
# A mail past this is refused politely, unread (its attachments are not kept).
KFQ_MAIL_MAX_BYTES = int(os.environ.get("KFQ_MAIL_MAX_BYTES", str(20 * 1024 * 1024)))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:my_submissions"
LOGOUT_REDIRECT_URL = "reader:home"

SEEDS_DIR = Path(os.environ.get("KFQ_SEEDS_DIR", BASE_DIR / "seeds"))

# The cache (reader pages, the archive version of articles/freshness.py) is shared by every
# process that serves the site, or a page published on one would stay stale on the others.
# Several servers share Redis (KFQ_CACHE_URL=redis://127.0.0.1:6379/0). One server's workers
# share a folder: `python -m bench.cache_choice` (N=2000 pages of 30 KB, SQLite with the site's
# options, 2 CPUs) measured get 67 µs from files against 298 µs from the database cache (4.5×),
# set 3.4 ms against 0.8 ms. Reads are what readers wait for, and a cached page read from the
# database would cost two queries and compete for SQLite's one writer; a page is set once per
# archive version (the file cache's set lists the folder to cull it). So: files, no table.
KFQ_CACHE_URL = os.environ.get("KFQ_CACHE_URL", "")
KFQ_CACHE_DIR = Path(os.environ.get("KFQ_CACHE_DIR", BASE_DIR / "var" / "cache"))
if KFQ_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": KFQ_CACHE_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": KFQ_CACHE_DIR,
            # Django's 300 would cull an archive's article pages long before they expire.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Sessions live in the database (Django's default engine, named here so nobody moves them into
# a per-server cache by accident): a login made through one server holds on every other.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The editorial desk (editorial/workflow.py). 三审制: KFQ_REVIEW_LEVELS=3 makes every piece pass
# 初审 (责任编辑), 复审 (编辑部主任) and 终审 (总编辑), each by a different person, and an issue
# needs the 总编辑's 签发 before it is published; 2 keeps 初审 and 终审; 1 (the default, so an
# upgrade changes nothing until the office chooses) lets any editor accept a piece.
_review_levels = os.environ.get("KFQ_REVIEW_LEVELS", "1").strip()
if _review_levels not in {"1", "2", "3"}:
    raise ImproperlyConfigured(
        f"KFQ_REVIEW_LEVELS 只能是 1、2 或 3（审稿级数），现在是 {_review_levels!r}。"
    )
KFQ_REVIEW_LEVELS = int(_review_levels)
# The admin home marks pieces that have waited for the editors this many days amber, and twice
# as many red.
KFQ_WAITING_DAYS = int(os.environ.get("KFQ_WAITING_DAYS", "3"))
# How many characters of text one printed page holds, for an issue's fill while it is assembled.
KFQ_PAGE_CHARACTERS = int(os.environ.get("KFQ_PAGE_CHARACTERS", "5000"))

# Reader pages are cached whole for anonymous readers (reader/page_cache.py); 0 turns it off.
# Their key carries the archive version, which every change a reader could see replaces, so
# they can be kept for a day. Off while debugging, so that a changed template shows at once.
KFQ_PAGE_CACHE_SECONDS = int(os.environ.get("KFQ_PAGE_CACHE_SECONDS", "0" if DEBUG else "86400"))
# Parts of reader pages (a page's content below the header, a listing's count) are cached the
# same way under the archive version (reader/fragments.py), for the requests the page cache
# cannot answer: anyone logged in, and a page rendered before by another request.
KFQ_FRAGMENT_CACHE_SECONDS = int(
    os.environ.get("KFQ_FRAGMENT_CACHE_SECONDS", "0" if DEBUG else "86400")
)

# Behind HTTPS in production: secure cookies, HSTS and the redirect. Off on a laptop and in
# tests, which serve plain HTTP on loopback.
if env_bool("KFQ_HTTPS", default=False):
    SECURE_SSL_REDIRECT = True
    # A monitor on the server itself asks gunicorn directly, over plain HTTP; /healthz holds
    # no data, so it answers there instead of redirecting to an https:// gunicorn cannot speak.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("KFQ_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("KFQ_HSTS_PRELOAD", default=True)

# Content-Security-Policy (django-csp): scripts, styles, images, fonts and fetches only from
# this site, so an injected <script>, onclick="…" or style="…" does not run. Our pages and
# Django's admin keep their JavaScript and CSS in static files (static/js, static/css), never
# inline; tests/browser/test_csp.py opens every main page in Chromium and finds no violation.
# No report-uri: there is nobody to read the reports, and an open endpoint that anyone may
# post to would only fill the log; the browser test is where a violation is caught.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # a data: image (a preview drawn by a script) runs nothing
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # with X_FRAME_OPTIONS = "DENY" for older browsers
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOG_LEVEL = os.environ.get("KFQ_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own 'django' logger has a console handler of its own (on while debugging) and
    # passes each record on to root as well: every warning was written twice. Root alone writes.
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL}},
}
