"""Fixtures of the browser journeys."""

import pytest
from playwright.sync_api import Page

from tests.browser.test_journey import LOCALE, VIEWPORT


@pytest.fixture
def other_page(browser, request, screenshot_dir):
    """More browser contexts (a second person at another computer), closed after the test."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
        contexts.append(context)
        new = context.new_page()
        new.set_default_timeout(15_000)
        return new

    yield open_page
    report = getattr(request.node, "rep_call", None)
    for n, context in enumerate(contexts, start=1):
        if report is not None and report.failed:
            for p in context.pages:
                try:
                    p.screenshot(path=str(screenshot_dir / f"FAILED-journey-context{n}.png"))
                except Exception as exc:  # never hide the test's own failure
                    print(f"could not save failure screenshot: {exc}")
        context.close()
