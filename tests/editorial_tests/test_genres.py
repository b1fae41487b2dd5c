"""A piece's genre when nobody has named it (editorial/genres.py)."""

import pytest

from articles.models import Genre
from editorial.genres import FEATURE_MIN_CHARACTERS, infer_genre

SHORT = "朔州经济开发区上半年财政总收入同比增长10.42%。"
LONG = "园" * FEATURE_MIN_CHARACTERS


def genre(*, title="借博士团之智 实现玉米增产", subtitle="", dateline="", body=SHORT):
    return infer_genre(title=title, subtitle=subtitle, dateline=dateline, body=body)


def test_survey_when_the_title_or_subtitle_says_so():
    assert genre(title="全省开发区上半年工作综述", body=LONG) == Genre.SURVEY
    assert genre(subtitle="——朔州经济开发区经济社会发展综述", body=LONG) == Genre.SURVEY
    assert genre(subtitle="——综述", dateline="本刊讯") == Genre.SURVEY


def test_datelined_piece_is_news_however_long():
    assert genre(dateline="本刊讯", body=LONG) == Genre.NEWS


def test_short_piece_is_news():
    assert genre(body=SHORT) == Genre.NEWS


def test_long_piece_without_dateline_is_a_feature():
    assert genre(body=LONG) == Genre.FEATURE


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("园" * (FEATURE_MIN_CHARACTERS - 1), Genre.NEWS),
        ("园" * FEATURE_MIN_CHARACTERS, Genre.FEATURE),
        # Punctuation and spaces do not count, as editors count.
        ("园，" * (FEATURE_MIN_CHARACTERS - 1), Genre.NEWS),
        ("园 " * (FEATURE_MIN_CHARACTERS - 1), Genre.NEWS),
    ],
    ids=["one short", "exactly enough", "punctuation", "spaces"],
)
def test_length_as_editors_count_it(body, expected):
    assert genre(body=body) == expected


def test_the_threshold_is_a_thousand_characters():
    assert FEATURE_MIN_CHARACTERS == 1000
