from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "全文检索"

    def ready(self):
        # Connects the receivers that keep the search index current.
        from search import indexing  # noqa: F401
