"""What the site's own error pages say (templates/404.html and 403.html).

A test that expects a refusal checks that the reader sees the site's page in Chinese, not only
a status code.
"""

NOT_FOUND_TEXT = "页面不存在"
FORBIDDEN_TEXT = "没有权限"
