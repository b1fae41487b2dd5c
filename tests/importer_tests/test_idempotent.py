"""Importing again changes nothing; importing a corrected page updates it in place.

What an editor changed is kept: see test_editor_changes.py.
"""

import pytest

from articles.models import (
    Article,
    Authorship,
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from zones.models import Zone, ZoneAlias

from .helpers import PAGE_000, PAGE_002, SEED_FILES, copy_seed, load_zones, run_import

pytestmark = pytest.mark.django_db

MODELS = [
    Article,
    Authorship,
    Contributor,
    Photo,
    Zone,
    ZoneAlias,
    Issue,
    CallForPapers,
    CallTheme,
    CallGenre,
    CallReward,
    CallContact,
    ImportLeftover,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def article_keys() -> dict[tuple[str, int], int]:
    return {
        (file, position): pk
        for pk, file, position in Article.objects.values_list(
            "pk", "source_file", "source_position"
        )
    }


def snapshot() -> dict:
    return {
        "counts": counts(),
        "articles": article_keys(),
        "photos": sorted(Photo.objects.values_list("pk", "article_id", "caption", "credit")),
        "leftovers": sorted(ImportLeftover.objects.values_list("pk", "line_number", "text")),
        "themes": sorted(CallTheme.objects.values_list("pk", "number", "name")),
        "authorships": sorted(
            Authorship.objects.values_list("article_id", "contributor_id", "order")
        ),
        "zones": sorted(Zone.objects.values_list("pk", "official_name", "confirmed")),
        "texts": sorted(
            Article.objects.values_list("pk", "kicker", "title", "subtitle", "body", "byline")
        ),
    }


def test_second_import_of_seeds_changes_nothing():
    load_zones()
    run_import()
    first = snapshot()
    assert first["counts"]["Article"] == 28
    stdout, stderr = run_import()
    assert stderr == ""
    second = snapshot()
    assert second == first
    for name in SEED_FILES:
        assert f"{name}：已导入，未变化，跳过。" in stdout
    assert "新发现、待核实的开发区" not in stdout


def test_forced_import_of_unchanged_seeds_changes_nothing():
    load_zones()
    run_import()
    first = snapshot()
    stdout, stderr = run_import("--force")
    assert stderr == ""
    assert snapshot() == first
    assert "新建 0 篇，更新 0 篇，未变 8 篇" in stdout
    assert "跳过" not in stdout
    assert "新发现、待核实的开发区" not in stdout


def test_reloading_zones_between_imports_changes_nothing():
    load_zones()
    run_import()
    first = snapshot()
    load_zones()
    run_import()
    assert snapshot() == first
    assert Zone.objects.filter(official_name="潇河新兴产业园区").count() == 1


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_changed_title_and_body_update_articles_in_place(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    before = snapshot()
    survey = Article.objects.get(source_file=PAGE_000, title__contains="华北水利水电大学")
    qixian = Article.objects.get(source_file=PAGE_000, title="全力打好争资金上项目主动战")
    yanhu = Article.objects.get(source_file=PAGE_000, title__contains="筑牢党建根基")

    _edit(page, "华北水利水电大学在临汾经济开发区调研\n", "华北水利水电大学赴临汾经济开发区考察\n")
    _edit(page, "已争取项目资金100万元。", "已争取项目资金120万元。")
    # A sentence of the first half of the split article, far above its heading.
    _edit(page, "共有党员328名", "共有党员330名")
    stdout, stderr = run_import(page)

    assert stderr == ""
    assert "新建 0 篇，更新 3 篇，未变 5 篇" in stdout
    after = snapshot()
    assert after["counts"] == before["counts"]
    assert after["articles"] == before["articles"]
    assert after["authorships"] == before["authorships"]

    survey_now = Article.objects.get(pk=survey.pk)
    assert survey_now.title == "华北水利水电大学赴临汾经济开发区考察"
    assert survey_now.body == survey.body
    assert survey_now.zone == survey.zone

    qixian_now = Article.objects.get(pk=qixian.pk)
    assert "已争取项目资金120万元。" in qixian_now.body
    assert "已争取项目资金100万元。" not in qixian_now.body
    assert qixian_now.title == qixian.title

    yanhu_now = Article.objects.get(pk=yanhu.pk)
    assert "共有党员330名" in yanhu_now.body
    assert "共有党员328名" not in yanhu_now.body

    assert not Article.objects.filter(title="华北水利水电大学在临汾经济开发区调研").exists()
    unchanged = set(before["texts"]) & set(after["texts"])
    assert len(unchanged) == 5  # the other five articles are untouched


def test_changed_caption_updates_photo_in_place(tmp_path):
    load_zones()
    page = copy_seed(PAGE_002, tmp_path)
    run_import(page)
    photo = Photo.objects.get(caption="代王路项目建设现场。")
    before = counts()
    _edit(page, "代王路项目建设现场。山西转型综改区供图", "代王路项目施工现场。山西转型综改区供图")
    run_import(page)
    assert counts() == before
    photo.refresh_from_db()
    assert photo.caption == "代王路项目施工现场。"
    assert photo.credit == "山西转型综改区供图"


def test_changed_byline_replaces_authorship_not_article(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    article = Article.objects.get(source_file=PAGE_000, title__contains="华北水利水电大学")
    articles_before = article_keys()
    _edit(page, "(白静)", "(白静 李明)")
    run_import(page)
    assert article_keys() == articles_before
    article.refresh_from_db()
    assert article.byline == "(白静 李明)"
    assert article.author_names() == ["白静", "李明"]
    assert Contributor.objects.filter(name="白静").count() == 1
