"""导入版面 in the admin: upload, preview (nothing written), confirm, result; cancel; steps."""

import datetime
import json

import pytest
from django.utils import timezone

from articles.models import Article, ImportedPage, Issue, Status
from importer import staging
from importer.models import StagedImport, StagedPage
from tests.factories import make_editor
from zones.models import Zone

from .admin_uploads import (
    cancel_url,
    confirm_url,
    preview_url,
    result_url,
    seed_file,
    step_url,
    upload,
    zip_file,
)
from .helpers import PAGE_000, PAGE_002, SEED_FILES, load_zones, manifest_data, seed_path

pytestmark = pytest.mark.django_db

SURVEY_TITLE = "华北水利水电大学在临汾经济开发区调研"


@pytest.fixture
def editor(client):
    load_zones()
    user = make_editor("editor_import")
    client.force_login(user)
    return user


def _uploaded(client, *names):
    response = upload(client, *[seed_file(name) for name in names])
    assert response.status_code == 302, response.content.decode()
    staged = StagedImport.objects.get()
    assert response.url == preview_url(staged)
    return staged


def test_preview_shows_how_each_page_was_read_and_writes_nothing(client, editor):
    zones_before = Zone.objects.count()
    staged = _uploaded(client, PAGE_000, PAGE_002)

    html = client.get(preview_url(staged)).content.decode()

    assert "现在还没有写入任何内容" in html
    assert PAGE_000 in html and PAGE_002 in html
    assert SURVEY_TITLE in html
    assert "临汾经济开发区" in html
    assert "质量报告" in html and "无署名稿件" in html and "疑似截断" in html
    assert "潇河新兴产业园区" in html and "（新建）" in html
    assert "2031年3月4日 第1版" in html and "2031年3月4日 第2版" in html
    assert not Article.objects.exists()
    assert not Issue.objects.exists()
    assert not ImportedPage.objects.exists()
    assert Zone.objects.count() == zones_before
    assert StagedPage.objects.count() == 2


def test_confirm_imports_every_page_and_the_result_links_each_new_article(client, editor):
    staged = _uploaded(client, PAGE_000, PAGE_002)
    preview = client.get(preview_url(staged)).content.decode()

    response = client.post(confirm_url(staged))

    assert response.status_code == 302 and response.url == result_url(staged)
    articles = Article.objects.filter(source_file__in=[PAGE_000, PAGE_002])
    assert articles.count() == 8 + 6
    assert set(articles.values_list("page", flat=True)) == {1, 2}
    assert set(articles.values_list("issue__date", flat=True)) == {datetime.date(2031, 3, 4)}
    assert Zone.objects.filter(official_name="潇河新兴产业园区", confirmed=False).exists()
    html = client.get(result_url(staged)).content.decode()
    assert "已导入 2 / 2 个版面" in html
    for article in articles:
        assert f'href="/admin/articles/article/{article.pk}/change/"' in html
        assert article.status == Status.PUBLISHED
        assert f'href="{article.get_absolute_url()}"' in html
    # The preview announced what the confirm did.
    assert "确认后：新建 8 篇" in preview and "确认后：新建 6 篇" in preview
    assert "本次导入：新建 8 篇" in html and "本次导入：新建 6 篇" in html


def test_a_confirmed_upload_previews_no_more(client, editor):
    staged = _uploaded(client, PAGE_000)
    client.post(confirm_url(staged))

    response = client.get(preview_url(staged))

    assert response.status_code == 302 and response.url == result_url(staged)


def test_confirm_by_steps_imports_one_page_per_request(client, editor):
    staged = _uploaded(client, PAGE_000, PAGE_002)

    started = client.post(confirm_url(staged), {"by_step": "1"}).json()
    assert (started["done"], started["total"], started["finished"]) == (0, 2, False)
    assert not Article.objects.exists()

    first = client.post(step_url(staged)).json()
    assert (first["done"], first["finished"]) == (1, False)
    assert Article.objects.filter(source_file=PAGE_000).count() == 8
    assert not Article.objects.filter(source_file=PAGE_002).exists()

    second = client.post(step_url(staged)).json()
    assert (second["done"], second["finished"]) == (2, True)
    assert second["result_url"] == result_url(staged)

    again = client.post(step_url(staged)).json()
    assert again["done"] == 2
    assert Article.objects.count() == 14


def test_a_step_before_the_confirm_imports_nothing(client, editor):
    staged = _uploaded(client, PAGE_000)

    answer = client.post(step_url(staged)).json()

    assert answer["done"] == 0
    assert not Article.objects.exists()


def test_an_interrupted_import_goes_on_from_the_result_page(client, editor):
    staged = _uploaded(client, PAGE_000, PAGE_002)
    client.post(confirm_url(staged), {"by_step": "1"})
    client.post(step_url(staged))

    html = client.get(result_url(staged)).content.decode()
    assert "已导入 1 / 2 个版面" in html and "还有 1 个版面未导入" in html
    assert "尚未导入" in html

    client.post(confirm_url(staged))
    assert Article.objects.count() == 14
    assert "已导入 2 / 2 个版面" in client.get(result_url(staged)).content.decode()


def test_cancel_drops_the_upload_and_writes_nothing(client, editor):
    staged = _uploaded(client, PAGE_000)

    response = client.post(cancel_url(staged), follow=True)

    assert "已取消导入，未写入任何内容" in response.content.decode()
    assert not StagedImport.objects.exists() and not StagedPage.objects.exists()
    assert not Article.objects.exists()


def test_a_confirmed_upload_cannot_be_cancelled(client, editor):
    staged = _uploaded(client, PAGE_000)
    client.post(confirm_url(staged))

    response = client.post(cancel_url(staged), follow=True)

    assert "已确认导入，不能取消" in response.content.decode()
    assert Article.objects.filter(source_file=PAGE_000).count() == 8


def test_an_editor_sees_only_their_own_uploads(client, editor):
    staged = _uploaded(client, PAGE_000)
    client.force_login(make_editor("another_editor"))

    for response in (
        client.get(preview_url(staged)),
        client.post(confirm_url(staged)),
        client.post(cancel_url(staged)),
        client.get(result_url(staged)),
    ):
        assert response.status_code == 404
    assert not Article.objects.exists()
    assert StagedImport.objects.count() == 1


def test_pages_of_a_zip_take_their_issue_from_its_manifest(client, editor):
    manifest = manifest_data()
    members = {f"seiten/{name}": seed_path(name).read_bytes() for name in SEED_FILES[:3]}
    members["seiten/manifest.json"] = json.dumps(manifest).encode()
    response = upload(client, zip_file("pages.zip", members), issue_date="")
    staged = StagedImport.objects.get()
    assert response.url == preview_url(staged)

    client.post(confirm_url(staged))

    dates = dict(Article.objects.values_list("source_file", "issue__date").distinct())
    assert dates == {
        SEED_FILES[0]: datetime.date(2023, 7, 11),
        SEED_FILES[1]: datetime.date(2024, 4, 16),
        SEED_FILES[2]: datetime.date(2025, 4, 29),
    }


def test_a_page_imported_before_is_previewed_again_with_its_pieces_unchanged(client, editor):
    staged = _uploaded(client, PAGE_000)
    client.post(confirm_url(staged))
    again = _uploaded_again(client, PAGE_000)

    html = client.get(preview_url(again)).content.decode()

    assert "确认后：新建 0 篇，更新 0 篇，未变 8 篇" in html


def _uploaded_again(client, name):
    upload(client, seed_file(name))
    return StagedImport.objects.order_by("-pk").first()


def test_stale_uploads_are_cleaned_up_at_the_next_upload(client, editor):
    old = _uploaded(client, PAGE_000)
    StagedImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - staging.STALE_AFTER - datetime.timedelta(minutes=1)
    )
    recent = _uploaded_again(client, PAGE_002)

    assert list(StagedImport.objects.all()) == [recent]
    assert client.get(preview_url(old)).status_code == 404


def test_other_files_of_a_zip_are_named_as_left_out(client, editor):
    members = {PAGE_000: seed_path(PAGE_000).read_bytes(), "说明/README.md": b"# pages"}

    response = upload(client, zip_file("pages.zip", members), follow=True)

    html = response.content.decode()
    assert "以下文件不是版面文件，未导入：pages.zip 中的 说明/README.md。" in html
    assert StagedImport.objects.get().pages.get().file_name == PAGE_000
