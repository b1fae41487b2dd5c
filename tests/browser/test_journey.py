"""One piece from submission to print, driven through the real UI in Chromium.

A correspondent submits a 通讯 with a photo, the editors send it back with a note, the
correspondent revises it, the editors accept it, schedule it into a new issue, place it on the
page and publish the issue; a reader then finds it on the home page. The ORM only sets the
scene and checks the end state: every step in between goes through forms and buttons.
"""

import re

import pytest
from django.core.management import call_command
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from articles.models import Article, Issue, Status
from articles.text import count_characters
from tests.factories import make_correspondent, make_editor
from zones.models import Zone

PASSWORD = "测试密码-123456"  # what tests/factories.make_user gives every account
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "zh-CN"

TITLE = "朔州经开区智能制造产业园首批项目集中开工"
NOTE = "请补充项目投资额和投产时间。"
ADDED_SENTENCE = "据介绍，首批8个项目总投资42.6亿元，预计2027年6月全部建成投产。"
ISSUE_DATE = "2026-11-24"  # no seed issue uses this date
ISSUE_TITLE = "智能制造专刊"
MANUSCRIPT = re.compile(r"KFQ-\d{4}-\d{4}")

SENTENCES = [
    "初冬时节，朔州经济开发区智能制造产业园内塔吊林立、机器轰鸣，一派繁忙景象。",
    "园区负责人介绍，产业园规划面积三千余亩，重点发展新能源装备、新材料和高端零部件制造。",
    "为加快项目落地，开发区组建专班全程代办，土地、规划、环评等手续实现并联审批。",
    "企业从签约到拿地开工平均用时缩短到四十五天，比去年同期减少近一半。",
    "在一家新能源装备企业的施工现场，工人们正在吊装钢结构，厂房主体已初具规模。",
    "项目负责人说，开发区提供的标准化厂房和配套服务让企业少走了很多弯路。",
    "今年以来，开发区坚持把项目建设作为经济工作的主抓手，持续优化营商环境。",
    "开发区还围绕主导产业开展链式招商，吸引上下游配套企业集聚发展。",
    "下一步，开发区将强化要素保障，推动项目早建成、早投产、早见效。",
]


def realistic_body(target: int = 1500) -> str:
    """Paragraphs of three sentences each, about `target` characters as editors count them."""
    sentences, i = [], 0
    while count_characters("".join(sentences)) < target:
        sentences.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return "\n\n".join("".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3))


def make_jpeg(path):
    image = Image.new("RGB", (800, 600), (205, 225, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 420, 800, 600], fill=(120, 110, 95))  # ground
    for x in range(60, 760, 140):  # factory halls
        draw.rectangle([x, 260, x + 110, 420], fill=(70, 90, 120), outline=(30, 30, 30), width=3)
        draw.polygon([(x, 260), (x + 55, 210), (x + 110, 260)], fill=(180, 60, 50))
    draw.line([(700, 420), (700, 80), (420, 80)], fill=(230, 180, 20), width=8)  # crane
    draw.ellipse([80, 40, 160, 120], fill=(250, 210, 90))  # sun
    image.save(path, "JPEG", quality=90)
    return path


# --- steps everyone takes ------------------------------------------------------------------


def login(page: Page, base: str, username: str):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("button", name=f"退出（{username}）")).to_be_visible()


def logout(page: Page, username: str):
    page.get_by_role("button", name=f"退出（{username}）").click()
    expect(page.get_by_role("link", name="通讯员登录")).to_be_visible()


def expect_message(page: Page, text: str):
    """A Django message (site or admin) containing text."""
    expect(page.locator(".messages, ul.messagelist").filter(has_text=text)).to_be_visible()


def article_change_url(base: str, article_id: int) -> str:
    return f"{base}/admin/articles/article/{article_id}/change/"


def move_form(page: Page, label: str):
    """The small form in the admin's 稿件处理 module whose button says label."""
    button = f'input[type="submit"][value="{label}"]'
    expect(page.locator(f"#workflow-moves {button}")).to_have_count(1)
    return page.locator("#workflow-moves form").filter(has=page.locator(button))


def make_move(page: Page, label: str, note: str = ""):
    form = move_form(page, label)
    if note:
        form.locator('textarea[name="note"]').fill(note)
    form.locator(f'input[type="submit"][value="{label}"]').click()


def expect_status(page: Page, label: str):
    """On the correspondent's piece page, the status line says label."""
    expect(page.locator(".meta .status")).to_have_text(label)


# --- the journey ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_piece_from_submission_to_print(
    live_server, page, other_page, screenshot, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_zones")
    call_command("import_seeds")
    zone = Zone.objects.get(official_name="朔州经济开发区")
    make_correspondent("majq", zone=zone, name="麻洁琼", email="majq@example.cn")
    make_editor("bianji")
    photo_path = make_jpeg(tmp_path / "chanyeyuan.jpg")
    body = realistic_body()
    base = live_server.url
    correspondent = page

    # 1. The correspondent submits a 通讯 with a photo.
    login(correspondent, base, "majq")
    expect(correspondent).to_have_url(base + "/my/")
    expect(correspondent.get_by_role("heading", name="我的稿件")).to_be_visible()
    correspondent.get_by_role("link", name="投稿", exact=True).click()
    expect(correspondent).to_have_url(base + "/submit/")
    correspondent.select_option("#id_genre", label="通讯")
    correspondent.fill("#id_title", TITLE)
    correspondent.fill("#id_body", body)
    counter = correspondent.locator("#id_body-length")
    expect(counter).to_contain_text(f"已写 {count_characters(body)} 字")
    expect(counter).to_contain_text("1500")
    expect(counter).not_to_contain_text("相差较多")
    correspondent.set_input_files("#id_photo", str(photo_path))
    correspondent.fill("#id_photo_caption", "朔州经济开发区智能制造产业园施工现场")
    correspondent.fill("#id_photo_credit", "麻洁琼摄")
    screenshot(correspondent, "journey-0-form.png")
    correspondent.locator('button[name="submit"]').click()

    expect(correspondent).to_have_url(re.compile(r"/my/\d+/$"))
    article_id = int(re.search(r"/my/(\d+)/$", correspondent.url).group(1))
    expect_message(correspondent, "稿件已投出")
    expect(correspondent.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(correspondent.locator(".meta")).to_contain_text(MANUSCRIPT)
    manuscript = MANUSCRIPT.search(correspondent.locator(".meta").inner_text()).group(0)
    expect_status(correspondent, "已投稿")
    screenshot(correspondent, "journey-1-submitted.png")
    logout(correspondent, "majq")

    # 2. The editor sends it back with a note.
    editor = other_page()
    login(editor, base, "bianji")
    editor.goto(article_change_url(base, article_id))
    expect(editor.locator("#workflow-moves")).to_contain_text("稿件处理（当前：已投稿）")
    for label in ("开始审阅", "退修", "不予采用"):
        expect(move_form(editor, label)).to_be_visible()
    make_move(editor, "退修", note=NOTE)
    expect_message(editor, f"《{TITLE}》已改为“退修”")
    screenshot(editor, "journey-2-sent-back.png")

    # 3. The correspondent reads the note, revises and resubmits.
    login(correspondent, base, "majq")
    row = correspondent.locator("table.pieces tbody tr").filter(has_text=TITLE)
    expect(row).to_contain_text("退修")
    expect(row).to_contain_text(NOTE)
    row.get_by_role("link", name=TITLE).click()
    expect_status(correspondent, "退修")
    correspondent.get_by_role("link", name="按意见修改").click()
    expect(correspondent).to_have_url(f"{base}/my/{article_id}/edit/")
    note_box = correspondent.locator(".revision-note")
    expect(note_box).to_contain_text("编辑部退修意见")
    expect(note_box).to_contain_text(NOTE)
    revised = correspondent.input_value("#id_body").rstrip() + "\n\n" + ADDED_SENTENCE
    correspondent.fill("#id_body", revised)
    resubmit = correspondent.locator('button[name="submit"]')
    expect(resubmit).to_have_text("修改完成，重新投稿")
    resubmit.click()
    expect(correspondent).to_have_url(f"{base}/my/{article_id}/")
    expect_message(correspondent, "稿件已投出")
    expect_status(correspondent, "已投稿")
    expect(correspondent.locator(".meta")).to_contain_text(manuscript)
    expect(correspondent.get_by_text(ADDED_SENTENCE)).to_be_visible()
    screenshot(correspondent, "journey-3-resubmitted.png")

    # 4. The editor reviews, accepts, schedules, places and publishes.
    editor.goto(article_change_url(base, article_id))
    make_move(editor, "开始审阅")
    expect_message(editor, "已改为“审阅中”")
    make_move(editor, "录用")
    expect_message(editor, "已改为“已录用”")

    editor.goto(base + "/admin/articles/issue/add/")
    editor.fill("#id_date", ISSUE_DATE)
    editor.fill("#id_title", ISSUE_TITLE)
    editor.fill("#id_pages", "4")
    editor.locator('input[name="_continue"]').click()
    expect(editor.locator("ul.messagelist")).to_contain_text("成功添加")
    expect(editor).to_have_url(re.compile(r"/admin/articles/issue/\d+/change/$"))
    issue_change_url = editor.url

    editor.goto(article_change_url(base, article_id))
    schedule = move_form(editor, "排入一期")
    option = schedule.locator('select[name="issue"] option').filter(has_text=ISSUE_TITLE)
    schedule.locator('select[name="issue"]').select_option(option.get_attribute("value"))
    schedule.locator('input[value="排入一期"]').click()
    expect_message(editor, "已改为“已排期”")

    editor.goto(issue_change_url)
    placement = editor.locator("tr.form-row").filter(has_text=TITLE)
    expect(placement).to_have_count(1)
    placement.locator('input[name$="-page"]').fill("1")
    placement.locator('input[name$="-position"]').fill("1")
    expect(editor.get_by_text("本期已排期稿件 1 篇")).to_be_visible()
    # 发布本期 saves the placement typed above, then asks for confirmation.
    editor.locator('input[type="submit"][value="发布本期"]').click()
    expect(editor.locator("table.publish-list")).to_contain_text(TITLE)
    editor.locator('input[type="submit"][value="确认发布"]').click()
    expect_message(editor, "已发布")
    screenshot(editor, "journey-4-published.png")

    # 5. A reader, not logged in, finds it on the home page.
    reader = other_page()
    reader.goto(base + "/")
    expect(reader.get_by_role("heading", name=TITLE)).to_be_visible()
    screenshot(reader, "journey-5-public.png")

    # The end state, as the database sees it.
    article = Article.objects.get(pk=article_id)
    issue = Issue.objects.get(date=ISSUE_DATE)
    assert article.status == Status.PUBLISHED
    assert article.manuscript_number == manuscript
    assert (article.issue, article.page, article.position) == (issue, 1, 1)
    assert issue.published_at is not None
    assert article.genre == "通讯" and article.zone == zone
    assert article.author_names() == ["麻洁琼"]
    assert ADDED_SENTENCE in article.body
    versions = list(article.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert ADDED_SENTENCE not in versions[0].body and ADDED_SENTENCE in versions[1].body
    photo = article.photos.get()
    assert photo.caption == "朔州经济开发区智能制造产业园施工现场" and photo.credit == "麻洁琼摄"
    assert photo.image and photo.thumbnail
    assert (settings.MEDIA_ROOT / photo.thumbnail.name).is_file()
    transitions = article.transitions.order_by("at", "pk")
    steps = list(transitions.values_list("from_status", "to_status", "by__username"))
    assert steps == [
        (Status.DRAFT, Status.SUBMITTED, "majq"),
        (Status.SUBMITTED, Status.REVISION, "bianji"),
        (Status.REVISION, Status.SUBMITTED, "majq"),
        (Status.SUBMITTED, Status.IN_REVIEW, "bianji"),
        (Status.IN_REVIEW, Status.ACCEPTED, "bianji"),
        (Status.ACCEPTED, Status.SCHEDULED, "bianji"),
        (Status.SCHEDULED, Status.PUBLISHED, "bianji"),
    ]
    assert article.transitions.get(to_status=Status.REVISION).note == NOTE
