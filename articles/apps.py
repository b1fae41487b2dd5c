from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件与期刊"

    def ready(self):
        # Connects the receivers that keep the search index current.
        from .search import indexing  # noqa: F401
