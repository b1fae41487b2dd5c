from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "编辑部"

    def ready(self):
        from editorial import photo_changes  # noqa: F401  (connects its receivers)
