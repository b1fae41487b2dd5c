"""导入版面 refuses bad uploads with a clear Chinese message and keeps nothing."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from importer.decoding import MAX_PAGE_BYTES
from importer.models import StagedImport
from importer.uploads import MAX_UNPACKED_BYTES
from tests.factories import make_editor

from .admin_uploads import seed_file, text_file, upload, zip_file
from .helpers import PAGE_000, PAGE_002, load_zones, seed_path, seed_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    load_zones()
    client.force_login(make_editor("editor_upload"))


def _refused(response, *messages):
    assert response.status_code == 200
    html = response.content.decode()
    assert "上传的文件未能导入，未保存任何内容" in html
    for message in messages:
        assert message in html, message
    assert not StagedImport.objects.exists()
    assert not Article.objects.exists()


def test_a_file_that_is_neither_utf8_nor_gb18030(client, editor):
    data = b"\xff\xfe\xfa" * 40 + b"\x80\x81\xfe\xff"
    _refused(upload(client, text_file("bad.txt", data)), "bad.txt：无法识别文件编码")


def test_a_gb18030_page_is_read(client, editor):
    data = seed_text(PAGE_000).encode("gb18030")

    response = upload(client, text_file(PAGE_000, data))

    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "华北水利水电大学在临汾经济开发区调研" in html


def test_an_empty_file(client, editor):
    _refused(upload(client, text_file("empty.txt", b" \n\n")), "empty.txt：文件为空。")


def test_a_binary_file_named_txt(client, editor):
    _refused(
        upload(client, text_file("photo.txt", b"\x89PNG\x00\x00")), "photo.txt：这是二进制文件"
    )


def test_a_page_over_the_size_limit(client, editor):
    data = "正文。".encode() * (MAX_PAGE_BYTES // 9 + 1)
    _refused(upload(client, text_file("huge.txt", data)), "huge.txt：文件过大")


def test_a_file_of_another_kind(client, editor):
    upload_file = SimpleUploadedFile("page.docx", b"PK\x03\x04")
    _refused(upload(client, upload_file), "page.docx：只能上传 .txt 版面文件或 .zip 压缩包。")


def test_no_file_at_all(client, editor):
    response = upload(client)
    assert "请选择要导入的版面文件" in response.content.decode()
    assert not StagedImport.objects.exists()


def test_pages_without_a_date_or_a_manifest(client, editor):
    response = upload(client, seed_file(PAGE_000), issue_date="")
    _refused(response, f"请填写出版日期：{PAGE_000} 没有期次信息")


def test_one_bad_file_refuses_the_whole_upload(client, editor):
    response = upload(client, seed_file(PAGE_000), text_file("empty.txt", b"\n\n"))
    _refused(response, "empty.txt：文件为空。")


def test_two_files_of_the_same_name(client, editor):
    members = {PAGE_000: seed_path(PAGE_000).read_bytes()}
    response = upload(client, seed_file(PAGE_000), zip_file("pages.zip", members))
    _refused(response, f"有两个文件都叫 {PAGE_000}")


def test_a_zip_with_no_page_in_it(client, editor):
    members = {"README.md": b"# pages", "photo.jpg": b"\xff\xd8"}
    _refused(
        upload(client, zip_file("pages.zip", members)), "pages.zip：压缩包中没有 .txt 版面文件。"
    )


def test_a_broken_zip(client, editor):
    broken = SimpleUploadedFile("pages.zip", b"PK\x03\x04 this is not a zip")
    _refused(upload(client, broken), "pages.zip：不是有效的 zip 压缩包，或已损坏。")


@pytest.mark.parametrize("name", ["../../etc/cron.d/page.txt", "/tmp/page.txt", "C:/page.txt"])
def test_a_zip_whose_names_climb_out_or_are_absolute(client, editor, name):
    members = {name: seed_path(PAGE_000).read_bytes()}
    response = upload(client, zip_file("pages.zip", members))
    _refused(response, "含有绝对路径或“..”，整个压缩包不予导入")


def test_a_zip_bomb_member_is_refused_before_it_is_unpacked(client, editor):
    members = {"bomb.txt": b"0" * (MAX_PAGE_BYTES * 3)}
    bomb = zip_file("bomb.zip", members)
    assert bomb.size < MAX_PAGE_BYTES // 100
    _refused(upload(client, bomb), "bomb.zip 中的 bomb.txt：文件过大")


def test_a_zip_that_unpacks_to_too_much(client, editor):
    count = MAX_UNPACKED_BYTES // MAX_PAGE_BYTES + 1
    members = {f"{n:03}.txt": b"1" * MAX_PAGE_BYTES for n in range(count)}
    _refused(upload(client, zip_file("many.zip", members)), "many.zip：压缩包解压后过大")


def test_a_zip_whose_manifest_does_not_describe_a_page(client, editor):
    members = {
        PAGE_000: seed_path(PAGE_000).read_bytes(),
        PAGE_002: seed_path(PAGE_002).read_bytes(),
        "manifest.json": json.dumps(
            {"pages": [{"file": PAGE_000, "page": 1, "issue": {"date": "2023-07-11"}}]}
        ).encode(),
    }
    response = upload(client, zip_file("pages.zip", members), issue_date="")
    _refused(response, f"{PAGE_002}：压缩包的 manifest.json 中没有这个文件的期次信息。")


def test_a_zip_with_a_broken_manifest(client, editor):
    members = {PAGE_000: seed_path(PAGE_000).read_bytes(), "manifest.json": b"{not json"}
    _refused(upload(client, zip_file("pages.zip", members)), "manifest.json 无法读取")


def test_a_zip_made_on_chinese_windows_keeps_its_chinese_names(client, editor):
    # A name written in GBK without the UTF-8 flag, as such a zip stores it.
    gbk_name = "第一版.txt".encode("gbk")
    placeholder = "Q" * len(gbk_name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(placeholder), seed_path(PAGE_000).read_bytes())
    data = buffer.getvalue().replace(placeholder.encode(), gbk_name)
    response = upload(client, SimpleUploadedFile("pages.zip", data))

    assert response.status_code == 302
    assert StagedImport.objects.get().pages.get().file_name == "第一版.txt"
