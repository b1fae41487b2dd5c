"""Fixtures shared by the whole suite.

Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by
scripts/install-system-deps.sh) through Playwright's sync API. Never run `playwright install`:
the browser comes from the Debian package, not from a download.
"""

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.roles import people_by_role

# Playwright's sync API keeps an asyncio event loop running in the main thread; Django then
# refuses synchronous ORM calls there (SynchronousOnlyOperation) unless told it is fine. This
# must be set before any test touches the database or live_server.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("KFQ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "zh-CN"

_saved_screenshots: list[Path] = []

# Run in each page before its context closes at the end of a test: the page's own scripts can no
# longer reach the server (see the page fixture).
SILENCE_ON_CLOSE = (
    "() => { navigator.sendBeacon = () => true; window.fetch = () => new Promise(() => {}); }"
)


def _uses_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def pytest_collection_modifyitems(config, items):
    if _uses_postgresql():
        return
    skip = pytest.mark.skip(reason="postgres_only: DATABASE_URL is not PostgreSQL")
    for item in items:
        if item.get_closest_marker("postgres_only"):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item so the page fixture can tell a failed test.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    if _saved_screenshots:
        terminalreporter.section("screenshots")
        for path in _saved_screenshots:
            terminalreporter.write_line(str(path))


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Folder for the PNGs that browser tests take (KFQ_SCREENSHOT_DIR overrides it)."""
    path = Path(
        os.environ.get("KFQ_SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "kfq-screenshots"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def screenshot(screenshot_dir):
    """Save a PNG of a page into screenshot_dir and print its path: screenshot(page, "x.png")."""

    def save(page, name: str, *, full_page: bool = True) -> Path:
        path = screenshot_dir / name
        page.screenshot(path=str(path), full_page=full_page)
        print(f"screenshot: {path}")
        _saved_screenshots.append(path)
        return path

    return save


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (scripts/install-system-deps.sh)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(request, browser, screenshot_dir):
    """A fresh browser context and page per test: 1280x900, zh-CN.

    When the test fails, a full-page screenshot named after it is saved in screenshot_dir.
    """
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed and not page.is_closed():
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid).strip("_")
            path = screenshot_dir / f"FAILED-{name}.png"
            try:
                page.screenshot(path=str(path), full_page=True)
            except Exception as exc:  # a broken page must not hide the test's own failure
                print(f"could not save failure screenshot: {exc}")
            else:
                print(f"failure screenshot: {path}")
                _saved_screenshots.append(path)
    finally:
        # A form left with unsaved text sends it when the page closes (autosave.js: the pagehide
        # beacon, the save on visibilitychange). Arriving while live_server's database is
        # flushed, that request holds a table lock and the flush fails ("database table is
        # locked"), an error in a test that passed: a page closing at the end of a test sends
        # nothing.
        for open_page in context.pages:
            # A page already closed, or navigating, cannot be reached: it is closed regardless.
            with contextlib.suppress(Exception):
                open_page.evaluate(SILENCE_ON_CLOSE)
        context.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.2 s per user; tests create hundreds of users and test no hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    # As in production: requests only queue mail (editorial/outbox.py) and the worker delivers
    # it, here into django.core.mail.outbox; tests.mail.sent_mail() runs the worker.
    settings.EMAIL_BACKEND = "editorial.outbox.OutboxBackend"
    settings.KFQ_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Tests read a page, change the archive and read it again; a cached page or part of one
    # would hide the change. tests/reader_tests/test_page_cache.py and test_fragments.py turn
    # them on.
    settings.KFQ_PAGE_CACHE_SECONDS = 0
    settings.KFQ_FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(scope="module")
def registry(django_db_setup, django_db_blocker):
    """The zones registry loaded once for the module, rolled back afterwards.

    For modules whose tests read the zones and never change them; each test still runs in its
    own savepoint inside this transaction, like with `seeded`.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_zones", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Zones loaded and seeds/ imported once for the module, rolled back afterwards.

    Each test then runs in its own savepoint inside this transaction (pytest-django's
    django_db), so nothing the tests do leaks, and nothing imported here leaks either.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_zones", stdout=io.StringIO())
            stdout, stderr = io.StringIO(), io.StringIO()
            call_command("import_seeds", stdout=stdout, stderr=stderr)
            yield {"stdout": stdout.getvalue(), "stderr": stderr.getvalue()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def people(db):
    """One login per role of tests/roles.py, for access-matrix tests."""
    return people_by_role()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change and then its on-commit callbacks, as a real commit would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run
