"""The year's scoring rubric, editable by editors until that year's awards are fixed."""

from django.contrib import admin

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor

from ..models import Award, Rubric


@admin.register(Rubric)
class RubricAdmin(EditorsOnlyAdmin):
    list_display = [
        "year",
        "news_points",
        "feature_points",
        "commentary_points",
        "survey_points",
        "photo_news_points",
        "other_points",
        "lead_bonus",
        "photo_points",
        "photo_limit",
        "sharing",
        "locked",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["year"]}),
        (
            "每篇稿件的基本分（按体裁）",
            {
                "fields": [
                    ("news_points", "feature_points", "commentary_points"),
                    ("survey_points", "photo_news_points", "other_points"),
                ]
            },
        ),
        ("加分", {"fields": ["lead_bonus", ("photo_points", "photo_limit")]}),
        ("合作稿件", {"fields": ["sharing", "first_author_percent"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_lock_state()

    def has_add_permission(self, request):
        return request_is_editor(request)

    def has_change_permission(self, request, obj=None):
        # Once the year's certificates are numbered, the rules that made them stay as they were.
        return request_is_editor(request) and not (obj and self._locked(obj))

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["year"] if obj else []

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="已锁定", boolean=True)
    def locked(self, rubric):
        return self._locked(rubric)

    @staticmethod
    def _locked(rubric) -> bool:
        locked = getattr(rubric, "is_locked", None)
        if locked is None:
            locked = Award.objects.active().for_year(rubric.year).exists()
        return locked
