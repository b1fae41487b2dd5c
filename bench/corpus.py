"""A synthetic published archive, built from the seed pages, for the benchmark and load tests.

Each synthetic article reuses a run of 3 to 8 consecutive paragraphs of one seed piece (or of
two, when one is short) verbatim: the search index segments each distinct paragraph once, so a
large corpus indexes quickly. Seed pieces are drawn with equal chance whatever their length, so
a word from one seed piece occurs in a few percent of the corpus, as a topic does in a real
archive; a long survey does not spread its zone's name over half of it. Only a short text is
the article's own: a title made of seed headline fragments and the zone's name, and a one-line
lead naming the zone and the date. Zone, issue, page, genre and authors vary independently.
A share of the pieces answer the current call for papers under one of its themes, so the
theme listings have an archive's worth of pieces to page through.

Synthetic rows are recognisable and removed by clear_corpus(): articles carry source_file
"synthetic/<issue date>" with their place on that page as source_position; their contributors
carry CONTRIBUTOR_NOTE; their issues are weeks before the first existing issue, created only for
them. Pieces are published through workflow.publish_imported(), as imported pages are, which
also indexes them for search.
"""

import random
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice

from django.db import transaction
from django.utils import timezone

from articles.models import Article, Authorship, CallTheme, Contributor, Genre, Issue
from editorial import workflow
from search import segmentation
from zones.models import Zone

SOURCE_PREFIX = "synthetic/"
CONTRIBUTOR_NOTE = "合成语料（generate_corpus 生成，generate_corpus --clear 删除）"
DEFAULT_SEED = 20240305
BATCH_SIZE = 2000
ARTICLES_PER_ISSUE = 50
PAGES_PER_ISSUE = (4, 8)
PARAGRAPHS_PER_ARTICLE = (3, 8)
CONTRIBUTOR_POOL = 3000
SECOND_AUTHOR_SHARE = 0.3
GENRE_WEIGHTS = {
    Genre.NEWS: 70,
    Genre.FEATURE: 14,
    Genre.SURVEY: 5,
    Genre.COMMENTARY: 5,
    Genre.PHOTO_NEWS: 4,
    Genre.OTHER: 2,
}
# Pieces written for a theme of the call (the rest are the zones' own news).
THEMED_SHARE = 0.4

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋"
    "蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段"
    "雷钱汤尹黎易常武乔贺赖龚文靳牛郜闫霍樊韦燕温翟"
)
GIVEN_NAME_CHARACTERS = (
    "伟芳娜英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉萍红玲芬燕春菊兰凤洁梅琳云莲雪荣爱香"
    "月瑞佳嘉琼珍莉晶妍秋珊锦青倩婷颖瑶怡丹蓉君琴蕊薇岚馨韵卿聪澜悦昭冰宁欣晓欢枫芸菲亚宜"
    "舒阳妮鸿剑晴睿宇雨忠宗曼逸贤翠建国志永海峰斌鹏辉文利俊新凯健浩亮成林飞波宏庆帅国栋"
)

# Headline fragments: the parts of a seed headline between spaces or dashes.
FRAGMENT_SPLIT = re.compile(r"\s+|——")
FRAGMENT_LENGTH = (3, 16)
# Fragments naming a particular zone would contradict the synthetic article's own zone.
ZONE_WORDS = re.compile(r"开发区|经开区|高新区|园区|示范区|综改区")
SHORTEST_PARAGRAPH = 20

Progress = Callable[[int, int], None]


class CorpusRefused(Exception):
    """Why a corpus cannot be generated, in Chinese."""


@dataclass
class CorpusReport:
    articles: int = 0
    issues: int = 0
    contributors: int = 0
    generating_seconds: float = 0.0
    publishing_seconds: float = 0.0


@dataclass
class _Sources:
    pieces: list[list[str]]  # each seed piece's paragraphs
    fragments: list[str]
    zones: list[Zone]
    seed_text: str
    taken_names: set[str]
    first_issue_date: date
    existing_issue_dates: set[date]
    themes: list[CallTheme]


@dataclass
class _Planned:
    """One synthetic article before it is saved, with the names of its authors."""

    article: Article
    issue_date: date
    issue_pages: int
    author_keys: list[int]


def synthetic_articles():
    return Article.objects.filter(source_file__startswith=SOURCE_PREFIX)


def generate_corpus(
    *, articles: int, seed: int = DEFAULT_SEED, progress: Progress | None = None
) -> CorpusReport:
    """Create `articles` synthetic published articles; the same seed gives the same archive.

    Writes in batches of BATCH_SIZE, each in its own transaction (rows, then publishing and
    indexing); progress(done, total) is called after each batch.
    """
    if articles < 1:
        raise CorpusRefused("稿件数须为正整数。")
    if synthetic_articles().exists():
        raise CorpusRefused(
            f"库中已有 {synthetic_articles().count()} 篇合成稿件；请加 --clear 先清除再生成。"
        )
    sources = _sources()
    rng = random.Random(seed)
    pool = _contributor_pool(rng, sources)
    report = CorpusReport()
    issues: dict[date, Issue] = {}
    contributors: dict[int, Contributor] = {}
    # Themes draw from a stream of their own, so that a seed gives the same pieces as it did
    # before pieces had themes (and the search benchmark's figures stay comparable).
    planned = _plan(rng, random.Random(f"themes {seed}"), sources, pool, articles)
    while batch := list(islice(planned, BATCH_SIZE)):
        started = time.monotonic()
        with transaction.atomic():
            report.issues += _create_issues(batch, issues)
            report.contributors += _create_contributors(batch, pool, contributors)
            for item in batch:
                item.article.issue = issues[item.issue_date]
            created = Article.objects.bulk_create([item.article for item in batch])
            Authorship.objects.bulk_create(
                Authorship(article=item.article, contributor=contributors[key], order=order)
                for item in batch
                for order, key in enumerate(item.author_keys, start=1)
            )
            written = time.monotonic()
            workflow.publish_imported([article.pk for article in created])
        report.generating_seconds += written - started
        report.publishing_seconds += time.monotonic() - written
        report.articles += len(batch)
        if progress:
            progress(report.articles, articles)
    return report


@transaction.atomic
def clear_corpus() -> tuple[int, int, int]:
    """Delete the synthetic articles, and their issues and contributors that nothing else uses.

    Returns how many articles, issues and contributors were deleted.
    """
    article_ids = list(synthetic_articles().values_list("pk", flat=True))
    issue_ids = set(synthetic_articles().values_list("issue_id", flat=True))
    iterator = iter(article_ids)
    while batch := list(islice(iterator, BATCH_SIZE)):
        Article.objects.filter(pk__in=batch).delete()
    _, issues = Issue.objects.filter(pk__in=issue_ids, articles__isnull=True).delete()
    _, contributors = Contributor.objects.filter(
        note=CONTRIBUTOR_NOTE, authorships__isnull=True, user__isnull=True
    ).delete()
    return (
        len(article_ids),
        issues.get(Issue._meta.label, 0),
        contributors.get(Contributor._meta.label, 0),
    )


def _sources() -> _Sources:
    seeds = list(
        Article.objects.published()
        .exclude(source_file__startswith=SOURCE_PREFIX)
        .order_by("issue__date", "page", "position", "source_file", "source_position", "pk")
    )
    zones = list(Zone.objects.order_by("official_name"))
    if not seeds or not zones:
        raise CorpusRefused(
            "库中没有已刊发的稿件可作段落来源。"
            "请先运行 python manage.py load_zones && python manage.py import_seeds。"
        )
    pieces = [
        paragraphs
        for article in seeds
        if (paragraphs := [p for p in article.paragraphs if len(p) >= SHORTEST_PARAGRAPH])
    ]
    headlines = [part for article in seeds for part in (article.kicker, article.title) if part]
    low, high = FRAGMENT_LENGTH
    fragments = list(
        dict.fromkeys(
            fragment
            for headline in headlines
            for fragment in FRAGMENT_SPLIT.split(headline)
            if low <= len(fragment) <= high and not ZONE_WORDS.search(fragment)
        )
    )
    existing_dates = set(Issue.objects.values_list("date", flat=True))
    return _Sources(
        pieces=pieces,
        fragments=fragments if len(fragments) >= 2 else headlines * 2,
        zones=zones,
        seed_text="\n".join(
            [paragraph for piece in pieces for paragraph in piece]
            + headlines
            + [article.byline for article in seeds]
        ),
        taken_names=set(Contributor.objects.values_list("name", flat=True)),
        first_issue_date=min(existing_dates, default=timezone.localdate()),
        existing_issue_dates=existing_dates,
        themes=list(CallTheme.objects.select_related("call").order_by("call", "number")),
    )


def _contributor_pool(rng: random.Random, sources: _Sources) -> list[tuple[str, Zone]]:
    """Names that occur nowhere in the seed text (so that, once in the search dictionary, they
    do not change how seed paragraphs are segmented), each with a zone."""
    pool: dict[str, Zone] = {}
    while len(pool) < CONTRIBUTOR_POOL:
        name = (
            rng.choice(SURNAMES)
            + rng.choice(GIVEN_NAME_CHARACTERS)
            + rng.choice(GIVEN_NAME_CHARACTERS)
        )
        if name not in pool and name not in sources.taken_names and name not in sources.seed_text:
            pool[name] = sources.zones[len(pool) % len(sources.zones)]
    return list(pool.items())


def _issue_dates(sources: _Sources):
    """Weekly, going back from the first existing issue, skipping dates already taken."""
    day = sources.first_issue_date
    while True:
        day -= timedelta(days=7)
        if day not in sources.existing_issue_dates:
            yield day


def _plan(rng: random.Random, theme_rng: random.Random, sources: _Sources, pool, total: int):
    authors_by_zone: dict[int, list[int]] = {}
    for key, (_name, zone) in enumerate(pool):
        authors_by_zone.setdefault(zone.pk, []).append(key)
    genres, weights = list(GENRE_WEIGHTS), list(GENRE_WEIGHTS.values())
    dates = _issue_dates(sources)
    remaining = total
    while remaining:
        issue_date = next(dates)
        count = min(ARTICLES_PER_ISSUE, remaining)
        remaining -= count
        pages = min(rng.randint(*PAGES_PER_ISSUE), count)
        positions = Counter()
        for slot in range(count):
            page = slot * pages // count + 1  # pages fill in order, about equally
            positions[page] += 1
            zone = rng.choice(sources.zones)
            genre = rng.choices(genres, weights)[0]
            author_keys = _authors(rng, authors_by_zone.get(zone.pk) or range(len(pool)))
            names = [pool[key][0] for key in author_keys]
            paragraphs = _paragraphs(rng, sources.pieces)
            first, second = rng.sample(sources.fragments, 2)
            lead = f"{issue_date:%Y年%-m月%-d日}，记者从{zone.display_name}获悉。"
            article = Article(
                title=f"{zone.display_name}{first} {second}",
                dateline="本刊讯" if genre == Genre.NEWS else "",
                body="\n\n".join([lead, *paragraphs]),
                byline=" ".join(names),
                zone=zone,
                page=page,
                position=positions[page],
                genre=genre,
                source_file=f"{SOURCE_PREFIX}{issue_date:%Y-%m-%d}",
                source_position=slot + 1,
            )
            if sources.themes and theme_rng.random() < THEMED_SHARE:
                article.theme = theme_rng.choice(sources.themes)
                article.call = article.theme.call
            yield _Planned(article, issue_date, pages, list(author_keys))


def _paragraphs(rng: random.Random, pieces: list[list[str]]) -> list[str]:
    """A run of consecutive paragraphs of one seed piece, topped up from others if it is short."""
    wanted = rng.randint(*PARAGRAPHS_PER_ARTICLE)
    fewest = PARAGRAPHS_PER_ARTICLE[0]
    paragraphs: list[str] = []
    for _attempt in range(len(pieces) + 1):
        piece = rng.choice(pieces)
        missing = wanted - len(paragraphs)
        start = rng.randrange(max(1, len(piece) - missing + 1))
        paragraphs += [p for p in piece[start : start + missing] if p not in paragraphs]
        if len(paragraphs) >= fewest:
            break
    return paragraphs


def _authors(rng: random.Random, keys) -> list[int]:
    keys = list(keys)
    if len(keys) > 1 and rng.random() < SECOND_AUTHOR_SHARE:
        return rng.sample(keys, 2)
    return [rng.choice(keys)]


def _create_issues(batch: list[_Planned], issues: dict[date, Issue]) -> int:
    new = {}
    for item in batch:
        if item.issue_date not in issues:
            new.setdefault(item.issue_date, Issue(date=item.issue_date, pages=item.issue_pages))
    Issue.objects.bulk_create(new.values())
    issues.update(new)
    return len(new)


def _create_contributors(batch: list[_Planned], pool, contributors: dict) -> int:
    new = {}
    for item in batch:
        for key in item.author_keys:
            if key not in contributors and key not in new:
                name, zone = pool[key]
                new[key] = Contributor(name=name, zone=zone, note=CONTRIBUTOR_NOTE)
    Contributor.objects.bulk_create(new.values())
    if new:
        # bulk_create passes the receivers that tell the segmenter of a new name: without it
        # the bylines about to be indexed would be cut without the names.
        segmentation.names_changed()
    contributors.update(new)
    return len(new)
