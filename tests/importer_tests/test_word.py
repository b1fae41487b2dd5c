"""A correspondent's .docx read into a piece's fields (importer/word.py)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from importer.word import MAX_BYTES, UnreadableDocument, read_word
from tests.factories import make_zone
from tests.portal_tests.helpers import jpeg_bytes
from tests.word_documents import PICTURE, word_document
from zones.directory import ZoneDirectory

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FIRST = "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工，总投资26.5亿元。"
SECOND = "开工项目涵盖新材料、装备制造和现代物流，预计年内全部落地。"


def read(data: bytes, name="稿件.docx"):
    return read_word(SimpleUploadedFile(name, data, content_type=DOCX), zones=ZoneDirectory())


def test_title_and_paragraphs():
    piece = read(word_document("介休经开区8个重点项目集中开工", FIRST, SECOND))

    assert piece.title == "介休经开区8个重点项目集中开工"
    assert (piece.kicker, piece.subtitle, piece.zone_name) == ("", "", "")
    assert piece.paragraphs == [FIRST, SECOND]
    assert piece.body == f"{FIRST}\n\n{SECOND}"
    assert piece.picture is None


def test_zone_line_kicker_title_and_subtitle_as_the_weekly_prints_them():
    make_zone(official_name="介休经济技术开发区", short_name="介休经开区")

    piece = read(
        word_document(
            "介休经济技术开发区",
            "抢抓施工黄金期 冲刺全年目标",
            "介休经开区8个重点项目集中开工",
            "——总投资26.5亿元",
            FIRST,
        )
    )

    assert piece.zone_name == "介休经济技术开发区"
    assert piece.kicker == "抢抓施工黄金期 冲刺全年目标"
    assert piece.title == "介休经开区8个重点项目集中开工"
    assert piece.subtitle == "——总投资26.5亿元"
    assert piece.paragraphs == [FIRST]


def test_a_line_set_as_title_with_a_short_line_after_it():
    piece = read(
        word_document("项目建设跑出加速度", "一线直击", FIRST, title_style="项目建设跑出加速度")
    )

    assert piece.title == "项目建设跑出加速度" and piece.kicker == ""
    assert piece.paragraphs == ["一线直击", FIRST]


def test_the_first_picture_with_its_credited_caption():
    photo = jpeg_bytes((300, 200))

    piece = read(
        word_document(
            "重点项目集中开工",
            FIRST,
            PICTURE,
            "开工仪式现场。介休经开区供图",
            SECOND,
            PICTURE,
            "第二张图片",
            picture=photo,
        )
    )

    assert piece.picture is not None and piece.picture.data == photo
    assert piece.caption == "开工仪式现场。" and piece.credit == "介休经开区供图"
    # Only the first picture is the piece's; the second's caption stays as the writer put it.
    assert piece.paragraphs == [FIRST, SECOND, "第二张图片"]


def test_a_caption_without_credit_at_the_end():
    piece = read(word_document("重点项目集中开工", FIRST, PICTURE, "开工仪式现场"))

    assert piece.caption == "开工仪式现场" and piece.credit == ""
    assert piece.paragraphs == [FIRST]


def test_a_document_without_a_headline_shaped_first_line_has_no_title():
    piece = read(word_document(FIRST, SECOND))

    assert piece.title == ""
    assert piece.paragraphs == [FIRST, SECOND]


def test_an_old_word_or_wps_file_is_refused_with_how_to_save_it_as_docx():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000

    with pytest.raises(UnreadableDocument) as refused:
        read(ole2, name="稿件.wps")

    assert "另存为" in str(refused.value) and ".docx" in str(refused.value)


@pytest.mark.parametrize(
    "data", [b"just text", b"PK\x03\x04broken zip", b"", jpeg_bytes()], ids=repr
)
def test_a_file_that_is_no_word_document_is_refused_in_chinese(data):
    with pytest.raises(UnreadableDocument) as refused:
        read(data)

    assert "不是 Word 文档" in str(refused.value)


def test_a_document_without_text_is_refused():
    with pytest.raises(UnreadableDocument) as refused:
        read(word_document("", ""))

    assert "没有文字" in str(refused.value)


def test_a_document_over_the_upload_limit_is_refused_unread():
    upload = SimpleUploadedFile("大.docx", b"PK" + b"0" * MAX_BYTES, content_type=DOCX)

    with pytest.raises(UnreadableDocument) as refused:
        read_word(upload, zones=ZoneDirectory())

    assert "10 MB" in str(refused.value)


def test_a_small_document_that_unpacks_to_gigabytes_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/media/bomb.bin", b"\0" * (70 * 1024 * 1024))

    with pytest.raises(UnreadableDocument) as refused:
        read(buffer.getvalue())

    assert len(buffer.getvalue()) < 200_000
    assert "解开后太大" in str(refused.value)
