"""The editors' review of figures and their catalogue of indicators in the admin: who may open
it, confirming and rejecting in bulk, correcting one, and extending the catalogue."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from indicators.models import ExtractedFigure, Indicator, Review
from tests.factories import make_article, make_editor, make_figure, make_issue
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = 200, 403
LOGIN = "login"
# anonymous and correspondents to the admin login, staff outside 编辑 refused, editors in
EXPECTED = [LOGIN, LOGIN, FORBIDDEN, OK, OK]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url_name",
    [
        "admin:indicators_extractedfigure_changelist",
        "admin:indicators_extractedfigure_change",
        "admin:indicators_indicator_changelist",
        "admin:indicators_indicator_add",
    ],
)
def test_access(client, people, role, url_name):
    figure = make_figure(review=Review.PENDING)
    args = [figure.pk] if url_name.endswith("_change") else []
    if people[role]:
        client.force_login(people[role])
    response = client.get(reverse(url_name, args=args))
    want = EXPECTED[ROLES.index(role)]
    if want == LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want


def test_staff_outside_the_editors_cannot_confirm(client, people):
    figure = make_figure(review=Review.PENDING)
    client.force_login(people["staff"])
    client.post(
        reverse("admin:indicators_extractedfigure_changelist"),
        {"action": "confirm_selected", ACTION_CHECKBOX_NAME: [figure.pk]},
    )
    figure.refresh_from_db()
    assert figure.review == Review.PENDING


def bulk(client, action, figures):
    return client.post(
        reverse("admin:indicators_extractedfigure_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [f.pk for f in figures]},
        follow=True,
    )


def test_an_editor_confirms_and_rejects_in_bulk(client):
    editor = make_editor()
    client.force_login(editor)
    first, second, third = (
        make_figure(article=make_article(issue=make_issue()), review=Review.PENDING)
        for _ in range(3)
    )
    response = bulk(client, "confirm_selected", [first, second])
    assert "已确认 2 条数据" in response.content.decode()
    bulk(client, "reject_selected", [third])
    states = dict(ExtractedFigure.objects.values_list("pk", "review"))
    assert states == {first.pk: "已确认", second.pk: "已确认", third.pk: "不采用"}
    first.refresh_from_db()
    assert first.reviewed_by == editor and first.reviewed_at is not None


def test_confirming_leaves_a_corrected_figure_corrected(client):
    client.force_login(make_editor())
    figure = make_figure(review=Review.CORRECTED)
    bulk(client, "confirm_selected", [figure])
    figure.refresh_from_db()
    assert figure.review == Review.CORRECTED


def correction(figure, **changes):
    data = {
        "indicator": figure.indicator_id,
        "value": "520000000",
        "change": "-2.5",
        "period_start": "2024-01-01",
        "period_end": "2024-06-30",
    }
    data.update(changes)
    return data


def test_an_editor_corrects_a_figure_and_it_becomes_public(client):
    editor = make_editor()
    client.force_login(editor)
    figure = make_figure(review=Review.PENDING)
    url = reverse("admin:indicators_extractedfigure_change", args=[figure.pk])
    response = client.post(url, correction(figure))
    assert response.status_code == 302
    figure.refresh_from_db()
    assert (figure.value, figure.change, figure.period_label) == (
        Decimal("520000000"),
        Decimal("-2.5"),
        "2024年上半年",
    )
    assert figure.review == Review.CORRECTED and figure.reviewed_by == editor
    assert ExtractedFigure.objects.public().filter(pk=figure.pk).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "", "change": ""}, "请至少填写数值或同比增减中的一项"),
        ({"period_start": "2024-07-01", "period_end": "2024-06-30"}, "截止日期不能早于起始日期"),
        ({"period_end": ""}, "有起始日期时请填写截止日期"),
    ],
)
def test_a_bad_correction_is_refused_in_chinese_and_nothing_changes(client, changes, message):
    client.force_login(make_editor())
    figure = make_figure(review=Review.PENDING)
    url = reverse("admin:indicators_extractedfigure_change", args=[figure.pk])
    response = client.post(url, correction(figure, **changes))
    assert response.status_code == 200 and message in response.content.decode()
    figure.refresh_from_db()
    assert figure.review == Review.PENDING and figure.value == 500_000_000


def test_a_correction_onto_another_figure_of_the_piece_is_refused(client):
    client.force_login(make_editor())
    piece = make_article(issue=make_issue())
    make_figure(article=piece, period_label="2024年上半年", review=Review.PENDING)
    figure = make_figure(article=piece, review=Review.PENDING)
    url = reverse("admin:indicators_extractedfigure_change", args=[figure.pk])
    response = client.post(url, correction(figure))
    assert "同一指标、同一时期的另一条数据" in response.content.decode()


def test_the_review_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(make_editor())
    url = reverse("admin:indicators_extractedfigure_changelist")
    make_figure(review=Review.PENDING)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for _ in range(10):
        make_figure(article=make_article(issue=make_issue()), review=Review.PENDING)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_an_editor_adds_a_variant_and_a_variant_may_mean_one_indicator_only(client):
    client.force_login(make_editor())
    indicator = Indicator.objects.get(name="实际利用外资")
    url = reverse("admin:indicators_indicator_change", args=[indicator.pk])
    data = {
        "name": indicator.name,
        "unit": "元",
        "variants": "实际使用外资\n利用外资",
        "position": 3,
    }
    assert client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.variant_list() == ["实际使用外资", "利用外资"]
    data["variants"] = "营收"
    response = client.post(url, data)
    assert "“营收”已是指标“营业收入”的名称或别称" in response.content.decode()
