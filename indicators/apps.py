from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "indicators"
    verbose_name = "经济指标"

    def ready(self):
        # Extract the figures of every piece the workflow publishes.
        from indicators import receivers  # noqa: F401
