"""The editorial rule for a piece's genre when nobody has named it: the only place it lives.

An imported page does not print its pieces' genres, so the desk's rule decides: 综述 when the
heading says so, 消息 for a datelined piece (科学导报讯, 本刊讯) or a short one, otherwise 通讯.
"""

from articles.models import Genre
from articles.text import count_characters

# An undatelined piece this long or longer, counted as editors count (articles.text), is 通讯.
FEATURE_MIN_CHARACTERS = 1000


def infer_genre(*, title: str, subtitle: str, dateline: str, body: str) -> Genre:
    """综述 when the title or subtitle says so; 消息 for a datelined or short piece; else 通讯."""
    if "综述" in subtitle or "综述" in title:
        return Genre.SURVEY
    if dateline or count_characters(body) < FEATURE_MIN_CHARACTERS:
        return Genre.NEWS
    return Genre.FEATURE
