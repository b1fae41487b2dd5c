"""Forms for the correspondents' side."""

import re

from django import forms

from zones.models import Zone

from .models import Article, CallForPapers, CallTheme, Contributor, Genre
from .submissions import CEILING, WARN_ABOVE, WARN_BELOW, check_length

SUBMITTABLE_GENRES = [(Genre.NEWS, "消息"), (Genre.FEATURE, "通讯"), (Genre.COMMENTARY, "评论")]


class SubmissionForm(forms.ModelForm):
    call = forms.ModelChoiceField(
        label="征稿启事", queryset=CallForPapers.objects.all(), empty_label=None
    )
    theme = forms.ModelChoiceField(
        label="主题", queryset=CallTheme.objects.all(), required=False, empty_label="（不限）"
    )
    genre = forms.ChoiceField(label="体裁", choices=SUBMITTABLE_GENRES)
    zone = forms.ModelChoiceField(label="开发区", queryset=Zone.objects.all(), empty_label=None)
    co_authors = forms.ModelMultipleChoiceField(
        label="合作者（已有账号）",
        queryset=Contributor.objects.none(),
        required=False,
        help_text="按住 Ctrl 可多选。",
    )
    extra_authors = forms.CharField(
        label="其他作者",
        required=False,
        max_length=100,
        help_text="没有账号的合作者，姓名之间用空格或顿号分开，按署名顺序填写。",
    )
    photo = forms.FileField(
        label="配图（最多一张）",
        required=False,
        help_text="JPEG、PNG 或 WebP，不超过 10 MB。",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_caption = forms.CharField(label="图片说明", required=False, max_length=200)
    photo_credit = forms.CharField(
        label="图片来源", required=False, max_length=60, help_text="如：某某摄、某某开发区供图"
    )

    class Meta:
        model = Article
        fields = ["call", "theme", "genre", "zone", "kicker", "title", "subtitle", "body"]
        # The live counter in static/js/length-counter.js reads the thresholds from here, so
        # the rule stays in submissions.py.
        widgets = {
            "body": forms.Textarea(
                attrs={
                    "rows": 18,
                    "data-length-counter": "true",
                    "data-warn-below": WARN_BELOW,
                    "data-warn-above": WARN_ABOVE,
                    "data-ceiling": CEILING,
                }
            )
        }

    def __init__(self, *args, user, existing_photo=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.existing_photo = existing_photo
        self.length = None
        self.fields["co_authors"].queryset = (
            Contributor.objects.filter(user__isnull=False, user__is_active=True)
            .exclude(user=user)
            .select_related("zone")
        )
        call = self.instance.call if self.instance.pk else CallForPapers.objects.current()
        self.genre_targets = dict(call.genres.values_list("genre", "target_length")) if call else {}
        if not self.instance.pk:
            self.fields["zone"].initial = user.contributor.zone_id
            self.fields["call"].initial = call
        else:
            if existing_photo:
                self.fields["photo_caption"].initial = existing_photo.caption
                self.fields["photo_credit"].initial = existing_photo.credit
            self.fields["co_authors"].initial = [
                a.contributor for a in self.instance.authorships.all()[1:] if a.contributor.user_id
            ]

    def genre_options(self):
        """(value, label, target length, selected) for the genre picker and its live counter."""
        selected = self["genre"].value()
        return [
            (value, label, self.genre_targets.get(value, ""), value == selected)
            for value, label in SUBMITTABLE_GENRES
        ]

    def clean_extra_authors(self):
        return [
            name for name in re.split(r"[\s、，,]+", self.cleaned_data["extra_authors"]) if name
        ]

    def clean(self):
        cleaned = super().clean()
        call, theme = cleaned.get("call"), cleaned.get("theme")
        if call and theme and theme.call_id != call.pk:
            self.add_error("theme", "所选主题不属于这份征稿启事。")
        if cleaned.get("photo") or self.existing_photo:
            current = self.existing_photo
            if not cleaned.get("photo_caption") and not (current and current.caption):
                self.add_error("photo_caption", "配图需要填写图片说明。")
            if not cleaned.get("photo_credit") and not (current and current.credit):
                self.add_error("photo_credit", "配图需要填写图片来源（作者或供图单位）。")
        if cleaned.get("body") is not None and cleaned.get("genre"):
            self.length = check_length(body=cleaned["body"], genre=cleaned["genre"], call=call)
            if self.length.refusal:
                self.add_error("body", self.length.refusal)
        return cleaned
