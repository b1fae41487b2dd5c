import io

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_call_for_papers_page_shows_the_imported_call(client):
    call_command("load_zones", stdout=io.StringIO())
    call_command("import_seeds", stdout=io.StringIO())

    response = client.get(reverse("reader:call_for_papers"))

    html = response.content.decode()
    assert response.status_code == 200
    for theme in ["三个一批", "招才引智", "科技创新", "优势企业", "营商环境"]:
        assert theme in html
    assert "消息：800字左右" in html and "通讯：1500字左右" in html and "评论：1000字左右" in html
    assert "最多配图 1 张" in html
    assert "优秀撰稿人" in html
    assert "王波 13935108044" in html and "kfjqszk@163.com" in html
    assert "2023年3月28日" in html


def test_without_a_call_the_page_says_so(client):
    response = client.get(reverse("reader:call_for_papers"))

    assert response.status_code == 404
    assert "没有发布征稿启事" in response.content.decode()
