from django.apps import AppConfig


class MailroomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mailroom"
    verbose_name = "投稿邮箱"
