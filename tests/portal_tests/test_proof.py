"""用稿证明: each author of a published piece prints a proof whose number anyone can verify on
the public page; a yearly list of the author's used pieces prints too."""

import pytest
from django.urls import reverse

from articles.models import Article, PublicationProof, Status
from tests.factories import make_article, make_contributor, make_correspondent, make_issue
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db


def published_piece(author, **fields):
    issue = make_issue(number=12)
    return make_article(
        status=Status.PUBLISHED,
        authors=[author.contributor],
        issue=issue,
        page=2,
        title="介休经开区8个重点项目集中开工",
        manuscript_number="KFQ-2026-0007",
        **fields,
    )


def test_the_author_prints_a_proof_with_a_number_that_stays_the_same(client, author):
    piece = published_piece(author)

    first = client.get(reverse("portal:proof", args=[piece.pk])).content.decode()
    second = client.get(reverse("portal:proof", args=[piece.pk])).content.decode()

    proof = PublicationProof.objects.get()
    assert (
        proof.number == f"KFQ-{piece.issue.date.year}-YG-{piece.pk:05d}-{author.contributor.pk:04d}"
    )
    assert proof.number in first and first == second
    assert "《介休经开区8个重点项目集中开工》，已刊发于《开发区建设》周刊" in first
    assert f"{piece.issue}第2版" in first and "KFQ-2026-0007" in first
    assert "data-print" in first


def test_the_number_is_verified_on_the_public_page(client, author):
    piece = published_piece(author)
    client.get(reverse("portal:proof", args=[piece.pk]))
    number = PublicationProof.objects.get().number
    client.logout()

    looked_up = client.get(reverse("awards:certificate_lookup"), {"number": number.lower()})
    page = client.get(looked_up.url).content.decode()

    assert looked_up.status_code == 302
    assert "此用稿证明真实有效" in page
    assert f'href="{piece.get_absolute_url()}"' in page and author.contributor.name in page


def test_a_proof_of_a_piece_taken_down_no_longer_verifies(client, author):
    piece = published_piece(author)
    client.get(reverse("portal:proof", args=[piece.pk]))
    proof = PublicationProof.objects.get()
    Article.objects.filter(pk=piece.pk).update(status=Status.WITHDRAWN)

    page = client.get(reverse("awards:certificate", args=[proof.number])).content.decode()

    assert "已失效" in page and "真实有效" not in page


def test_a_co_author_gets_a_proof_of_their_own(client, author):
    piece = published_piece(author)
    partner = make_correspondent()
    piece.authorships.create(contributor=partner.contributor, order=2)
    client.get(reverse("portal:proof", args=[piece.pk]))
    client.force_login(partner)

    client.get(reverse("portal:proof", args=[piece.pk]))

    assert PublicationProof.objects.filter(article=piece).count() == 2
    assert len(set(PublicationProof.objects.values_list("number", flat=True))) == 2


def test_no_proof_for_a_piece_not_yet_published(client, author):
    piece = make_article(status=Status.SCHEDULED, authors=[author.contributor])

    assert client.get(reverse("portal:proof", args=[piece.pk])).status_code == 404
    assert not PublicationProof.objects.exists()


PROOF_FOR = {
    "anonymous": "login",
    "correspondent": 200,
    "staff": 404,
    "editor": 404,
    "superuser": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_print_a_pieces_proof(client, role):
    people = people_by_role()
    piece = published_piece(people["correspondent"])
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse("portal:proof", args=[piece.pk]))

    if PROOF_FOR[role] == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == PROOF_FOR[role]
    assert PublicationProof.objects.exists() == (role == "correspondent")


def test_another_correspondent_gets_no_proof_of_someone_elses_piece(client, author):
    piece = published_piece(make_correspondent())

    assert client.get(reverse("portal:proof", args=[piece.pk])).status_code == 404


def test_the_yearly_list_names_every_piece_used_that_year(client, author):
    piece = published_piece(author)
    year = piece.issue.date.year
    make_article(
        status=Status.PUBLISHED,
        authors=[author.contributor],
        issue=make_issue(date=f"{year - 1}-06-01"),
    )
    make_article(status=Status.PUBLISHED, authors=[make_contributor()], issue=piece.issue)

    page = client.get(reverse("portal:published_list", args=[year])).content.decode()

    assert f"{year}年《开发区建设》周刊共刊用 1 篇" in page
    assert piece.title in page and "第2版" in page


def test_a_year_no_date_can_hold_is_not_found(client, author):
    assert client.get("/my/published/0999/").status_code == 404
