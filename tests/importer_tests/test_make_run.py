"""`make run` at every start: the second start re-imports no page and rewrites no piece.

The commands are read from the Makefile's run recipe, so a step added there is run here too;
the server and the mail worker, which run until stopped, are left out.
"""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, Issue, Photo
from zones.models import Zone

from .helpers import SEED_FILES

pytestmark = pytest.mark.django_db

LONG_RUNNING = {"runserver", "send_mail"}


def run_recipe_commands() -> list[list[str]]:
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run: venv\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    commands = []
    for line in recipe.splitlines():
        found = re.match(r"\s*@?\$\(BIN\)/python manage\.py ([^&;]+)", line)
        if found:
            command = found.group(1).split()
            if command[0] not in LONG_RUNNING:
                commands.append(command)
    return commands


def start() -> str:
    out = io.StringIO()
    for name, *args in run_recipe_commands():
        call_command(name, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def state():
    return (
        dict(Article.objects.values_list("pk", "updated_at")),
        list(Issue.objects.values_list("pk", "date", "pages")),
        list(Photo.objects.values_list("pk", "caption")),
        list(Zone.objects.values_list("pk", "official_name")),
    )


def test_the_recipe_imports_the_seeds():
    assert ["import_seeds"] in run_recipe_commands()


def test_a_second_start_reimports_no_unchanged_page():
    start()
    before = state()
    assert len(before[0]) == 28

    stdout = start()

    for name in SEED_FILES:
        assert f"{name}：已导入，未变化，跳过。" in stdout
    assert "共导入 0 个文件、0 篇稿件。5 个文件未变化，跳过。" in stdout
    assert state() == before
