"""A mail from a stranger, claimed in the browser: an editor opens 待认领, assigns the mail to a
correspondent, and opens the resulting piece with the original mail beside it.

The mails are taken in with mailroom.intake.take_in (the IMAP fetching is tested against
Dovecot in tests/mailroom_tests); every step after that goes through the admin's pages.
"""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Status
from mailroom import intake
from mailroom.models import IncomingMail
from tests.browser.test_csp import PolicyWatch
from tests.browser.test_journey import login
from tests.factories import make_correspondent, make_editor, make_zone
from tests.mailroom_tests.mails import mail
from tests.word_documents import PICTURE, word_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE = "朔州经开区智能制造产业园首批项目集中开工"
BODY = "初冬时节，朔州经济开发区智能制造产业园内塔吊林立、机器轰鸣，一派繁忙景象。" * 12


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_an_editor_claims_a_strangers_mail_and_sees_it_beside_the_piece(
    page, live_server, screenshot
):
    make_editor("bianji")
    make_correspondent("wangbo", name="王波", zone=make_zone(official_name="朔州经济开发区"))
    make_correspondent("zhaoli", name="赵丽", zone=make_zone(official_name="介休经济开发区"))
    document = word_document(TITLE, BODY, PICTURE, "项目现场（王波 摄）", title_style=TITLE)
    claimed = intake.take_in(
        mail(
            sender="朔州经开区办公室 <office@szkfq.example>",
            subject="投稿：朔州经开区项目集中开工",
            text="编辑老师好：\n\n附件是我区王波同志的稿件，请审阅。",
            attachments=[("项目开工.docx", DOCX, document)],
        )
    )
    intake.take_in(
        mail(sender="不认识的人 <who@example.net>", subject="咨询征稿要求", text="请问截稿时间？")
    )
    assert claimed.state == IncomingMail.State.UNCLAIMED

    policy = PolicyWatch(page)  # the new pages break no Content-Security-Policy rule
    login(page, live_server.url, "bianji")
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="来稿邮件").first.click()
    expect(page.locator("h1")).to_have_text("待认领邮件")
    row = page.locator("#result_list tbody tr", has_text="朔州经开区项目集中开工")
    expect(row).to_contain_text("朔州经开区办公室 <office@szkfq.example>")
    expect(row).to_contain_text("项目开工.docx")
    expect(row).to_contain_text("编辑老师好： 附件是我区王波同志的稿件，请审阅。")
    policy.collect()
    screenshot(page, "mailroom-1-unclaimed.png")
    stranger = page.locator("#result_list tbody tr", has_text="咨询征稿要求")
    stranger.get_by_role("link", name="新建通讯员并认领").click()
    expect(page.locator("#mail-to-claim")).to_contain_text("不认识的人 <who@example.net>")
    expect(page.locator("#id_email")).to_have_value("who@example.net")
    expect(page.locator("#id_username")).to_have_value("who")
    policy.collect()
    screenshot(page, "mailroom-1b-new-correspondent.png")
    page.go_back()

    row.get_by_role("link", name="认领", exact=True).click()
    page.get_by_label("查找通讯员（姓名、开发区、用户名或邮箱）").fill("朔州")
    page.get_by_role("button", name="查找").click()
    choice = page.get_by_label("通讯员", exact=True)
    expect(choice.locator("option")).to_have_count(2)  # （请选择） and 王波
    choice.select_option(label="王波（朔州经济开发区，wangbo，wangbo@example.cn）")
    policy.collect()
    screenshot(page, "mailroom-2-mail-page.png")
    page.get_by_role("button", name="认领", exact=True).click()

    expect(page.locator("ul.messagelist")).to_contain_text("邮件已认领给王波：生成稿件 KFQ-")
    expect(page.locator("#mail-state h2")).to_have_text("处理结果：已入库")
    policy.collect()
    screenshot(page, "mailroom-3-claimed.png")

    page.locator("#mail-state").get_by_role("link", name=re.compile(TITLE)).click()
    panel = page.locator(".piece-panels .original-mail")
    expect(panel).to_contain_text("朔州经开区办公室 <office@szkfq.example>")
    expect(panel).to_contain_text("投稿：朔州经开区项目集中开工")
    expect(panel).to_contain_text("附件是我区王波同志的稿件，请审阅。")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    with page.expect_download() as download:
        panel.get_by_role("link", name="项目开工.docx").click()
    assert download.value.suggested_filename == "项目开工.docx"
    screenshot(page, "mailroom-4-piece-with-mail.png", full_page=False)
    policy.collect()
    assert policy.problems == []

    claimed.refresh_from_db()
    (piece,) = claimed.pieces.all()
    assert piece.status == Status.SUBMITTED and piece.authors.get().name == "王波"
