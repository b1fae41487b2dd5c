from django.contrib import admin, messages
from django.template.response import TemplateResponse

from .merging import MergeRefused, merge_zones
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
    actions = ["mark_confirmed", "merge_selected"]
    fieldsets = [
        (None, {"fields": ["official_name", "short_name", "kind", "parent", "confirmed"]}),
        ("级别与位置", {"fields": ["level", "level_note", "level_inferred", "city", "county"]}),
        ("来源", {"fields": ["source"]}),
    ]

    @admin.action(description="标记为已核实")
    def mark_confirmed(self, request, queryset):
        count = queryset.update(confirmed=True)
        self.message_user(request, f"已核实 {count} 个开发区。", messages.SUCCESS)

    @admin.action(description="合并所选开发区（重复条目）", permissions=["delete"])
    def merge_selected(self, request, queryset):
        zones = list(queryset.order_by("-confirmed", "official_name"))
        if len(zones) < 2:
            self.message_user(request, "请至少选择两个开发区再合并。", messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        if keep_id:
            keep = next((zone for zone in zones if str(zone.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, "保留的开发区必须是所选之一。", messages.ERROR)
                return None
            try:
                moved = merge_zones(keep=keep, duplicates=zones)
            except MergeRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return None
            self.message_user(
                request,
                f"已把 {len(zones) - 1} 个开发区并入“{keep}”，改指 {moved} 条记录，"
                "原名称保留为别名。",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/zones/zone/merge_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "合并开发区",
                "zones": zones,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(ZoneAlias)
class ZoneAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "zone", "derived"]
    list_filter = ["derived"]
    list_select_related = ["zone"]
    search_fields = ["name", "zone__official_name"]
    autocomplete_fields = ["zone"]
