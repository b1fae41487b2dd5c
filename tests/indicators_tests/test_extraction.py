"""Extraction on publication (editorial.workflow's pieces_published, after the commit) and for
the whole archive by `extract_figures`; reviewed figures survive both."""

import datetime
import io

import pytest
from django.core.management import call_command

from articles.models import Status
from editorial.workflow import publish_imported, publish_issue
from indicators.models import ExtractedFigure, Indicator, Review
from tests.factories import make_article, make_editor, make_issue, make_zone

pytestmark = pytest.mark.django_db

BODY = "截至3月底，该区一般公共预算收入实现2.6亿元，同比增长9.28%；其中税收收入完成2.4亿元。"


def scheduled_piece(**fields):
    issue = make_issue(date=datetime.date(2024, 4, 16))
    return make_article(
        body=BODY, issue=issue, page=1, position=1, status=Status.SCHEDULED, **fields
    )


def test_publishing_an_issue_extracts_its_pieces_figures_after_the_commit(
    django_capture_on_commit_callbacks,
):
    piece = scheduled_piece(zone=make_zone(official_name="大同经济技术开发区"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_issue(issue=piece.issue, by=make_editor())
    assert not ExtractedFigure.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()
    figures = ExtractedFigure.objects.filter(article=piece).order_by("indicator__position")
    assert [(f.indicator.name, f.period_label, f.review) for f in figures] == [
        ("一般公共预算收入", "2024年一季度", "待核"),
        ("税收收入", "2024年一季度", "待核"),
    ]
    assert {f.zone.official_name for f in figures} == {"大同经济技术开发区"}


def test_publishing_imported_pieces_extracts_them(django_capture_on_commit_callbacks):
    piece = scheduled_piece()
    with django_capture_on_commit_callbacks(execute=True):
        publish_imported([piece.pk])
    assert ExtractedFigure.objects.filter(article=piece).count() == 2


def test_the_command_reads_the_whole_archive_and_keeps_reviewed_figures():
    piece = make_article(body=BODY, issue=make_issue(date=datetime.date(2024, 4, 16)))
    make_article(body="没有数字的稿件。", issue=make_issue())
    make_article(body=BODY, status=Status.DRAFT)  # not published: not read
    out = io.StringIO()
    call_command("extract_figures", stdout=out)
    assert "已处理 2/2 篇稿件" in out.getvalue() and "识别出 2 条数据" in out.getvalue()
    confirmed = ExtractedFigure.objects.get(indicator__name="税收收入")
    ExtractedFigure.objects.filter(pk=confirmed.pk).update(review=Review.CONFIRMED, value=1)

    call_command("extract_figures", stdout=io.StringIO())

    assert ExtractedFigure.objects.filter(article=piece).count() == 2
    confirmed.refresh_from_db()
    assert confirmed.review == Review.CONFIRMED and confirmed.value == 1  # the editor's stays


def test_the_command_dry_run_writes_nothing():
    make_article(body=BODY, issue=make_issue(date=datetime.date(2024, 4, 16)))
    out = io.StringIO()
    call_command("extract_figures", "--dry-run", stdout=out)
    assert "试运行" in out.getvalue() and "识别出 2 条数据" in out.getvalue()
    assert not ExtractedFigure.objects.exists()


def test_a_catalogue_extended_by_an_editor_is_read_by_the_next_run():
    make_article(
        body="上半年，利用外资完成3000万元。", issue=make_issue(date=datetime.date(2024, 8, 6))
    )
    call_command("extract_figures", stdout=io.StringIO())
    assert not ExtractedFigure.objects.exists()
    Indicator.objects.filter(name="实际利用外资").update(variants="实际使用外资\n利用外资")
    call_command("extract_figures", stdout=io.StringIO())
    [figure] = ExtractedFigure.objects.all()
    assert (figure.indicator.name, figure.value, figure.period_label) == (
        "实际利用外资",
        30_000_000,
        "2024年上半年",
    )


def test_a_figure_an_editor_corrected_is_not_read_again_as_pending(client):
    make_article(body=BODY, issue=make_issue(date=datetime.date(2024, 4, 16)))
    call_command("extract_figures", stdout=io.StringIO())
    figure = ExtractedFigure.objects.get(indicator__name="税收收入")
    client.force_login(make_editor())
    client.post(
        f"/admin/indicators/extractedfigure/{figure.pk}/change/",
        {
            "indicator": figure.indicator_id,
            "value": "240000000",
            "change": "",
            "period_start": "2024-01-01",
            "period_end": "2024-02-29",
        },
    )
    figure.refresh_from_db()
    assert (figure.review, figure.period_label) == (Review.CORRECTED, "2024年1-2月")

    call_command("extract_figures", stdout=io.StringIO())

    assert list(
        ExtractedFigure.objects.filter(indicator__name="税收收入").values_list("review", flat=True)
    ) == [Review.CORRECTED]
