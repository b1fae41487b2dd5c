from django.apps import AppConfig


class LoginsConfig(AppConfig):
    name = "logins"
    verbose_name = "登录保护"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login receiver)
