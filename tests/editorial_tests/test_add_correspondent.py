import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from articles.models import Contributor
from tests.factories import make_contributor, make_zone
from zones.models import ZoneAlias

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("add_correspondent", *args, stdout=out)
    return out.getvalue()


def test_add_correspondent_by_alias_generates_and_prints_a_working_password():
    zone = make_zone(official_name="朔州经济开发区")
    ZoneAlias.objects.create(zone=zone, name="朔州经开区")

    output = run("majq", "--zone", "朔州经开区", "--name", "麻洁琼", "--email", "m@example.cn")

    password = output.split("初始密码：")[1].split("（")[0]
    user = authenticate(username="majq", password=password)
    assert user is not None and not user.is_staff
    assert user.groups.filter(name="通讯员").exists()
    assert user.contributor.zone == zone and user.contributor.name == "麻洁琼"


def test_an_existing_byline_in_the_same_zone_becomes_the_correspondents():
    zone = make_zone()
    byline = make_contributor(name="王晓晔", zone=zone)

    run("wangxy", "--zone", zone.official_name, "--name", "王晓晔", "--password", "Kfq-2026-safe!")

    byline.refresh_from_db()
    assert byline.user.username == "wangxy"
    assert Contributor.objects.filter(name="王晓晔").count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--zone", "不存在的开发区", "--name", "张三"], "找不到开发区"),
        (["--zone", "ZONE", "--name", "张三", "--password", "123"], "密码不符合要求"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_creates_nothing(args, message):
    zone = make_zone()
    args = [zone.official_name if a == "ZONE" else a for a in args]

    with pytest.raises(CommandError, match=message):
        run("zhangsan", *args)

    assert not Contributor.objects.filter(name="张三").exists()


def test_a_taken_username_is_refused():
    zone = make_zone()
    run("dup", "--zone", zone.official_name, "--name", "甲", "--password", "Kfq-2026-safe!")

    with pytest.raises(CommandError, match="已被使用"):
        run("dup", "--zone", zone.official_name, "--name", "乙", "--password", "Kfq-2026-safe!")


def test_editors_onboard_a_correspondent_in_the_admin(client):
    from django.urls import reverse

    from tests.factories import make_editor

    client.force_login(make_editor())
    zone = make_zone()
    url = reverse("admin:articles_contributor_add_correspondent")

    form = client.get(url)
    done = client.post(
        url, {"username": "liyang", "name": "李阳", "zone": zone.pk, "email": ""}, follow=True
    )
    taken = client.post(url, {"username": "liyang", "name": "李阳", "zone": zone.pk})

    assert form.status_code == 200
    html = done.content.decode()
    assert "已创建通讯员 李阳" in html and "初始密码" in html
    password = html.split("初始密码：")[1].split("（")[0]
    assert authenticate(username="liyang", password=password) is not None
    assert "已被使用" in taken.content.decode()
    assert Contributor.objects.get(user__username="liyang").zone == zone


def test_correspondents_cannot_reach_the_onboarding_page(client):
    from django.urls import reverse

    from tests.factories import make_correspondent

    client.force_login(make_correspondent())

    response = client.get(reverse("admin:articles_contributor_add_correspondent"))

    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize("username", ["马 洁", "a/b", "x" * 151])
def test_a_username_the_login_form_could_not_take_is_refused(username):
    # The same rule as for editors (logins.accounts): a login nobody could type is no login.
    zone = make_zone()

    with pytest.raises(CommandError, match="用户名.*无效"):
        run(username, "--zone", zone.official_name, "--name", "麻洁琼")

    assert not Contributor.objects.filter(name="麻洁琼").exists()
