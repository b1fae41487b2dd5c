"""Reader queries: ranking, filters with a query, hostile input, highlighting."""

import pytest

from articles.models import Article, Genre
from search.backends import PostgresBackend
from search.query import MAX_QUERY_CHARS, parse_query, search
from tests.factories import make_article, make_issue, make_zone
from zones.models import City

pytestmark = pytest.mark.django_db


def test_title_match_ranks_above_body_matches():
    in_body = make_article(title="一季度经济运行", body="光伏。光伏组件。光伏支架。光伏逆变器。")
    in_title = make_article(title="光伏电站并网", body="电站今天并网发电。")
    assert [hit.article.pk for hit in search("光伏").hits] == [in_title.pk, in_body.pk]


def test_body_only_matches_come_newest_first_whatever_their_score():
    # Scoring every body match cost time in proportion to the matches (issue 17).
    older = make_article(title="一季度经济运行", body="光伏。光伏组件。光伏支架。光伏逆变器。")
    newer = make_article(title="二季度经济运行", body="光伏组件下线。")
    assert [hit.article.pk for hit in search("光伏").hits] == [newer.pk, older.pk]


def test_a_page_can_straddle_the_title_and_body_tiers():
    in_body = [make_article(title="经济运行", body=f"光伏组件第{n}批。") for n in range(2)]
    in_title = [make_article(title=f"光伏电站第{n}期", body="并网发电。") for n in range(3)]
    pages = [search("光伏", page=number, per_page=2) for number in (1, 2, 3)]
    ids = [hit.article.pk for page in pages for hit in page.hits]
    assert ids == [*reversed([a.pk for a in in_title]), *reversed([a.pk for a in in_body])]
    assert {page.total for page in pages} == {5}


@pytest.mark.parametrize("few_body_matches", [0, 1000])
def test_body_pages_are_the_same_when_few_or_many_match(monkeypatch, few_body_matches):
    # PostgreSQL reads few body matches through another plan (backends.PostgresBackend);
    # SQLite has one plan, so there both cases check it.
    monkeypatch.setattr(PostgresBackend, "FEW_BODY_MATCHES", few_body_matches)
    in_body = [make_article(title="经济运行", body=f"光伏组件第{n}批。") for n in range(4)]
    in_title = make_article(title="光伏电站", body="并网发电。")
    pages = [search("光伏", page=number, per_page=2) for number in (1, 2, 3)]
    ids = [hit.article.pk for page in pages for hit in page.hits]
    assert ids == [in_title.pk, *reversed([a.pk for a in in_body])]


def test_counts_follow_the_index_after_a_repeated_search():
    first = make_article(title="光伏电站并网", body="电站今天并网发电。")
    assert search("光伏").total == 1
    assert search("光伏").total == 1  # the second is counted from the cache
    second = make_article(title="其他", body="光伏组件下线。")
    results = search("光伏")
    assert results.total == 2
    assert [value.count for value in results.facets["genre"]] == [2]
    second.delete()
    assert search("光伏").total == 1
    first.title = "风电场并网"
    first.save()
    assert search("光伏").total == 0


def test_best_titles_follow_the_index_after_a_repeated_search():
    # The first page's title matches are cached with the counts, under the index's version.
    longer = make_article(title="光伏电站一期工程并网发电仪式在园区举行", body="并网发电。")
    assert [hit.article.pk for hit in search("光伏").hits] == [longer.pk]
    assert [hit.article.pk for hit in search("光伏").hits] == [longer.pk]  # from the cache
    shorter = make_article(title="光伏电站并网", body="并网发电。")
    assert [hit.article.pk for hit in search("光伏").hits] == [shorter.pk, longer.pk]


def test_title_matches_past_the_cached_best_are_read_from_the_index(monkeypatch):
    monkeypatch.setattr("search.summary.BEST_TITLES", 2)
    titles = [make_article(title=f"光伏电站第{n}期", body="并网发电。") for n in range(5)]
    whole = [hit.article.pk for hit in search("光伏", per_page=5).hits]
    pages = [search("光伏", page=number, per_page=2) for number in (1, 2, 3)]
    assert [hit.article.pk for page in pages for hit in page.hits] == whole
    assert sorted(whole) == sorted(article.pk for article in titles)


def test_all_words_must_match():
    both = make_article(title="光伏项目", body="储能电站同步建设。")
    make_article(title="光伏项目", body="只有光伏。")
    assert [hit.article.pk for hit in search("光伏 储能").hits] == [both.pk]


def test_most_recently_added_first_among_equal_scores():
    older = make_article(title="招商引资", body="同样的正文。", issue=make_issue())
    newer = make_article(title="招商引资", body="同样的正文。", issue=make_issue())
    assert [hit.article.pk for hit in search("招商引资").hits] == [newer.pk, older.pk]


def test_filters_combine_with_a_query():
    zone = make_zone(city=City.SHUOZHOU)
    other_zone = make_zone(city=City.DATONG)
    issue_2023 = make_issue(date="2023-05-02")
    issue_2024 = make_issue(date="2024-05-07")
    target = make_article(title="营商环境优化", zone=zone, genre=Genre.COMMENTARY, issue=issue_2024)
    make_article(title="营商环境优化", zone=zone, genre=Genre.NEWS, issue=issue_2024)
    make_article(title="营商环境优化", zone=zone, genre=Genre.COMMENTARY, issue=issue_2023)
    make_article(title="营商环境优化", zone=other_zone, genre=Genre.COMMENTARY, issue=issue_2024)
    make_article(title="别的题目", zone=zone, genre=Genre.COMMENTARY, issue=issue_2024)

    within = Article.objects.filter(zone=zone, genre=Genre.COMMENTARY, issue__date__year=2024)
    results = search("营商环境", articles=within)
    assert [hit.article.pk for hit in results.hits] == [target.pk]
    assert results.total == 1

    by_city = Article.objects.filter(zone__city=City.SHUOZHOU)
    assert search("营商环境", articles=by_city).total == 3


def test_facets_count_zone_year_and_genre():
    zone = make_zone()
    make_article(title="新能源", zone=zone, genre=Genre.NEWS, issue=make_issue(date="2023-01-03"))
    make_article(
        title="新能源", zone=zone, genre=Genre.FEATURE, issue=make_issue(date="2024-01-02")
    )
    make_article(title="新能源", genre=Genre.NEWS, issue=make_issue(date="2024-01-09"))
    facets = search("新能源").facets
    assert [(f.label, f.count) for f in facets["zone"]][0] == (zone.official_name, 2)
    assert [(f.value, f.count) for f in facets["year"]] == [("2024", 2), ("2023", 1)]
    assert dict((f.value, f.count) for f in facets["genre"]) == {
        Genre.NEWS: 2,
        Genre.FEATURE: 1,
    }


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '光伏"',
        "光伏 OR",
        "NEAR(光伏 储能)",
        "光伏*",
        "-光伏",
        "title_terms:光伏",
        "^光伏",
        "'; DROP TABLE articles_article; --",
        "光伏 & | ! <-> :*",
        "\\'\\\\",
        "光\x00伏",
        "（）【】《》！？。，",
        "   ",
        "",
        "光" * 10_000,
    ],
)
def test_hostile_queries_are_searched_as_plain_words(query):
    article = make_article(title="光伏电站")
    results = search(query)
    assert results.total in (0, 1)
    if results.total:
        assert results.hits[0].article.pk == article.pk
    assert Article.objects.filter(pk=article.pk).exists()


def test_syntax_words_are_plain_terms():
    article = make_article(title="OR NEAR AND 光伏")
    make_article(title="光伏")
    assert [hit.article.pk for hit in search("光伏 NEAR").hits] == [article.pk]


def test_empty_and_punctuation_only_queries_are_empty():
    assert parse_query("").is_empty
    assert parse_query("  ，。！？……  ").is_empty
    assert search("，。！").total == 0


def test_long_query_is_cut_and_says_so():
    parsed = parse_query("光伏" * 200)
    assert parsed.truncated
    assert len(parsed.text) == MAX_QUERY_CHARS
    assert not parse_query("光伏").truncated


def test_highlight_escapes_html_and_marks_the_words():
    make_article(title="<b>光伏</b>电站", body="第一段<script>alert(1)</script>，光伏发电。")
    hit = search("光伏").hits[0]
    assert hit.title_html == "&lt;b&gt;<mark>光伏</mark>&lt;/b&gt;电站"
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<mark>光伏</mark>发电" in hit.snippet_html


def test_snippet_starts_near_the_first_match():
    body = "开头的话。" * 40 + "这里写到了氢能重卡示范运营。" + "结尾的话。" * 40
    make_article(title="示范运营", body=body)
    snippet = search("氢能").hits[0].snippet_html
    assert snippet.startswith("…")
    assert "<mark>氢能</mark>重卡示范运营" in snippet
    assert len(snippet) < 200


def test_zone_name_in_query_matches_all_names_of_the_zone():
    zone = make_zone(official_name="长治高新技术产业开发区", short_name="长治高新区")
    says_short = make_article(title="长治高新区新签项目", zone=zone)
    says_official = make_article(title="长治高新技术产业开发区纪事", zone=zone)
    found = {hit.article.pk for hit in search("长治高新区").hits}
    assert found == {says_short.pk, says_official.pk}
