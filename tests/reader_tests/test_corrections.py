"""Readers see a correction (更正) on the piece's page, above its text, and in its feed entry."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from editorial.corrections import add_correction
from tests.factories import make_article, make_editor, make_issue

pytestmark = pytest.mark.django_db

NOTICE = "本文第一段“2亿元”应为“3亿元”。"
TODAY = datetime.date(2026, 11, 29)


@pytest.fixture
def piece():
    return make_article(
        title="太原经开区重点项目开工",
        body="投资2亿元建成投产。\n\n第二段。",
        issue=make_issue(date=datetime.date(2026, 11, 24)),
        page=1,
        position=1,
    )


def correct(piece, **text):
    correction = add_correction(article=piece, by=make_editor(), notice=NOTICE, **text)
    correction.published_on = TODAY
    correction.save(update_fields=["published_on"])
    return correction


def test_the_article_page_shows_the_dated_correction_above_the_text(client, piece):
    correct(piece, body="投资3亿元建成投产。\n\n第二段。")

    html = client.get(piece.get_absolute_url()).content.decode()

    assert f'更正（<time datetime="2026-11-29">2026年11月29日</time>）：</strong>{NOTICE}' in html
    assert html.index(NOTICE) < html.index('class="story-body"')
    assert "投资3亿元建成投产" in html


def test_the_feed_entry_carries_the_notice_and_the_correction_date(client, piece):
    correction = correct(piece)

    root = ET.fromstring(client.get(reverse("reader:feed")).content)

    (item,) = root.find("channel").findall("item")
    assert item.findtext("description") == f"更正（2026年11月29日）：{NOTICE}\n投资2亿元建成投产。"
    # RSS 2.0 items have no update date: the channel's lastBuildDate is the correction's.
    last_build = parsedate_to_datetime(root.find("channel").findtext("lastBuildDate"))
    assert last_build == correction.created_at.replace(microsecond=0)


def test_a_cached_article_page_shows_a_correction_on_the_next_request(
    client, settings, piece, django_capture_on_commit_callbacks
):
    settings.KFQ_PAGE_CACHE_SECONDS = 86400
    cache.clear()
    assert NOTICE not in client.get(piece.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        correct(piece)

    assert NOTICE in client.get(piece.get_absolute_url()).content.decode()
    cache.clear()
