"""Forms for the correspondents' side."""

import base64
import re
import uuid

from django import forms
from django.db.models import Q

from articles import bylines
from articles.models import Article, CallForPapers, CallTheme, Contributor, Genre
from articles.photos import MAX_BYTES
from editorial.lengths import CEILING, WARN_ABOVE, WARN_BELOW, check_length
from importer import word
from portal.submissions import new_piece_defaults, pending_photo_of
from zones.models import Zone

SUBMITTABLE_GENRES = [(Genre.NEWS, "消息"), (Genre.FEATURE, "通讯"), (Genre.COMMENTARY, "评论")]


class CorrespondentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, contributor):
        # Namesakes are common; the zone tells two 王波 apart.
        if contributor.zone_id is None:
            return contributor.name
        return f"{contributor.name}（{contributor.zone}）"


class SubmissionForm(forms.ModelForm):
    call = forms.ModelChoiceField(
        label="征稿启事", queryset=CallForPapers.objects.all(), empty_label=None
    )
    theme = forms.ModelChoiceField(
        label="主题", queryset=CallTheme.objects.all(), required=False, empty_label="（不限）"
    )
    genre = forms.ChoiceField(label="体裁", choices=SUBMITTABLE_GENRES)
    zone = forms.ModelChoiceField(label="开发区", queryset=Zone.objects.all(), empty_label=None)
    co_authors = CorrespondentChoiceField(
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
    # Read by the 读取文档 button into the fields below (portal/word_import.py), never saved.
    word_file = forms.FileField(
        label="Word 文档（.docx）",
        required=False,
        help_text="用 WPS 或 Word 写好的稿件：标题、正文、第一张图片和图片说明会填入下面的表单，"
        "核对后再保存或投稿。",
        widget=forms.FileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "data-max-bytes": word.MAX_BYTES,
                "data-what": "文档",
                "data-smaller": "请先在文档中压缩图片。",
            }
        ),
    )
    photo = forms.FileField(
        label="配图（最多一张）",
        required=False,
        help_text="JPEG、PNG 或 WebP，不超过 10 MB。",
        # data-max-bytes: static/js/photo-size.js warns before the upload (nginx refuses more).
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp", "data-max-bytes": MAX_BYTES}
        ),
    )
    # On a phone: straight from the camera (the input above also offers the phone's gallery).
    photo_camera = forms.FileField(
        label="或用手机拍照",
        required=False,
        widget=forms.FileInput(
            attrs={"accept": "image/*", "capture": "environment", "data-max-bytes": MAX_BYTES}
        ),
    )
    # The checked photo kept from an earlier try of this form (see submissions.keep_pending_photo).
    pending_photo = forms.UUIDField(required=False, widget=forms.HiddenInput)
    remove_pending_photo = forms.BooleanField(label="移除", required=False)
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
        self.pending = None
        self.length = None
        byline = bylines.authors_of(self.instance) if self.instance.pk else []
        # The first author and the user themselves are not the user's to pick or drop here.
        fixed = [c.pk for c in byline[:1]] + [user.contributor.pk]
        others = byline[1:]
        self.initial_co_authors = {c.pk for c in others if c.user_id and c.pk not in fixed}
        self.initial_extra_names = [c.name for c in others if not c.user_id]
        self.fields["co_authors"].queryset = (
            Contributor.objects.filter(
                Q(user__isnull=False, user__is_active=True) | Q(pk__in=self.initial_co_authors)
            )
            .exclude(pk__in=fixed)
            .select_related("zone")
        )
        defaults = None if self.instance.pk else new_piece_defaults(user)
        call = defaults["call"] if defaults else self.instance.call
        self.genre_targets = dict(call.genres.values_list("genre", "target_length")) if call else {}
        if defaults:
            self.fields["zone"].initial = defaults["zone"]
            self.fields["call"].initial = call
            # One form, one piece: a second post of this form leads to the first one's piece.
            self.fields["submission_token"] = forms.UUIDField(
                required=False, widget=forms.HiddenInput, initial=uuid.uuid4
            )
        else:
            if existing_photo:
                self.fields["photo_caption"].initial = existing_photo.caption
                self.fields["photo_credit"].initial = existing_photo.credit
            self.fields["co_authors"].initial = list(self.initial_co_authors)
            self.fields["extra_authors"].initial = " ".join(self.initial_extra_names)

    def genre_options(self):
        """(value, label, target length, selected) for the genre picker and its live counter."""
        selected = self["genre"].value()
        return [
            (value, label, self.genre_targets.get(value, ""), value == selected)
            for value, label in SUBMITTABLE_GENRES
        ]

    def clean_extra_authors(self):
        names = [
            name for name in re.split(r"[\s、，,]+", self.cleaned_data["extra_authors"]) if name
        ]
        for name in names:
            bylines.check_name(name)
        return names

    def clean_pending_photo(self):
        token = self.cleaned_data["pending_photo"]
        if token is None:
            return None
        pending = pending_photo_of(user=self.user, token=token)
        if pending is None:
            self.add_error("photo", "之前选择的图片已失效，请重新选择图片。")
        return pending

    def byline_changed(self) -> bool:
        """Whether the user changed the co-authors; if not, the save leaves the byline alone."""
        chosen = {c.pk for c in self.cleaned_data["co_authors"]}
        return (
            chosen != self.initial_co_authors
            or self.cleaned_data["extra_authors"] != self.initial_extra_names
        )

    def pending_thumbnail(self) -> str:
        """The pending photo's thumbnail as a data: URI.

        Embedded rather than linked, so it reaches only the uploader, who is the one
        looking at this form; no media URL ever serves a pending photo.
        """
        with self.pending.thumbnail.open("rb") as thumbnail:
            data = base64.b64encode(thumbnail.read()).decode("ascii")
        extension = self.pending.thumbnail.name.rsplit(".", 1)[-1]
        return f"data:image/{'jpeg' if extension == 'jpg' else extension};base64,{data}"

    def clean(self):
        cleaned = super().clean()
        call, theme = cleaned.get("call"), cleaned.get("theme")
        if call and theme and theme.call_id != call.pk:
            self.add_error("theme", "所选主题不属于这份征稿启事。")
        if cleaned.get("remove_pending_photo"):
            cleaned["pending_photo"] = None
        self.pending = cleaned.get("pending_photo")
        if self.pending or self.existing_photo:
            current = None if self.pending else self.existing_photo
            if not cleaned.get("photo_caption") and not (current and current.caption):
                self.add_error("photo_caption", "配图需要填写图片说明。")
            if not cleaned.get("photo_credit") and not (current and current.credit):
                self.add_error("photo_credit", "配图需要填写图片来源（作者或供图单位）。")
        if cleaned.get("body") is not None and cleaned.get("genre"):
            # Shown after the save; an over-long piece is still saved, and only its submission
            # is refused (save_submission), so no typed word is lost.
            self.length = check_length(body=cleaned["body"], genre=cleaned["genre"], call=call)
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="撤回原因",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="编辑部会看到这条原因。撤回后可以重新打开为草稿，稿件编号不变。",
        error_messages={"required": "请写明撤回原因，让编辑部知道。"},
    )


class AutosaveForm(forms.ModelForm):
    """What autosave keeps of a piece being written: its text and choices, however unfinished.

    Nothing is required (a title may not exist yet); a missing choice takes the form's default.
    The byline and the photo are saved with the form's own buttons.
    """

    call = forms.ModelChoiceField(queryset=CallForPapers.objects.all(), required=False)
    theme = forms.ModelChoiceField(queryset=CallTheme.objects.all(), required=False)
    genre = forms.ChoiceField(choices=SUBMITTABLE_GENRES, required=False)
    zone = forms.ModelChoiceField(queryset=Zone.objects.all(), required=False)

    class Meta:
        model = Article
        fields = SubmissionForm.Meta.fields

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("kicker", "title", "subtitle", "body"):
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        piece = self.instance
        defaults = new_piece_defaults(self.user)
        cleaned["call"] = cleaned.get("call") or (piece.call if piece.pk else None)
        cleaned["call"] = cleaned["call"] or defaults["call"]
        cleaned["zone"] = cleaned.get("zone") or (piece.zone if piece.pk else None)
        cleaned["zone"] = cleaned["zone"] or defaults["zone"]
        cleaned["genre"] = cleaned.get("genre") or piece.genre or Genre.NEWS
        theme = cleaned.get("theme")
        if theme and cleaned["call"] and theme.call_id != cleaned["call"].pk:
            cleaned["theme"] = None
        for name in ("kicker", "title", "subtitle", "body"):
            cleaned[name] = cleaned.get(name) or ""
        return cleaned

    def fields_to_save(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
