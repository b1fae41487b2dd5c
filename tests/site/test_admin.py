"""Who reaches which admin page, and how many queries the busy lists cost."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import (
    Article,
    CallForPapers,
    CallTheme,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from tests.factories import make_article, make_contributor, make_issue, make_user
from zones.models import Zone, ZoneAlias

pytestmark = pytest.mark.django_db

MODELS = [
    Article,
    Issue,
    Contributor,
    Photo,
    CallForPapers,
    CallTheme,
    ImportLeftover,
    Zone,
    ZoneAlias,
]


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def seeded():
    call_command("load_zones", stdout=io.StringIO())
    call_command("import_seeds", stdout=io.StringIO())


def make_editor():
    editor = make_user(staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "zones"])
    )
    return editor


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, model):
    response = client.get(admin_url(model))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_users_who_are_not_staff_do_not_reach_the_admin(client, model):
    client.force_login(make_user())

    response = client.get(admin_url(model))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_staff_without_permissions_are_refused(client, model):
    client.force_login(make_user(staff=True))

    assert client.get(admin_url(model)).status_code == 403


@pytest.mark.parametrize("role", ["editor", "superuser"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_editors_and_superusers_open_every_list_and_record(client, seeded, model, role):
    user = make_editor() if role == "editor" else make_user(superuser=True)
    client.force_login(user)

    listing = client.get(admin_url(model))
    record = model.objects.order_by("pk").first()
    change = client.get(admin_url(model, "change", record.pk))

    assert listing.status_code == 200
    assert change.status_code == 200


def test_article_admin_shows_chinese_labels_and_keeps_status_read_only(client, seeded):
    client.force_login(make_user(superuser=True))
    article = Article.objects.get(title="借博士团之智 实现玉米增产")

    html = client.get(admin_url(Article, "change", article.pk)).content.decode()

    assert "引题" in html and "电头" in html and "署名" in html
    assert 'name="status"' not in html
    assert "已刊发" in html


def test_article_search_finds_by_author_name(client, seeded):
    client.force_login(make_user(superuser=True))

    response = client.get(admin_url(Article), {"q": "常珍珍", "queue": "all"})

    titles = [article.title for article in response.context["cl"].result_list]
    assert titles == ["沁源经开区中小企业园首个落地的采矿配件项目开始试生产"]


@pytest.mark.parametrize("model", [Article, Contributor, Issue, Zone, Photo])
def test_changelist_query_count_does_not_grow_with_rows(client, django_assert_num_queries, model):
    client.force_login(make_user(superuser=True))
    issue = make_issue()
    make_article(issue=issue, authors=[make_contributor()], photos=1)
    with CaptureQueriesContext(connection) as few:
        client.get(admin_url(model))
    for _ in range(20):
        make_article(issue=make_issue(), authors=[make_contributor()], photos=1)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(admin_url(model))
    assert response.status_code == 200
