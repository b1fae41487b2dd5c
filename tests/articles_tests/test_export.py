import io
import json

import pytest
from django.core.management import call_command

from articles.models import Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db

KEYS = {
    "title",
    "kicker",
    "subtitle",
    "zone",
    "authors",
    "issue_date",
    "issue_title",
    "page",
    "genre",
    "theme",
    "status",
    "source",
    "body",
    "captions",
}


def export(*args) -> list[dict]:
    out = io.StringIO()
    call_command("export_articles", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def seeded():
    call_command("load_zones", stdout=io.StringIO())
    call_command("import_seeds", stdout=io.StringIO())


def test_export_gives_one_line_per_seed_article_with_stable_keys(seeded):
    records = export()

    assert len(records) == 28
    assert all(set(record) == KEYS for record in records)
    assert {record["status"] for record in records} == {"published"}
    assert all(record["source"].endswith(".txt") for record in records)


def test_export_zones_titles_and_authors_are_right(seeded):
    by_title = {record["title"]: record for record in export()}

    first = by_title["上半年财政总收入同比增长10.42%"]
    assert first["zone"] == "朔州经济开发区"
    assert first["authors"] == ["麻洁琼"]
    assert first["issue_date"] == "2023-07-11"

    two_authors = by_title["沁源经开区中小企业园首个落地的采矿配件项目开始试生产"]
    assert two_authors["zone"] == "沁源经济技术开发区"
    assert two_authors["authors"] == ["常珍珍", "张帆"]

    feature = by_title["又踏层峰望眼开 风起经开立潮头"]
    assert feature["subtitle"] == "——朔州经济开发区经济社会发展综述"
    assert feature["issue_title"] == "两会特刊·开发区篇"
    assert feature["genre"] == "综述"
    assert len(feature["captions"]) == 17

    road = by_title["施工稳步推进 确保按时建成投运"]
    assert road["kicker"] == "潇河新兴产业园区代王路项目"
    assert road["zone"] == "潇河新兴产业园区"
    assert road["captions"] == [{"caption": "代王路项目建设现场。", "credit": "山西转型综改区供图"}]

    unsigned = by_title["大兴调查研究之风 提升发展决策水平"]
    assert unsigned["authors"] == []
    assert unsigned["zone"] == "武乡现代农业产业示范区"


def test_export_of_an_article_without_zone_or_issue_uses_nulls():
    make_article(zone=None, title="无开发区的稿件", status=Status.DRAFT)

    (record,) = export()

    assert record["zone"] is None
    assert record["issue_date"] is None
    assert record["source"] is None
    assert record["status"] == "draft"


def test_published_only_leaves_out_other_states():
    make_article(title="已刊发")
    make_article(title="草稿", status=Status.DRAFT)

    assert [record["title"] for record in export("--published-only")] == ["已刊发"]
