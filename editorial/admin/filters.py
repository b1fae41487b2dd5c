"""A list filter that opens on one of its choices instead of on everything.

The editors' lists open on what waits for them (the queue on 待处理, the mail on 待认领);
Django's filters open on "all", so the default is written into the choices and the queryset.
"""

from django.contrib import admin


class OpensOnChoice(admin.SimpleListFilter):
    """Subclasses set `default` (one of their lookups) and filter in queryset() by chosen()."""

    default: str

    def chosen(self) -> str:
        return self.value() or self.default

    def choices(self, changelist):
        value = self.chosen()
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }
