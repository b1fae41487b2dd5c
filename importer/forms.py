"""The upload form of the admin's 导入版面: the files, and the issue details for the pages
that no manifest in a zip describes. What can be said of each field alone is checked here;
the files themselves are read and checked by uploads.py."""

from django import forms

from articles.models import Issue
from importer.manifest import MAX_ISSUE_NUMBER, MAX_PAGE
from importer.uploads import IssueDetails


class PageFilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PageFilesField(forms.FileField):
    """One or more files from one input."""

    widget = PageFilesInput

    def clean(self, data, initial=None):
        if not data:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        files = data if isinstance(data, list | tuple) else [data]
        return [super(PageFilesField, self).clean(file, initial) for file in files]


class UploadForm(forms.Form):
    files = PageFilesField(
        label="版面文件",
        help_text="一个或多个 .txt 版面文件（UTF-8 或 GB18030 编码），或装有它们的 .zip 压缩包。",
        error_messages={"required": "请选择要导入的版面文件。"},
        widget=PageFilesInput(attrs={"accept": ".txt,.zip"}),
    )
    issue_date = forms.DateField(
        label="出版日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="压缩包中附有 manifest.json 的版面按清单导入，可不填。",
        error_messages={"invalid": "请按“YYYY-MM-DD”填写出版日期。"},
    )
    issue_number = forms.IntegerField(
        label="期号",
        required=False,
        min_value=1,
        max_value=MAX_ISSUE_NUMBER,
        help_text="不知道可不填。",
    )
    issue_title = forms.CharField(
        label="特刊名称",
        required=False,
        max_length=Issue._meta.get_field("title").max_length,
        help_text="例如“两会特刊·开发区篇”；普通一期不填。",
    )
    is_special = forms.BooleanField(label="特刊", required=False)
    first_page = forms.IntegerField(
        label="版次",
        initial=1,
        min_value=1,
        max_value=MAX_PAGE,
        help_text="上传多个版面文件时，按文件名顺序从这一版起依次编号。",
        error_messages={"required": "请填写版次。"},
    )

    def issue_details(self) -> IssueDetails:
        data = self.cleaned_data
        return IssueDetails(
            date=data["issue_date"],
            number=data["issue_number"],
            title=data["issue_title"],
            is_special=data["is_special"],
            first_page=data["first_page"],
        )

    def uploaded_files(self) -> list:
        """(name, size, file) for each file, as uploads.read_upload takes them."""
        return [(file.name, file.size, file) for file in self.cleaned_data["files"]]
