from django.contrib import admin, messages

from .models import Zone, ZoneAlias


class ZoneAliasInline(admin.TabularInline):
    model = ZoneAlias
    extra = 1
    fields = ["name", "derived"]
    readonly_fields = ["derived"]


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["official_name", "short_name", "kind", "level", "city", "parent", "confirmed"]
    list_filter = ["confirmed", "level", "city", "kind"]
    list_select_related = ["parent"]
    search_fields = ["official_name", "short_name", "aliases__name", "county"]
    autocomplete_fields = ["parent"]
    inlines = [ZoneAliasInline]
    actions = ["mark_confirmed"]
    fieldsets = [
        (None, {"fields": ["official_name", "short_name", "kind", "parent", "confirmed"]}),
        ("级别与位置", {"fields": ["level", "level_note", "level_inferred", "city", "county"]}),
        ("来源", {"fields": ["source"]}),
    ]

    @admin.action(description="标记为已核实")
    def mark_confirmed(self, request, queryset):
        count = queryset.update(confirmed=True)
        self.message_user(request, f"已核实 {count} 个开发区。", messages.SUCCESS)


@admin.register(ZoneAlias)
class ZoneAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "zone", "derived"]
    list_filter = ["derived"]
    list_select_related = ["zone"]
    search_fields = ["name", "zone__official_name"]
    autocomplete_fields = ["zone"]
