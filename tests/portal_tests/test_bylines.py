"""Saving the portal form never changes the byline unless the user changed it, the first
author stays first, and every door resolves a byline name the same way.
"""

import pytest
from django.urls import reverse

from articles import bylines
from articles.models import Article, Contributor
from tests.factories import make_article, make_contributor, make_correspondent, make_zone
from tests.portal_tests.helpers import form_data, make_call, rendered_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def coauthors():
    zone = make_zone(official_name="朔州经济开发区")
    return {
        "a": make_correspondent(zone=zone, name="麻洁琼"),
        "b": make_correspondent(zone=zone, name="张帆"),
    }


def submit_as(client, user, **overrides):
    call = make_call()
    client.force_login(user)
    client.post(
        reverse("portal:submit"),
        {**form_data(call, user.contributor.zone, **overrides), "save": "1"},
    )
    return Article.objects.get()


def save_unchanged(client, user, piece):
    client.force_login(user)
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(client.get(url).content.decode())
    return client.post(url, {**data, "save": "1"})


def test_a_co_author_saving_unchanged_keeps_the_byline_and_the_submitter_keeps_the_piece(
    client, coauthors
):
    piece = submit_as(
        client, coauthors["a"], extra_authors="常珍珍", co_authors=[coauthors["b"].contributor.pk]
    )

    response = save_unchanged(client, coauthors["b"], piece)

    assert response.status_code == 302
    assert piece.author_names() == ["麻洁琼", "张帆", "常珍珍"]
    client.force_login(coauthors["a"])
    page = client.get(reverse("portal:my_submission", args=[piece.pk]))
    assert page.status_code == 200 and piece.title in page.content.decode()


def test_saving_ones_own_piece_unchanged_keeps_the_extra_author(client, coauthors):
    piece = submit_as(client, coauthors["a"], extra_authors="常珍珍")

    save_unchanged(client, coauthors["a"], piece)

    assert piece.author_names() == ["麻洁琼", "常珍珍"]


def test_the_edit_form_shows_the_current_co_authors(client, coauthors):
    piece = submit_as(
        client,
        coauthors["a"],
        extra_authors="常珍珍 李强",
        co_authors=[coauthors["b"].contributor.pk],
    )

    data = rendered_form_data(
        client.get(reverse("portal:revise", args=[piece.pk])).content.decode()
    )

    assert data["extra_authors"] == ["常珍珍 李强"]
    assert data["co_authors"] == [str(coauthors["b"].contributor.pk)]


def test_a_co_author_who_changes_the_extra_authors_keeps_the_submitter_first(client, coauthors):
    piece = submit_as(
        client, coauthors["a"], extra_authors="常珍珍", co_authors=[coauthors["b"].contributor.pk]
    )
    client.force_login(coauthors["b"])
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(client.get(url).content.decode())

    client.post(url, {**data, "extra_authors": "常珍珍 李强", "save": "1"})

    assert piece.author_names() == ["麻洁琼", "张帆", "常珍珍", "李强"]


def test_the_submitter_can_drop_an_extra_author(client, coauthors):
    piece = submit_as(
        client, coauthors["a"], extra_authors="常珍珍", co_authors=[coauthors["b"].contributor.pk]
    )
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(client.get(url).content.decode())

    client.post(url, {**data, "extra_authors": "", "save": "1"})

    assert piece.author_names() == ["麻洁琼", "张帆"]


def test_an_extra_author_already_in_the_archive_is_not_duplicated(client, coauthors):
    known = make_contributor(name="常珍珍", zone=make_zone())

    piece = submit_as(client, coauthors["a"], extra_authors="常珍珍")

    assert [a.contributor for a in piece.authorships.all()][1] == known
    assert Contributor.objects.filter(name="常珍珍").count() == 1


def test_a_name_means_the_only_one_of_that_name_else_the_one_in_this_zone():
    home, other = make_zone(), make_zone()
    only = make_contributor(name="王磊", zone=other)
    here, there = (
        make_contributor(name="李娜", zone=home),
        make_contributor(name="李娜", zone=other),
    )

    assert bylines.contributor_for_name(name="王磊", zone=home) == only
    assert bylines.contributor_for_name(name="李娜", zone=home) == here
    assert bylines.contributor_for_name(name="李娜", zone=other) == there
    new = bylines.contributor_for_name(name="赵敏", zone=home)
    assert (new.name, new.zone) == ("赵敏", home)


def test_set_authors_leaves_an_unchanged_byline_alone():
    first, second = make_contributor(), make_contributor()
    piece = make_article(authors=[first, second])
    rows = list(piece.authorships.values_list("pk", flat=True))

    changed = bylines.set_authors(article=piece, contributors=[first, second])

    assert not changed
    assert list(piece.authorships.values_list("pk", flat=True)) == rows


def test_a_co_author_cannot_drop_the_first_author_or_themselves(client, coauthors):
    piece = submit_as(
        client, coauthors["a"], extra_authors="常珍珍", co_authors=[coauthors["b"].contributor.pk]
    )
    client.force_login(coauthors["b"])
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(client.get(url).content.decode())
    data.pop("co_authors", None)

    client.post(url, {**data, "extra_authors": "", "save": "1"})

    assert piece.author_names() == ["麻洁琼", "张帆"]


def test_two_correspondents_of_the_same_name_are_told_apart_by_zone(client, author):
    make_call()
    make_correspondent(name="王波", zone=make_zone(official_name="朔州经济开发区"))
    make_correspondent(name="王波", zone=make_zone(official_name="晋中经济技术开发区"))

    html = client.get(reverse("portal:submit")).content.decode()

    assert "王波（朔州经济开发区）" in html and "王波（晋中经济技术开发区）" in html
