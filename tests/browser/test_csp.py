"""Every main page under the Content-Security-Policy, in Chromium: nothing is blocked.

The policy (kfq_site/settings.py) allows scripts and styles only from the site's own files. A
page that still carried an inline <script>, an onclick="…" or a style="…" would lose that
behaviour or look in a real browser without any server-side error; only the browser can tell.
Each page is opened as the role that uses it; Chromium's own CSP messages in the console and
the `securitypolicyviolation` events of every document are collected and must be none. The last
test shows the watch catching an inline script, handler and style on a page served through the
same middleware.
"""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.http import HttpResponse
from django.urls import path, reverse
from playwright.sync_api import Page, expect

from articles.models import Article, CallForPapers, Contributor, Photo, Status
from awards.services import fix_awards
from tests.articles_tests.photo_files import jpeg_bytes
from tests.factories import (
    make_article,
    make_correspondent,
    make_editor,
    make_issue,
    make_user,
    make_zone,
)

PASSWORD = "测试密码-123456"  # what tests/factories.make_user gives every account
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "zh-CN"
YEAR = 2023  # the seed archive's year with signed pieces

# Runs before any script of every document the page opens. window.print is replaced so that a
# test can see a print button work without a print dialog.
RECORDER = """
window.__cspViolations = [];
window.__printed = 0;
window.print = function () { window.__printed += 1; };
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.effectiveDirective + " blocked " + (event.blockedURI || "inline") +
    " at " + event.sourceFile + ":" + event.lineNumber
  );
});
"""

# A page as an injection would leave it: an inline script, an inline handler, an inline style
# block and a style attribute. Served through the site's middleware by the last test.
BREAKS_THE_POLICY = """<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>未改动</title>
<style>p { font-size: 40px; }</style></head>
<body>
<p id="styled" style="color: rgb(255, 0, 0)">这一段不应变红</p>
<button type="button" onclick="document.title = '处理程序运行了'">按钮</button>
<script>document.title = "脚本运行了";</script>
</body></html>
"""


def breaks_the_policy(request):
    return HttpResponse(BREAKS_THE_POLICY)


urlpatterns = [path("breaks-the-policy/", breaks_the_policy)]


class PolicyWatch:
    """One browser context of one role, recording every CSP complaint of its pages."""

    def __init__(self, page: Page):
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(RECORDER)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: 脚本出错 {error}"))

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.problems.append(f"{self.page.url}: {message.text}")

    def open(self, url: str, *, status: int = 200) -> Page:
        response = self.page.goto(url)
        assert response.status == status, f"{url}: {response.status}"
        assert "content-security-policy" in response.headers, f"{url} has no policy"
        self.collect()
        return self.page

    def collect(self):
        """Move the current document's violation events into problems."""
        self.page.wait_for_load_state("load")
        for violation in self.page.evaluate("(window.__cspViolations || []).splice(0)"):
            self.problems.append(f"{self.page.url}: {violation}")


@pytest.fixture
def watch(browser, request, screenshot_dir):
    """watch() opens a new browser context (one person) and its PolicyWatch; when the test
    fails, each context's page is saved as a screenshot."""
    contexts = []

    def open_watch() -> PolicyWatch:
        context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return PolicyWatch(page)

    yield open_watch
    report = getattr(request.node, "rep_call", None)
    for n, context in enumerate(contexts, start=1):
        if report is not None and report.failed:
            for page in context.pages:
                try:
                    page.screenshot(path=str(screenshot_dir / f"FAILED-csp-context{n}.png"))
                except Exception as exc:  # never hide the test's own failure
                    print(f"could not save failure screenshot: {exc}")
        context.close()


def login(watch: PolicyWatch, url: str, username: str):
    page = watch.open(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))  # logged in, sent on
    watch.collect()


def add_photo(article: Article) -> Photo:
    photo = Photo(article=article, caption="园区施工现场", credit="本刊记者摄", position=1)
    photo.image.save("site.jpg", ContentFile(jpeg_bytes((800, 600))), save=False)
    photo.thumbnail.save("site_thumb.jpg", ContentFile(jpeg_bytes((400, 300))), save=False)
    photo.save()
    return photo


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_breaks_the_content_security_policy(
    live_server, watch, screenshot, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_zones")
    call_command("import_seeds")
    base = live_server.url
    editor = make_editor("bianji")
    make_user("guanliyuan", superuser=True)
    correspondent = make_correspondent("majq", name="麻洁琼")
    own = Contributor.objects.get(user=correspondent)

    published = Article.objects.published().filter(authorships__isnull=False).first()
    add_photo(published)
    submitted = make_article(status=Status.SUBMITTED, authors=[own], zone=own.zone)
    submitted_photo = add_photo(submitted)
    revision = make_article(status=Status.REVISION, authors=[own], zone=own.zone)
    open_issue = make_issue(date=datetime.date(2026, 12, 1))
    award = fix_awards(year=YEAR, by=editor, issued_on=datetime.date(YEAR + 1, 1, 10))[0]
    mail.send_mail("新稿件", "有一篇新稿件。", None, ["bianji@example.cn"])
    make_zone(official_name="重复甲经济开发区", short_name="重复甲")
    make_zone(official_name="重复乙经济开发区", short_name="重复乙")
    author = published.authorships.first().contributor

    # 1. A reader.
    reader = watch()
    for url in [
        "/",
        "/issues/",
        reverse("reader:issue_year", args=[published.issue.date.year]),
        published.issue.get_absolute_url(),
        "/browse/",
        "/articles/",
        published.get_absolute_url(),
        "/zones/",
        published.zone.get_absolute_url(),
        author.get_absolute_url(),
        "/call-for-papers/",
        "/certificates/",
        reverse("password_reset"),
        reverse("password_reset_done"),
        award.get_absolute_url(),
    ]:
        reader.open(base + url)
    page = reader.open(base + "/search/?q=开发区")
    expect(page.locator("mark").first).to_be_visible()
    reader.open(base + published.get_absolute_url())
    expect(reader.page.locator("main img").first).to_be_visible()
    screenshot(reader.page, "csp-article-with-photo.png")
    reader.open(base + "/no-such-page/", status=404)
    reader.open(base + "/search/?q=%00", status=400)
    page = reader.open(base + "/accounts/login/")
    page.context.clear_cookies()  # as when the form was left open until the cookie went
    page.fill("#id_username", "majq")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="页面已过期")).to_be_visible()
    reader.collect()
    screenshot(page, "csp-csrf-failure.png")

    # 2. A correspondent.
    portal = watch()
    login(portal, base + "/accounts/login/", "majq")
    for url in [
        "/my/",
        reverse("portal:my_submission", args=[submitted.pk]),
        reverse("portal:revise", args=[revision.pk]),
        "/my/mail/",
        reverse("password_change"),
    ]:
        portal.open(base + url)
    page = portal.open(base + "/submit/")
    page.fill("#id_body", "开发区建设")
    expect(page.locator("#id_body-length")).to_contain_text("已写 5 字")  # the counter's script ran
    screenshot(page, "csp-portal-form.png")

    # 3. An editor in the admin.
    admin = watch()
    login(admin, base + "/admin/login/", "bianji")
    for url in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_history", args=[submitted.pk]),
        reverse("admin:articles_article_delete", args=[submitted.pk]),
        reverse("admin:articles_callforpapers_change", args=[CallForPapers.objects.first().pk]),
        reverse("admin:articles_importleftover_changelist"),
        reverse("admin:awards_rubric_changelist"),
        reverse("admin:articles_contributor_changelist"),
        reverse("admin:articles_contributor_add_correspondent"),
        reverse("admin:articles_outgoingmail_changelist"),
        reverse("admin:logins_failedlogin_changelist"),
        reverse("admin:awards_award_changelist"),
        reverse("admin:awards_credit_ranking", args=[YEAR]),
        reverse("admin:awards_award_letter", args=[YEAR, award.zone_id]),
    ]:
        admin.open(base + url)
    page = admin.open(base + reverse("admin:articles_article_change", args=[submitted.pk]))
    expect(page.locator("#workflow-moves")).to_be_visible()
    preview = page.locator("img.photo-preview")
    assert preview.evaluate("img => getComputedStyle(img).maxHeight") == "120px"
    page.locator(".field-zone .select2-selection").click()  # the autocomplete asks the server
    page.locator(".select2-search__field").fill("朔州")
    expect(page.locator(".select2-results__option").first).to_contain_text("朔州")
    page.keyboard.press("Escape")
    screenshot(page, "csp-admin-article.png")
    admin.collect()
    page = admin.open(base + reverse("admin:articles_photo_change", args=[submitted_photo.pk]))
    preview = page.locator("img.photo-preview")
    assert preview.evaluate("img => getComputedStyle(img).maxHeight") == "120px"
    page = admin.open(base + reverse("admin:articles_issue_change", args=[open_issue.pk]))
    page.locator(".field-date .datetimeshortcuts a").last.click()  # the calendar's script
    expect(page.locator(".calendarbox").first).to_be_visible()
    admin.collect()
    page = admin.open(base + reverse("admin:awards_award_certificate", args=[award.pk]))
    page.get_by_role("button", name="打印证书").click()
    assert page.evaluate("window.__printed") == 1  # the print button's script ran
    page = admin.open(base + reverse("admin:awards_credit_year", args=[YEAR]))
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.__printed") == 1
    screenshot(page, "csp-admin-year-list.png")

    page = admin.open(base + reverse("admin:articles_article_changelist"))
    sidebar = page.locator("#nav-sidebar")
    expect(sidebar).to_be_visible()
    page.locator("#toggle-nav-sidebar").click()  # the admin's own script, nav_sidebar.js
    expect(sidebar).to_be_hidden()
    page.locator("#toggle-nav-sidebar").click()
    theme = page.evaluate("document.documentElement.dataset.theme")
    page.locator("button.theme-toggle").first.click()  # the admin's theme.js
    assert page.evaluate("document.documentElement.dataset.theme") != theme

    page = admin.open(base + reverse("admin:zones_zone_changelist") + "?q=重复")
    page.locator("#action-toggle").check()
    page.select_option('select[name="action"]', "merge_selected")
    page.locator('button[name="index"]').click()
    expect(page.get_by_role("heading", name="合并开发区")).to_be_visible()
    admin.collect()

    # 4. An administrator's pages for accounts.
    superuser = watch()
    login(superuser, base + "/admin/login/", "guanliyuan")
    superuser.open(base + reverse("admin:index"))
    superuser.open(base + reverse("admin:auth_user_add"))
    superuser.open(base + reverse("admin:auth_user_add_editor"))
    superuser.open(base + reverse("admin:auth_user_change", args=[editor.pk]))

    problems = reader.problems + portal.problems + admin.problems + superuser.problems
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
@pytest.mark.urls(__name__)
def test_the_watch_catches_inline_script_handler_and_style(live_server, watch):
    reader = watch()

    page = reader.open(live_server.url + "/breaks-the-policy/")
    page.get_by_role("button", name="按钮").click()
    reader.collect()

    assert page.title() == "未改动"
    styled = page.locator("#styled")
    assert styled.evaluate("p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
    assert styled.evaluate("p => getComputedStyle(p).fontSize") != "40px"
    blocked = " ".join(reader.problems)
    for directive in ["script-src-elem", "script-src-attr", "style-src-elem", "style-src-attr"]:
        assert f"{directive} blocked inline" in blocked
