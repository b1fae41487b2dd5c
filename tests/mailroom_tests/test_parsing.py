"""Reading real Chinese mail: encodings, names, HTML, forwards (mailroom/parsing.py)."""

import base64
import datetime

from mailroom.parsing import clean_subject, decode_bytes, parse_mail
from tests.mailroom_tests.mails import gbk_mail, mail


def test_a_gbk_subject_and_quoted_printable_gbk_body_are_read():
    parsed = parse_mail(
        gbk_mail(
            subject="【投稿】晋中开发区：招商引资再提速", text="晋中开发区今年签约项目三十个。"
        )
    )

    assert parsed.subject == "【投稿】晋中开发区：招商引资再提速"
    assert clean_subject(parsed.subject) == "晋中开发区：招商引资再提速"
    assert parsed.text == "晋中开发区今年签约项目三十个。"
    assert (parsed.sender, parsed.sender_name) == ("lina@example.com", "李娜")
    assert parsed.sent_at == datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def test_an_attachment_name_in_raw_gbk_bytes_is_read():
    parsed = parse_mail(
        gbk_mail(subject="稿件", text="见附件", filename="稿件（定稿）.docx", data=b"PK")
    )

    assert [(a.filename, a.data) for a in parsed.attachments] == [("稿件（定稿）.docx", b"PK")]


def test_an_attachment_name_in_rfc_2231_is_read():
    encoded = "".join(f"%{byte:02X}" for byte in "园区新貌.jpg".encode("gbk"))
    raw = (
        "From: a@example.com\r\nSubject: photo\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        "Content-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n--b\r\n"
        "Content-Type: image/jpeg\r\n"
        f"Content-Disposition: attachment;\r\n filename*=gbk''{encoded}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(b"\xff\xd8jpeg").decode()
        + "\r\n--b--\r\n"
    ).encode()

    parsed = parse_mail(raw)

    assert [(a.filename, a.content_type, a.data) for a in parsed.attachments] == [
        ("园区新貌.jpg", "image/jpeg", b"\xff\xd8jpeg")
    ]


def test_a_charset_label_that_lies_falls_back_to_gb18030():
    gbk = "开发区建设".encode("gbk")

    assert decode_bytes(gbk, "utf-8") == "开发区建设"
    assert decode_bytes(gbk, "iso-8859-1") == "开发区建设"
    assert decode_bytes(gbk, "no-such-charset") == "开发区建设"
    assert decode_bytes("開發區".encode("big5"), "big5") == "開發區"
    assert decode_bytes(b"\xff\xff\xfe", "utf-8")  # undecodable: replaced, never raises


def test_an_html_only_mail_becomes_its_text():
    parsed = parse_mail(
        mail(
            text=None,
            html="<html><head><style>p{}</style></head><body><p>第一段&nbsp;文字。</p>"
            "<div>第二段<br>第三段</div><script>alert(1)</script></body></html>",
        )
    )

    assert parsed.text == "第一段 文字。\n\n第二段\n\n第三段"


def test_plain_text_is_preferred_to_its_html_alternative():
    parsed = parse_mail(mail(text="纯文本。", html="<p>网页版。</p>"))

    assert parsed.text == "纯文本。"
    assert parsed.attachments == []


def test_a_forward_keeps_the_forwarded_text_and_finds_its_attachments():
    inner = mail(
        sender="张帆 <zhangfan@example.com>",
        subject="园区稿件",
        text="原稿正文。",
        attachments=[("原稿.docx", "application/octet-stream", b"PK-doc")],
    )
    outer = mail(
        subject="Fwd: 转发：投稿：园区稿件",
        text="请查收转来的稿件。\n\n> 引用的一段",
        attachments=[("forwarded.eml", "message/rfc822", inner)],
    )

    parsed = parse_mail(outer)

    assert clean_subject(parsed.subject) == "园区稿件"
    assert parsed.text.startswith("请查收转来的稿件。\n\n> 引用的一段")
    assert "---------- 转发的邮件 ----------" in parsed.text
    assert "原稿正文。" in parsed.text
    assert [(a.filename, a.data) for a in parsed.attachments] == [("原稿.docx", b"PK-doc")]


def test_subject_prefixes_are_removed():
    assert clean_subject("Re: 回复：投稿：新区扩容") == "新区扩容"
    assert clean_subject("RE[2]: FW: 【投稿】 新区扩容") == "新区扩容"
    assert clean_subject("稿件-新区扩容") == "新区扩容"
    assert clean_subject("投稿 新区扩容") == "新区扩容"
    assert clean_subject("[投稿]新区扩容") == "新区扩容"
    # A title that only starts with the word keeps it.
    assert clean_subject("稿件管理办法出台") == "稿件管理办法出台"


def test_control_characters_never_reach_a_title_or_the_database():
    raw = (
        "From: =?utf-8?q?Wang=0ABo?= <a@example.com>\r\n"
        "Subject: =?utf-8?q?=E6=96=B0=1B=0A=E5=8C=BA?=\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n第一行\x00\r\n\t第二行\r\n"
    ).encode()

    parsed = parse_mail(raw)

    assert (parsed.sender_name, parsed.subject) == ("Wang Bo", "新 区")
    assert parsed.text == "第一行\n\t第二行"


def test_a_mail_without_message_id_is_known_by_its_bytes():
    raw = b"From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n"

    assert (
        parse_mail(raw).message_id
        == parse_mail(raw).message_id
        != parse_mail(raw + b"!").message_id
    )


def test_a_message_id_longer_than_its_column_is_kept_as_its_digest():
    raw = f"From: a@example.com\r\nMessage-ID: <{'x' * 1200}@example.com>\r\n\r\nbody\r\n".encode()

    assert len(parse_mail(raw).message_id) == 64
