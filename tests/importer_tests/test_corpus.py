"""The layout corpus (corpus/*.txt): pages the importer was not written from, read right.

Every field of every article is compared with the truth written by hand (corpus/truth.py),
every character of every page lands in exactly one place, and an import through the command
creates exactly the zones the pages name that the registry lacks, under their fullest names.
"""

import datetime
import shutil

import pytest

from articles.models import Article
from importer.layout import read_page
from zones.directory import ZoneDirectory
from zones.models import Zone

from .corpus.truth import ARTICLES, COLUMN_JOINS, CORPUS, FIELDS, LEFTOVERS, PAGES, Piece
from .helpers import bad_entry, load_zones, non_space, run_import, write_manifest

pytestmark = pytest.mark.django_db


def read(name: str):
    load_zones()
    return read_page((CORPUS / name).read_text(encoding="utf-8"), ZoneDirectory())


def as_piece(article) -> Piece:
    return Piece(
        zone=article.zone_name,
        is_new=bool(article.zone_name) and not article.zone_is_known,
        zone_label=article.zone_label,
        kicker=article.kicker,
        title=article.title,
        subtitle=article.subtitle,
        dateline=article.dateline,
        byline=article.byline,
        authors=article.authors,
        captions=[(caption.caption, caption.credit) for caption in article.captions],
        paragraphs=len(article.paragraphs),
    )


def test_every_page_of_the_corpus_has_its_truth():
    assert sorted(path.name for path in CORPUS.glob("*.txt")) == PAGES
    assert len(PAGES) >= 12
    assert set(LEFTOVERS) == set(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_every_field_of_every_article(name):
    page = read(name)
    got = [as_piece(article) for article in page.articles]
    expected = ARTICLES[name]
    assert [piece.title for piece in got] == [piece.title for piece in expected]
    for position, (piece, truth) in enumerate(zip(got, expected, strict=True), start=1):
        for field in FIELDS:
            assert getattr(piece, field) == getattr(truth, field), f"article {position}: {field}"


@pytest.mark.parametrize("name", PAGES)
def test_leftovers(name):
    page = read(name)
    assert [(left.text, left.reason) for left in page.leftovers] == LEFTOVERS[name]
    assert page.notes == []


@pytest.mark.parametrize("name", PAGES)
def test_every_character_placed_exactly_once(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    page = read(name)
    expected, got = non_space(text), non_space("".join(page.placed_texts()))
    assert not expected - got, f"lost: {''.join((expected - got).elements())[:80]!r}"
    assert not got - expected, f"doubled: {''.join((got - expected).elements())[:80]!r}"


@pytest.mark.parametrize(("name", "position", "phrase"), COLUMN_JOINS)
def test_column_breaks_are_joined(name, position, phrase):
    article = read(name).articles[position - 1]
    assert any(phrase in paragraph for paragraph in article.paragraphs)


def test_import_creates_the_new_zones_under_their_fullest_names(tmp_path):
    load_zones()
    known = set(Zone.objects.values_list("official_name", flat=True))
    entries = []
    for day, name in enumerate(PAGES, start=1):
        shutil.copyfile(CORPUS / name, tmp_path / name)
        entries.append(bad_entry(name, str(datetime.date(2031, 1, 1) + datetime.timedelta(day))))
    write_manifest(tmp_path, entries)

    stdout, stderr = run_import(tmp_path)

    assert stderr == ""
    total = sum(len(pieces) for pieces in ARTICLES.values())
    assert f"共导入 {len(PAGES)} 个文件、{total} 篇稿件。" in stdout
    new = {piece.zone for pieces in ARTICLES.values() for piece in pieces if piece.is_new}
    assert set(Zone.objects.unconfirmed().values_list("official_name", flat=True)) == new
    assert set(Zone.objects.values_list("official_name", flat=True)) == known | new
    for name, pieces in ARTICLES.items():
        for position, piece in enumerate(pieces, start=1):
            article = Article.objects.select_related("zone").get(
                source_file=name, source_position=position
            )
            assert (article.zone.official_name if article.zone else None) == piece.zone
            assert article.title == piece.title
