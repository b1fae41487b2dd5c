from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件与期刊"

    def ready(self):
        # Connects the receivers that give the archive a new version when readers would see
        # a change.
        from articles import freshness  # noqa: F401
