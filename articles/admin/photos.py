"""Photos in the admin: the same door rules as the portal's.

An editor's upload is checked and re-encoded by articles.photos exactly like a correspondent's
(no EXIF or trailing bytes survive, a thumbnail is made); the thumbnail is never uploaded by
hand. PhotoForm does it for the Photo pages and for the photo inline of an article.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html

from articles.models import Photo
from articles.photos import MAX_BYTES, PhotoRejected, attach_processed, process_photo


class PhotoForm(forms.ModelForm):
    # A plain file field: Django's ImageField would hand the upload to every Pillow decoder,
    # where process_photo lets only the JPEG, PNG and WebP ones see it.
    image = forms.FileField(
        label="图片",
        required=False,
        help_text=(
            f"JPEG、PNG 或 WebP，不超过 {MAX_BYTES // 1024 // 1024} MB；"
            "保存时去除拍摄位置等信息，并生成缩略图。"
        ),
    )

    class Meta:
        model = Photo
        # The thumbnail is always made from the image, never uploaded.
        fields = ["article", "caption", "credit", "image", "position"]

    processed = None

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if not isinstance(upload, UploadedFile):
            return upload  # the stored file kept, or cleared (False)
        try:
            self.processed = process_photo(upload=upload)
        except PhotoRejected as rejection:
            raise ValidationError(str(rejection), code="photo_rejected") from rejection
        return self.processed.image

    def save(self, commit=True):
        if self.processed is not None:
            attach_processed(self.instance, self.processed)
        elif self.cleaned_data.get("image") is False:
            self.instance.thumbnail = ""
        return super().save(commit)


class PhotoPreviewMixin:
    class Media:
        css = {"all": ["css/editorial-admin.css"]}  # img.photo-preview

    @admin.display(description="缩略图")
    def preview(self, photo):
        if photo.thumbnail:
            return format_html(
                '<img class="photo-preview" src="{}" alt="{}">',
                photo.thumbnail.url,
                photo.caption,
            )
        return "—"


class PhotoInline(PhotoPreviewMixin, admin.StackedInline):
    # Stacked: the image widget (current file, clear, replace) is too wide for a table row.
    model = Photo
    form = PhotoForm
    extra = 0
    fields = ["preview", "caption", "credit", "image", "position"]
    readonly_fields = ["preview"]


@admin.register(Photo)
class PhotoAdmin(PhotoPreviewMixin, admin.ModelAdmin):
    form = PhotoForm
    list_display = ["caption", "credit", "article", "position"]
    list_select_related = ["article"]
    search_fields = ["caption", "credit", "article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "preview", "caption", "credit", "image", "position"]
    readonly_fields = ["preview"]
