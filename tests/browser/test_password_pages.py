"""The people pages in a browser: a first login's password change, the reset page in an
English browser, and the admin home's warning about editors without an address."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from editorial.correspondents import add_correspondent
from tests.factories import make_editor, make_user, make_zone

PASSWORD = "Chu-Shi-2026!"


def log_in(page, base, username, password):
    page.goto(base + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_correspondent_sets_their_own_password_at_first_login(live_server, page, screenshot):
    # An earlier transactional test's flush may have taken the migration's groups with it.
    Group.objects.get_or_create(name="通讯员")
    add_correspondent(username="xin", zone=make_zone(), name="新通讯员", password=PASSWORD)

    log_in(page, live_server.url, "xin", PASSWORD)
    expect(page.get_by_role("heading", name="修改密码")).to_be_visible()
    page.get_by_label("旧密码").fill(PASSWORD)
    page.get_by_label("新密码", exact=True).fill("short")
    page.get_by_label("新密码确认").fill("short")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_text("密码太短，至少需要 8 个字符。")).to_be_visible()
    screenshot(page, "password_change_first_login.png")

    page.get_by_label("旧密码").fill(PASSWORD)
    page.get_by_label("新密码", exact=True).fill("Zi-Ji-De-2026")
    page.get_by_label("新密码确认").fill("Zi-Ji-De-2026")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_role("heading", name="密码已修改")).to_be_visible()
    page.get_by_role("link", name="我的稿件").first.click()
    expect(page.get_by_role("heading", name="我的稿件")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_reset_page_is_chinese_in_an_english_browser(live_server, browser, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_role("link", name="忘记密码？").click()
        expect(page.get_by_role("heading", name="找回密码")).to_be_visible()
        page.get_by_label("电子邮件").fill("nobody@example.cn")
        page.get_by_role("button", name="发送重设链接").click()
        expect(page.get_by_role("heading", name="请查收邮件")).to_be_visible()
        page.go_back()
        screenshot(page, "password_reset_en_browser.png")
        assert "Email" not in page.content()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_home_names_editors_without_an_address(live_server, page, screenshot):
    editor = make_editor("meiyou")
    editor.first_name = "梅有"
    editor.save()
    make_user("root", superuser=True, password=PASSWORD)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    warning = page.locator("#editors-without-email")
    expect(warning).to_contain_text("梅有（meiyou）")
    screenshot(page, "admin_editors_without_email.png", full_page=False)
    warning.get_by_role("link", name="梅有（meiyou）").click()
    expect(page.locator("#id_email")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_superuser_adds_an_editor_from_the_user_list(live_server, page, screenshot):
    from tests.factories import editors_group

    editors_group()  # an earlier transactional test's flush may have taken it
    make_user("root", superuser=True, password=PASSWORD)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto(live_server.url + "/admin/auth/user/")
    page.get_by_role("link", name="新增编辑").click()
    page.get_by_label("用户名").fill("zhaobj")
    page.get_by_label("姓名").fill("赵编辑")
    page.get_by_label("电子邮箱").fill("zhao@example.cn")
    screenshot(page, "admin_add_editor.png", full_page=False)
    page.get_by_role("button", name="创建").click()

    expect(page.locator(".messagelist")).to_contain_text("已创建编辑 赵编辑，用户名 zhaobj")
    screenshot(page, "admin_add_editor_done.png", full_page=False)
