"""Who reaches which admin page, and how many queries the busy lists cost."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from articles.models import (
    Article,
    CallForPapers,
    CallTheme,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_contributor, make_issue, make_user
from tests.roles import PLAIN_LOGIN, people_by_role
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


@pytest.fixture
def people(db):
    return people_by_role(plain_login=True)


@pytest.mark.parametrize("role", ["anonymous", "correspondent", PLAIN_LOGIN])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_people_who_are_not_staff_are_sent_to_the_admin_login(client, people, model, role):
    if people[role]:
        client.force_login(people[role])

    response = client.get(admin_url(model))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_staff_outside_the_editors_group_are_refused(client, people, model):
    client.force_login(people["staff"])

    response = client.get(admin_url(model))

    assert response.status_code == 403
    assert FORBIDDEN_TEXT in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "superuser"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_editors_and_superusers_open_every_list_and_record(client, seeded, people, model, role):
    client.force_login(people[role])

    listing = client.get(admin_url(model))
    record = model.objects.order_by("pk").first()
    change = client.get(admin_url(model, "change", record.pk))

    assert listing.status_code == 200
    assert str(model._meta.verbose_name) in listing.content.decode()
    assert change.status_code == 200
    assert escape(str(record)) in change.content.decode()


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


# Queries per changelist for a superuser, the same for one row and for 21: session, user, the
# count and the page of rows with their joins, and what each list adds (filters, facets, role).
CHANGELIST_QUERIES = {Article: 10, Contributor: 5, Issue: 7, Zone: 6, Photo: 5}


@pytest.mark.parametrize("model", CHANGELIST_QUERIES, ids=lambda m: m._meta.model_name)
def test_changelist_query_count_is_pinned_and_does_not_grow(
    client, django_assert_num_queries, model
):
    client.force_login(make_user(superuser=True))
    # The article list opens on the queue, which hides published pieces: list them all.
    params = {"queue": "all"} if model is Article else {}
    issue = make_issue()
    make_article(issue=issue, authors=[make_contributor()], photos=1)
    with django_assert_num_queries(CHANGELIST_QUERIES[model]):
        client.get(admin_url(model), params)
    for _ in range(20):
        make_article(issue=make_issue(), authors=[make_contributor()], photos=1)

    with django_assert_num_queries(CHANGELIST_QUERIES[model]):
        response = client.get(admin_url(model), params)

    assert len(response.context["cl"].result_list) == 21
