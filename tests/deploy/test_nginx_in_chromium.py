"""The served site in Chromium: the styled page with its photo, and nginx's 413 page, from
which the browser's 返回 brings back the typed story."""

import secrets

import pytest
from playwright.sync_api import expect

from tests.articles_tests.photo_files import jpeg_bytes
from tests.deploy.served_site import MB

pytestmark = pytest.mark.nginx


@pytest.mark.browser
def test_in_chromium_the_page_is_styled_and_its_photo_shown(site, browser, screenshot):
    context = browser.new_context(
        ignore_https_errors=True, viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    try:
        page = context.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        base = f"https://127.0.0.1:{site.https_port}"

        page.goto(base + site.data["published_url"])
        photo = page.locator(".story-photos img").first
        photo.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
        )

        # site.css came through nginx: the masthead wears the site's red.
        masthead = page.locator(".masthead").evaluate("a => getComputedStyle(a).color")
        assert masthead == "rgb(164, 22, 26)"
        assert failed == []
        screenshot(page, "nginx-article-with-photo.png")

        page.goto(base + site.data["published_photo_url"])
        screenshot(page, "nginx-photo.png", full_page=False)
        page.goto(base + "/admin/login/")
        screenshot(page, "nginx-admin-login.png", full_page=False)
        assert failed == []

        # What a correspondent sees when a too large photo gets past the form's own check.
        page.set_content(
            f'<form method="post" enctype="multipart/form-data" action="{base}/submit/">'
            '<input type="file" name="photo"><button>投稿</button></form>'
        )
        page.set_input_files(
            "input",
            files=[{"name": "大图.jpg", "mimeType": "image/jpeg", "buffer": b"0" * 11 * MB}],
        )
        page.click("button")
        expect(page.locator("h1")).to_contain_text("图片超过 10 MB")
        assert page.locator(".masthead").evaluate("a => getComputedStyle(a).color") == masthead
        screenshot(page, "nginx-413.png", full_page=False)
    finally:
        context.close()


@pytest.mark.browser
def test_back_from_the_413_page_the_typed_story_is_still_in_the_form(
    site, browser, screenshot, tmp_path
):
    # The 413 page promises that the browser's 返回 keeps what was typed. It is reached only
    # without JavaScript (static/js/photo-size.js clears a too large choice before any upload),
    # so the journey runs with JavaScript off, as a browser that did not load the script would.
    context = browser.new_context(
        ignore_https_errors=True,
        viewport={"width": 1280, "height": 900},
        locale="zh-CN",
        java_script_enabled=False,
    )
    try:
        page = context.new_page()
        base = f"https://127.0.0.1:{site.https_port}"
        page.goto(base + "/accounts/login/")
        page.fill("#id_username", site.data["username"])
        page.fill("#id_password", site.data["password"])
        page.get_by_role("button", name="登录").click()
        page.goto(base + "/submit/")
        title = "产业园二期今天开工"
        body = "开发区新建的产业园二期今天开工，首批十二家企业签约入驻。" * 15
        page.fill("#id_title", title)
        page.fill("#id_body", body)
        page.fill("#id_photo_caption", "产业园二期开工现场")
        page.fill("#id_photo_credit", "通讯员摄")
        too_large = tmp_path / "现场大图.jpg"
        too_large.write_bytes(secrets.token_bytes(11 * MB))
        page.set_input_files("#id_photo", too_large)

        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="投稿").click()

        assert posted.value.status == 413
        expect(page.locator("h1")).to_have_text("图片超过 10 MB，这次没有提交成功")
        expect(page.locator("main")).to_contain_text("刚才填写的文字仍在表单里")

        page.go_back()

        expect(page.locator("h1")).to_have_text("投稿")
        assert page.input_value("#id_title") == title
        assert page.input_value("#id_body") == body
        assert page.input_value("#id_photo_caption") == "产业园二期开工现场"
        screenshot(page, "nginx-back-from-413.png")

        # Chromium also keeps the 11 MB photo chosen, so the page asks for another one; with a
        # smaller photo the typed story is saved whole.
        assert page.eval_on_selector("#id_photo", "input => input.files[0].size") == 11 * MB
        small = tmp_path / "现场.jpg"
        small.write_bytes(jpeg_bytes())
        page.set_input_files("#id_photo", small)
        page.get_by_role("button", name="保存草稿").click()

        expect(page.get_by_text("稿件已保存为草稿。")).to_be_visible()
        expect(page.locator("h1")).to_contain_text(title)
        expect(page.locator("main")).to_contain_text(body)
    finally:
        context.close()
