"""A piece's versions (修改留痕): the list, and a character-level comparison of any two.

For a published piece it also sets the correspondent's original against the printed text,
with the edit rate (editorial/diff.py says how it is counted).
"""

from django.contrib import admin
from django.shortcuts import get_object_or_404, render

from articles.models import Article, ArticleVersion, Status, VersionKind
from editorial import diff
from editorial.versions import TEXT_FIELDS


def article_versions(request, object_id):
    article = get_object_or_404(Article, pk=object_id)
    versions = list(article.versions.select_related("by").order_by("number"))
    by_number = {version.number: version for version in versions}
    old, new = _chosen(request, versions, by_number)
    printed = _printed(article, versions) if article.status == Status.PUBLISHED else None
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"修改留痕：{article.title}",
        "versions": versions,
        "old": old,
        "new": new,
        "fields": compared_fields(old, new) if old and new else [],
        "printed": printed,
    }
    return render(request, "admin/articles/article/versions.html", context)


def compared_fields(old, new) -> list[tuple[str, diff.Comparison]]:
    """The text fields of two versions (or of a piece and a form), compared, with their
    labels; fields empty on both sides are left out."""
    return [
        (
            ArticleVersion._meta.get_field(name).verbose_name,
            diff.compare(getattr(old, name), getattr(new, name)),
        )
        for name in TEXT_FIELDS
        if getattr(old, name) or getattr(new, name)
    ]


def _chosen(request, versions, by_number):
    """The two versions to compare: ?a= and ?b= (numbers), by default the last two."""
    numbers = [version.number for version in versions]
    defaults = (numbers[-2:][0] if numbers else None, numbers[-1] if numbers else None)
    chosen = []
    for key, default in zip(("a", "b"), defaults, strict=True):
        value = request.GET.get(key, "")
        number = int(value) if value.isdigit() else default
        chosen.append(by_number.get(number, by_number.get(default)))
    return chosen


def _printed(article, versions):
    """通讯员原稿 vs 刊发稿: the first version, and the last one before any correction (a
    published piece's text changes only through corrections)."""
    before_corrections = []
    for version in versions:
        if version.kind == VersionKind.CORRECTION:
            break
        before_corrections.append(version)
    if not before_corrections:
        return None
    original, printed = before_corrections[0], before_corrections[-1]
    return {
        "original": original,
        "printed": printed,
        "body": diff.compare(original.body, printed.body),
        "rate_percent": f"{diff.edit_rate(original.body, printed.body):.1%}",
    }
