"""An editor imports pages in the admin, in Chromium: uploads two seed pages, reads the preview,
confirms (the page's script imports page by page and counts), opens an imported article; then
corrects its title, imports the page again, sees the conflict reported and the correction kept.
The pages run under the site's Content-Security-Policy: no violation is allowed.

The ORM only sets the scene (the zone registry, an editor) and checks the end state.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from articles.models import Article, ImportedArticle
from importer.models import StagedImport
from tests.factories import make_editor
from tests.importer_tests.helpers import PAGE_000, PAGE_002, seed_path

PASSWORD = "测试密码-123456"  # what tests/factories.make_user gives every account
SURVEY = "华北水利水电大学在临汾经济开发区调研"
CORRECTED = "华北水利水电大学专家组赴临汾经济开发区调研"
ISSUE_DATE = "2023-07-11"

# Runs before any script of every document: collects what the policy blocks.
RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.effectiveDirective + " " + (event.blockedURI || "inline"));
});
"""


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations.splice(0)")


def upload(page: Page, base: str, *names: str) -> None:
    page.goto(base + "/admin/")
    page.get_by_role("link", name="导入版面").click()
    page.set_input_files("#id_files", [str(seed_path(name)) for name in names])
    page.fill("#id_issue_date", ISSUE_DATE)
    page.fill("#id_first_page", "1")
    page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_role("heading", name="导入版面：预览")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_imports_two_pages_then_a_correction_survives_the_reimport(
    live_server, page, screenshot
):
    call_command("load_zones")
    make_editor("bianji")
    base = live_server.url
    page.add_init_script(RECORDER)
    console_csp = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console_csp.append(message),
    )
    steps = []
    page.on("request", lambda request: "/step/" in request.url and steps.append(request.url))

    page.goto(base + "/admin/login/")
    page.fill("#id_username", "bianji")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()

    # 1. Upload two pages; the preview says how each was read, and nothing is written yet.
    upload(page, base, PAGE_000, PAGE_002)
    first = page.locator("section.import-page").nth(0)
    second = page.locator("section.import-page").nth(1)
    expect(first.get_by_role("heading", name=PAGE_000)).to_be_visible()
    expect(first).to_contain_text("2023年7月11日 第1版")
    expect(first).to_contain_text("确认后：新建 8 篇")
    expect(first.locator("table.import-articles")).to_contain_text(SURVEY)
    expect(first.locator("table.import-quality")).to_contain_text("疑似截断")
    expect(second).to_contain_text("2023年7月11日 第2版")
    expect(second.locator("table.import-quality")).to_contain_text("潇河新兴产业园区")
    expect(second.locator("table.import-articles")).to_contain_text("（新建）")
    screenshot(page, "import-1-preview.png")
    assert not Article.objects.exists()
    assert violations(page) == []

    # 2. Confirm: the script imports page by page and opens the result, which links each piece.
    page.get_by_role("button", name="确认导入 2 个版面").click()
    expect(page.get_by_role("heading", name="导入版面：结果")).to_be_visible()
    expect(page.locator("#import-done")).to_have_text("已导入 2 / 2 个版面。")
    expect(page.locator("ul.import-created li")).to_have_count(14)
    screenshot(page, "import-2-result.png")
    assert Article.objects.count() == 14
    assert len(steps) == 2, "the script imported one page per request"
    assert StagedImport.objects.get().pages.filter(imported_at__isnull=False).count() == 2
    assert violations(page) == []

    # 3. Open an imported article on the site, then in the admin, and correct its title.
    created = page.locator("ul.import-created li").filter(has_text=SURVEY)
    created.get_by_role("link", name="网站上查看").click()
    expect(page.get_by_role("heading", name=SURVEY)).to_be_visible()
    screenshot(page, "import-3-article.png")
    page.go_back()
    page.locator("ul.import-created li").filter(has_text=SURVEY).get_by_role(
        "link", name=SURVEY
    ).click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    page.fill("#id_title", CORRECTED)
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.locator("ul.messagelist")).to_contain_text("成功")
    survey = Article.objects.get(title=CORRECTED)

    # 4. Import the page again: the preview names the field, the page's text and the editor's.
    upload(page, base, PAGE_000)
    conflict = page.locator(".import-conflict")
    expect(conflict).to_have_count(1)
    expect(conflict).to_contain_text(f"《{CORRECTED}》：保留编辑的版本")
    row = conflict.locator("tbody tr")
    expect(row.locator("th")).to_have_text("标题")
    expect(row.locator("td").nth(0)).to_have_text(SURVEY)
    expect(row.locator("td").nth(1)).to_have_text(CORRECTED)
    expect(page.locator("section.import-page")).to_contain_text(
        "确认后：新建 0 篇，更新 0 篇，未变 7 篇，编辑改过、保留编辑版本 1 篇"
    )
    screenshot(page, "import-4-conflict-preview.png")

    page.get_by_role("button", name="确认导入 1 个版面").click()
    expect(page.locator("#import-done")).to_have_text("已导入 1 / 1 个版面。")
    expect(page.locator(".import-conflict")).to_contain_text(CORRECTED)
    screenshot(page, "import-5-conflict-result.png")

    survey.refresh_from_db()
    assert survey.title == CORRECTED
    assert ImportedArticle.objects.filter(article=survey).exists()
    page.goto(base + survey.get_absolute_url())
    expect(page.get_by_role("heading", name=CORRECTED)).to_be_visible()
    assert violations(page) == []
    assert console_csp == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_confirm_imports_every_page_in_one_request(
    live_server, browser, screenshot
):
    call_command("load_zones")
    make_editor("bianji")
    base = live_server.url
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    page = context.new_page()
    try:
        page.goto(base + "/admin/login/")
        page.fill("#id_username", "bianji")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="登录").click()

        # A page that is not text is refused with a reason, and nothing is kept.
        page.goto(base + "/admin/")
        page.get_by_role("link", name="导入版面").click()
        page.set_input_files(
            "#id_files",
            files=[{"name": "scan.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\x00\x01"}],
        )
        page.fill("#id_issue_date", ISSUE_DATE)
        page.get_by_role("button", name="上传并预览").click()
        expect(page.locator("#upload-problems")).to_contain_text("scan.txt：这是二进制文件")
        screenshot(page, "import-6-refused.png")
        assert not StagedImport.objects.exists()

        upload(page, base, PAGE_000, PAGE_002)
        page.get_by_role("button", name="确认导入 2 个版面").click()
        expect(page.locator("#import-done")).to_have_text("已导入 2 / 2 个版面。")
        assert Article.objects.count() == 14
    finally:
        context.close()
