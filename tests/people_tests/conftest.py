import pytest

from tests.factories import make_correspondent, make_editor, make_user

ROLES = ["anonymous", "correspondent", "staff", "editor", "superuser"]


@pytest.fixture
def people():
    """One login per role; staff is in the admin without the 编辑 group."""
    return {
        "anonymous": None,
        "correspondent": make_correspondent("corr"),
        "staff": make_user("staff", staff=True),
        "editor": make_editor("editor1"),
        "superuser": make_user("root", superuser=True),
    }
