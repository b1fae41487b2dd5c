"""What the site's own error pages say (templates/404.html and 403.html).

A test that expects a refusal checks that the reader sees the site's page in Chinese, not only
a status code.
"""

NOT_FOUND_TEXT = "页面不存在"
FORBIDDEN_TEXT = "没有权限"


def is_not_found_page(response) -> bool:
    """A 404 as a reader sees it: the site's 页面不存在 page."""
    return response.status_code == 404 and NOT_FOUND_TEXT in response.content.decode()


def is_forbidden_page(response) -> bool:
    """A 403 as a login sees it: the site's 没有权限 page."""
    return response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
