"""新增编辑: the command and the superusers' admin page, one service."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.error_pages import is_forbidden_page
from tests.factories import make_user
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("add_editor", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_a_generated_password_that_logs_in_as_an_editor():
    output = run("wangbj", "--name", "王编辑", "--email", "wang@example.cn")

    assert "已创建编辑 王编辑，用户名 wangbj" in output
    password = output.split("初始密码：")[1].split("（")[0]
    user = authenticate(username="wangbj", password=password)
    assert user is not None and user.is_staff and not user.is_superuser
    assert user.groups.filter(name="编辑").exists()
    assert user.has_perm("articles.change_article")
    assert user.get_full_name() == "王编辑" and user.email == "wang@example.cn"


def test_a_given_password_is_used_and_not_printed():
    output = run(
        "libj", "--name", "李编辑", "--email", "li@example.cn", "--password", "Bian-Ji-2026"
    )

    assert "Bian-Ji-2026" not in output and "初始密码" not in output
    assert authenticate(username="libj", password="Bian-Ji-2026") is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "张三", "--email", "not-an-address"], "电子邮箱“not-an-address”格式不对"),
        (["--name", "张三", "--email", ""], "请填写电子邮箱"),
        (["--name", "  ", "--email", "z@example.cn"], "请填写编辑的姓名"),
        (["--name", "张\n三", "--email", "z@example.cn"], "不能包含换行"),
        (["--name", "张三", "--email", "z@example.cn", "--password", "123"], "密码太短"),
        (["--name", "张三", "--email", "z@example.cn", "--password", "zhangsan1"], "太相似"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_creates_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        run("zhangsan1", *args)

    assert not get_user_model().objects.filter(username="zhangsan1").exists()


@pytest.mark.parametrize("username", ["张 三", "a/b", "x" * 151])
def test_a_username_the_login_form_could_not_take_is_refused(username):
    with pytest.raises(CommandError, match="用户名.*无效"):
        run(username, "--name", "张三", "--email", "z@example.cn")


def test_a_taken_username_is_refused():
    make_user("taken")

    with pytest.raises(CommandError, match="用户名“taken”已被使用"):
        run("taken", "--name", "张三", "--email", "z@example.cn")

    assert not get_user_model().objects.get(username="taken").is_staff


# Expected per role (in ROLES order): only superusers may make editors.
ACCESS = ["admin_login", "admin_login", 403, 403, 200]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
def test_only_superusers_reach_the_add_editor_page(client, people, role, method):
    if people[role]:
        client.force_login(people[role])
    data = {"username": "sneaky", "name": "偷偷", "email": "s@example.cn"}

    response = getattr(client, method)(reverse("admin:auth_user_add_editor"), data)

    want = ACCESS[ROLES.index(role)]
    if want == "admin_login":
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif method == "post" and want == 200:
        assert response.status_code == 302  # created, back to the user list
    elif want == 403:
        assert is_forbidden_page(response)
    else:
        assert response.status_code == want and "新增编辑" in response.content.decode()
    created = get_user_model().objects.filter(username="sneaky").exists()
    assert created == (role == "superuser" and method == "post")


def test_the_user_list_offers_the_button_to_superusers(client, people):
    client.force_login(people["superuser"])

    html = client.get(reverse("admin:auth_user_changelist")).content.decode()

    assert f'<a href="{reverse("admin:auth_user_add_editor")}" class="addlink">新增编辑</a>' in html


def test_a_superuser_creates_an_editor_in_the_admin(client, people):
    client.force_login(people["superuser"])
    url = reverse("admin:auth_user_add_editor")

    form = client.get(url)
    done = client.post(
        url, {"username": "zhaobj", "name": "赵编辑", "email": "zhao@example.cn"}, follow=True
    )
    taken = client.post(url, {"username": "zhaobj", "name": "赵编辑", "email": "z@example.cn"})
    bad = client.post(url, {"username": "qianbj", "name": "钱编辑", "email": "nope"})

    assert form.status_code == 200 and "新增编辑" in form.content.decode()
    html = done.content.decode()
    assert "已创建编辑 赵编辑，用户名 zhaobj" in html and "首次登录时须修改密码" in html
    password = html.split("初始密码：")[1].split("（")[0]
    editor = authenticate(username="zhaobj", password=password)
    assert editor.is_staff and editor.groups.filter(name="编辑").exists()
    assert "用户名“zhaobj”已被使用" in taken.content.decode()
    assert bad.status_code == 200 and "有效" in bad.content.decode()
    assert not get_user_model().objects.filter(username="qianbj").exists()


def test_an_editor_refused_the_page_is_told_so_in_chinese(client, people):
    client.force_login(people["editor"])

    response = client.get(reverse("admin:auth_user_add_editor"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "没有权限" in html and "Forbidden" not in html
