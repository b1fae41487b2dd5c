"""发布更正: an editor writes the notice and the corrected text of a published piece, sees the
notice and the changes on a confirmation step, and only then publishes it
(editorial/corrections.py does the work)."""

from types import SimpleNamespace

from django import forms
from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from articles.models import Article, Status
from editorial import corrections
from editorial.admin.versions import compared_fields
from editorial.versions import TEXT_FIELDS, same_text


class CorrectionForm(forms.Form):
    notice = forms.CharField(
        label="更正说明",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="读者在稿件页面和订阅中看到的说明，如“本文第二段‘2.3亿元’应为‘3.2亿元’。”",
    )
    kicker = forms.CharField(label="引题", required=False, max_length=120)
    title = forms.CharField(label="标题", max_length=200)
    subtitle = forms.CharField(label="副题", required=False, max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 20, "cols": 80}))

    def __init__(self, *args, article, **kwargs):
        self.article = article
        initial = {name: getattr(article, name) for name in TEXT_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)

    def clean(self):
        # A field that differs from the piece only by line breaks (CRLF from the browser) or
        # by the spaces the form strips is unchanged, and keeps the piece's own text.
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            kept = getattr(self.article, name)
            if name in cleaned and same_text(cleaned[name], kept.strip()):
                cleaned[name] = kept
        return cleaned


def add_correction(request, object_id):
    article = get_object_or_404(Article, pk=object_id)
    change_page = reverse("admin:articles_article_change", args=[article.pk])
    if article.status != Status.PUBLISHED:
        messages.error(request, "只有已刊发的稿件可以发布更正。")
        return redirect(change_page)
    form = CorrectionForm(request.POST or None, article=article)
    confirming = request.method == "POST" and "edit" not in request.POST and form.is_valid()
    if confirming and "confirm" in request.POST:
        try:
            corrections.add_correction(article=article, by=request.user, **form.cleaned_data)
        except corrections.CorrectionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"《{article.title}》的更正已发布，读者页面和订阅已更新。")
            return redirect(change_page)
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"发布更正：{article.title}",
        "form": form,
        "confirming": confirming,
    }
    if confirming:
        context["fields"] = compared_fields(article, SimpleNamespace(**form.cleaned_data))
    return render(request, "admin/articles/article/correction.html", context)
