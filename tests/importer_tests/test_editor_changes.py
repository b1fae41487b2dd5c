"""Importing again never overwrites what an editor changed, and skips pages that did not change."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import (
    Article,
    Authorship,
    Contributor,
    ImportedArticle,
    ImportedPage,
    Photo,
)
from importer.pages import Conflict, import_pages
from tests.factories import make_user

from .helpers import (
    PAGE_000,
    PAGE_002,
    SEED_FILES,
    SEEDS,
    copy_seed,
    load_zones,
    manifest_entry,
    run_import,
    write_manifest,
)

pytestmark = pytest.mark.django_db

CORRECTED = "华北水利水电大学专家组赴临汾经济开发区调研"


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _survey() -> Article:
    return Article.objects.get(source_file=PAGE_000, title__contains="华北水利水电大学")


def _correct_title(article: Article, title: str = CORRECTED) -> None:
    """What an editor does in the admin: change one field and save the piece."""
    article.title = title
    article.save()


def test_editors_title_survives_a_second_and_a_forced_import():
    load_zones()
    run_import()
    survey = _survey()
    _correct_title(survey)

    stdout, stderr = run_import()
    assert stderr == ""
    assert f"{PAGE_000}：已导入，未变化，跳过。" in stdout
    assert Article.objects.get(pk=survey.pk).title == CORRECTED

    stdout, stderr = run_import("--force")
    assert stderr == ""
    assert Article.objects.get(pk=survey.pk).title == CORRECTED
    position = survey.source_position
    assert f"冲突 {PAGE_000} 第{position}篇《{CORRECTED}》：编辑改过 标题，保留编辑的版本" in stdout
    assert "编辑改过未覆盖 1 篇" in stdout
    assert "1 篇稿件编辑改过，保留编辑的版本。" in stdout


def test_conflicts_are_in_the_report_objects():
    load_zones()
    run_import()
    survey = _survey()
    _correct_title(survey)
    Article.objects.filter(pk=survey.pk).update(body=survey.body + "\n\n编辑补充的一段。")

    outcome = import_pages([SEEDS / PAGE_000], force=True)

    (report,) = outcome.reports
    assert report.conflicts == [
        Conflict(PAGE_000, survey.source_position, CORRECTED, ("标题", "正文"))
    ]
    assert report.articles_unchanged == 7
    assert report.articles_updated == 0


def test_changed_page_updates_untouched_pieces_and_keeps_the_edited_one(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    survey = _survey()
    qixian = Article.objects.get(source_file=PAGE_000, title="全力打好争资金上项目主动战")
    _correct_title(survey)

    _edit(page, "华北水利水电大学在临汾经济开发区调研\n", "华北水利水电大学赴临汾经济开发区考察\n")
    _edit(page, "(李功)", "(李功 王明)")
    _edit(page, "已争取项目资金100万元。", "已争取项目资金120万元。")
    survey_body = survey.body
    stdout, stderr = run_import(page)

    assert stderr == ""
    assert "新建 0 篇，更新 1 篇，未变 6 篇，编辑改过未覆盖 1 篇" in stdout
    assert f"冲突 {PAGE_000} 第{survey.source_position}篇《{CORRECTED}》：编辑改过 标题" in stdout
    kept = Article.objects.get(pk=survey.pk)
    assert kept.title == CORRECTED
    assert kept.body == survey_body
    qixian.refresh_from_db()
    assert "已争取项目资金120万元。" in qixian.body
    assert qixian.author_names() == ["李功", "王明"]


def test_editors_authors_and_captions_are_kept():
    load_zones()
    run_import()
    photo = Photo.objects.get(caption="代王路项目建设现场。")
    photo.caption = "代王路项目建设现场（2025年4月）。"
    photo.save()
    survey = _survey()
    extra = Contributor.objects.create(name="赵编辑")
    Authorship.objects.create(article=survey, contributor=extra, order=9)

    stdout, _ = run_import("--force")

    photo.refresh_from_db()
    assert photo.caption == "代王路项目建设现场（2025年4月）。"
    assert "赵编辑" in survey.author_names()
    assert f"冲突 {PAGE_002} 第{photo.article.source_position}篇" in stdout
    assert "编辑改过 图片说明，" in stdout
    assert "编辑改过 作者，" in stdout


def test_a_save_that_only_turns_line_ends_into_crlf_is_not_a_change():
    """A browser posts a textarea with CRLF line ends; saving the admin form unchanged does so."""
    load_zones()
    run_import()
    survey = _survey()
    Article.objects.filter(pk=survey.pk).update(body=survey.body.replace("\n", "\r\n"))

    stdout, _ = run_import("--force")

    assert "冲突" not in stdout


def _cut_last_article(page) -> None:
    """Drop the page's last piece (祁县经济开发区 …) from the text."""
    text = page.read_text(encoding="utf-8")
    start = text.index("祁县经济开发区 全力打好争资金上项目主动战")
    page.write_text(text[:start], encoding="utf-8")


def test_piece_gone_from_the_page_is_deleted_when_nobody_changed_it(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    _cut_last_article(page)

    stdout, _ = run_import(page)

    assert not Article.objects.filter(title="全力打好争资金上项目主动战").exists()
    assert "删除版面上已不存在的 1 篇" in stdout
    assert Article.objects.filter(source_file=PAGE_000).count() == 7


def test_piece_gone_from_the_page_is_kept_when_an_editor_changed_it(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    qixian = Article.objects.get(source_file=PAGE_000, title="全力打好争资金上项目主动战")
    _correct_title(qixian, "祁县经开区全力打好争资金上项目主动战")
    _cut_last_article(page)

    stdout, _ = run_import(page)

    assert Article.objects.get(pk=qixian.pk).title == "祁县经开区全力打好争资金上项目主动战"
    assert "删除版面上已不存在" not in stdout
    assert (
        f"冲突 {PAGE_000} 第8篇《祁县经开区全力打好争资金上项目主动战》："
        "版面上已没有这一篇，但编辑改过 标题，未删除。"
    ) in stdout


def test_second_import_of_unchanged_pages_writes_nothing(django_assert_num_queries):
    load_zones()
    run_import()
    stamps = dict(Article.objects.values_list("pk", "updated_at"))

    # One look-up of each file's checksum among the imported pages, and nothing else.
    with django_assert_num_queries(len(SEED_FILES)) as queries:
        stdout, _ = run_import()

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert stdout.count("已导入，未变化，跳过。") == len(SEED_FILES)
    assert "共导入 0 个文件、0 篇稿件。5 个文件未变化，跳过。" in stdout
    assert dict(Article.objects.values_list("pk", "updated_at")) == stamps


def test_changed_manifest_entry_imports_the_page_again(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    entry = manifest_entry(PAGE_000)
    entry["page"] = 3
    write_manifest(tmp_path, [entry])

    stdout, _ = run_import(page)

    assert "跳过" not in stdout
    assert set(Article.objects.values_list("page", flat=True)) == {3}


def test_a_failed_page_stores_no_fingerprint(tmp_path, monkeypatch):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("写到一半失败")

    monkeypatch.setattr("editorial.workflow.publish_imported", broken)
    with pytest.raises(RuntimeError):
        run_import(page)

    assert not ImportedPage.objects.exists()
    assert not ImportedArticle.objects.exists()
    assert not Article.objects.exists()


def test_pieces_imported_before_fingerprints_were_kept_are_not_overwritten():
    """A database imported by an older importer has no fingerprints: differences are kept."""
    load_zones()
    run_import()
    ImportedArticle.objects.all().delete()
    ImportedPage.objects.all().delete()
    survey = _survey()
    _correct_title(survey)

    stdout, _ = run_import()

    assert Article.objects.get(pk=survey.pk).title == CORRECTED
    assert f"冲突 {PAGE_000} 第{survey.source_position}篇《{CORRECTED}》：编辑改过 标题" in stdout
    assert ImportedArticle.objects.count() == 27
    assert ImportedPage.objects.count() == 5


def test_fingerprint_covers_the_manifest_entry_as_read(tmp_path):
    """Reformatting the manifest (same values) does not make the page look changed."""
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    manifest = tmp_path / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")

    stdout, _ = run_import(page)

    assert f"{PAGE_000}：已导入，未变化，跳过。" in stdout


def test_new_piece_in_the_place_an_editor_gave_another_fails_the_page_cleanly(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    qixian = Article.objects.get(source_file=PAGE_000, source_position=8)
    qixian.position = 9
    qixian.save()
    with page.open("a", encoding="utf-8") as text:
        text.write("\n\n朔州经济开发区\n新增稿件的标题\n\n本刊讯 新增稿件的正文。\n\n(王明)\n")
    before = dict(Article.objects.values_list("pk", "updated_at"))

    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(page), stdout=out, stderr=err)

    assert f"导入失败 {PAGE_000}：写入时与库中已有的稿件冲突" in err.getvalue()
    assert dict(Article.objects.values_list("pk", "updated_at")) == before


def _change_form_data(response) -> dict:
    """The admin change form as a browser would post it back: every field as shown, textareas
    with CRLF line ends, files left as they are."""
    data = {}

    def add(form):
        for bound in form:
            value = bound.value()
            if value is None or hasattr(value, "url"):
                continue
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value).replace("\r\n", "\n").replace("\n", "\r\n")

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def test_title_corrected_in_the_admin_is_kept_and_only_the_title_is_named(client):
    load_zones()
    run_import()
    survey = _survey()
    client.force_login(make_user(superuser=True))
    change = reverse("admin:articles_article_change", args=[survey.pk])
    data = _change_form_data(client.get(change))
    data["title"] = CORRECTED

    response = client.post(change, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    stdout, _ = run_import("--force")
    assert Article.objects.get(pk=survey.pk).title == CORRECTED
    assert (
        f"冲突 {PAGE_000} 第{survey.source_position}篇《{CORRECTED}》：编辑改过 标题，保留"
        in stdout
    )
