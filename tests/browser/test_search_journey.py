"""A reader searches the seed archive in Chinese, narrows by zone, reads, follows the zone."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from zones.models import Zone

QUERY = "朔州经开区"  # an alias: the articles mostly say 朔州经济开发区
ZONE = "朔州经济开发区"
PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_searches_narrows_reads_and_follows_the_zone(live_server, page, screenshot):
    call_command("load_zones")
    call_command("import_seeds")
    zone_articles = Article.objects.published().filter(zone__official_name=ZONE).count()
    # A hit names its zone as every list of articles does, by the short name.
    zone_in_lists = Zone.objects.get(official_name=ZONE).display_name

    page.goto(live_server.url + "/")
    page.get_by_role("search").get_by_label("搜索").fill("开发区 项目")
    page.get_by_role("search").get_by_role("button", name="搜索").click()
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.get_by_role("status").filter(has_text="共找到")).to_be_visible()
    screenshot(page, "search-results.png")

    # Narrow by zone from the facet list; the count and the removable filter show.
    facets = page.get_by_role("complementary", name="按类别缩小范围")
    facets.get_by_role("link", name=ZONE).click()
    expect(page).to_have_url(re.compile(r"zone=\d+"))
    expect(page.get_by_text(f"{ZONE} ×")).to_be_visible()
    narrowed = page.locator(".search-results .article-item")
    expect(narrowed.first).to_be_visible()
    for text in narrowed.locator(".meta .zone").all_inner_texts():
        assert text == zone_in_lists
    screenshot(page, "search-narrowed.png")

    # A new query in the page's own box keeps the zone filter.
    page.get_by_label("检索词").fill(QUERY)
    page.get_by_role("button", name="检索", exact=True).click()
    expect(page.get_by_text(f"共找到 {zone_articles} 篇稿件")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()

    first = page.locator(".search-results .article-title a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    screenshot(page, "search-article.png")

    page.get_by_role("link", name=ZONE).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(ZONE)
    expect(page.get_by_role("link", name=title)).to_be_visible()
    screenshot(page, "search-zone.png")

    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/search/?q=" + QUERY)
    expect(page.get_by_text(f"共找到 {zone_articles} 篇稿件")).to_be_visible()
    screenshot(page, "search-phone.png")
