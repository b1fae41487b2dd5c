"""A reader, a correspondent and an editor against one node or nginx, over plain HTTP."""

import psycopg

from bench.browser import Browser, Response, form_fields, replace_fields

BODY = "本报讯 开发区新能源项目集中开工，园区推行承诺制审批，审批时限压缩一半以上。"


def browser(port: int, cookies: dict | None = None) -> Browser:
    client = Browser("127.0.0.1", port, timeout=30)
    client.cookies.update(cookies or {})
    return client


def log_in(client: Browser, username: str, password: str):
    page = client.get("/accounts/login/")
    fields = form_fields(page.text, "csrfmiddlewaretoken") or []
    answer = client.post(
        "/accounts/login/", replace_fields(fields, username=username, password=password)
    )
    assert answer.status == 302, f"{username} 登录失败（HTTP {answer.status}）"


def submission(form_page: str, marker: str) -> list[tuple[str, str]] | None:
    """The submission form's fields filled in; None when the page holds no such form."""
    fields = form_fields(form_page, "title")
    if fields is None:
        return None
    filled = replace_fields(
        fields,
        title=f"集群投稿 {marker}",
        kicker="",
        subtitle="",
        body=f"{BODY}\n\n（{marker}）",
        extra_authors="",
        photo_caption="",
        photo_credit="",
    )
    return filled + [("submit", "")]


def submit(client: Browser, marker: str) -> Response | None:
    """The submission form opened, filled in and posted; None when the form did not load."""
    page = client.get("/submit/")
    fields = submission(page.text, marker) if page.status == 200 else None
    return None if fields is None else client.post("/submit/", fields)


def admin_post(client: Browser, path: str, **values) -> Response:
    """An admin form as an editor's browser posts it: the page's own fields, some changed."""
    page = client.get(path)
    assert page.status == 200, f"{path}: HTTP {page.status}"
    fields = form_fields(page.text, "csrfmiddlewaretoken")
    return client.post(path, replace_fields(fields, **values) + [("_save", "")])


def existing_articles(database_url: str, ids) -> set[int]:
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT id FROM articles_article WHERE id = ANY(%s)", [list(ids)]
        ).fetchall()
    return {row[0] for row in rows}
