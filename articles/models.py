"""Issues, articles, their authors and photos, and the call for papers they answer."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q

from zones.models import Zone

from .text import paragraphs_of


class Genre(models.TextChoices):
    NEWS = "消息", "消息"
    FEATURE = "通讯", "通讯"
    COMMENTARY = "评论", "评论"
    SURVEY = "综述", "综述"
    PHOTO_NEWS = "图片新闻", "图片新闻"
    OTHER = "其他", "其他"


class Status(models.TextChoices):
    """Where a piece stands. Only articles/workflow.py changes an article's status."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已投稿"
    IN_REVIEW = "in_review", "审阅中"
    REVISION = "revision", "退修"
    ACCEPTED = "accepted", "已录用"
    SCHEDULED = "scheduled", "已排期"
    PUBLISHED = "published", "已刊发"
    REJECTED = "rejected", "不予采用"
    WITHDRAWN = "withdrawn", "已撤回"


class CallForPapersQuerySet(models.QuerySet):
    def current(self):
        """The call editors most recently issued, or None."""
        return self.order_by("-date", "-pk").first()


class CallForPapers(models.Model):
    """A 征稿启事: what the weekly asks the zones to write, and how it rewards them."""

    date = models.DateField("发布日期")
    issuer = models.CharField("发布单位", max_length=60, default="《开发区建设》周刊编辑部")
    addressee = models.CharField("致", max_length=60, blank=True)
    introduction = models.TextField("缘起", blank=True)
    guidance = models.TextField("稿件导向", blank=True)
    themes_intro = models.CharField("主题说明", max_length=200, blank=True)
    requirements = models.TextField("稿件要求", blank=True)
    special_note = models.TextField("特别提示", blank=True)
    max_photos = models.PositiveSmallIntegerField("每篇配图上限", default=1)
    submission_email = models.EmailField("投稿邮箱", blank=True)
    source_text = models.TextField(
        "原文", blank=True, help_text="导入时版面上的征稿启事全文，以便核对。"
    )
    source_file = models.CharField("来源文件", max_length=100, blank=True)

    objects = CallForPapersQuerySet.as_manager()

    class Meta:
        verbose_name = "征稿启事"
        verbose_name_plural = "征稿启事"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file"],
                condition=~Q(source_file=""),
                name="call_unique_source_file",
            ),
        ]

    def __str__(self):
        return f"征稿启事（{self.date:%Y年%-m月%-d日}）"


class CallTheme(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="themes"
    )
    number = models.PositiveSmallIntegerField("序号")
    name = models.CharField("主题", max_length=30)
    description = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "征稿主题"
        verbose_name_plural = "征稿主题"
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="theme_unique_number"),
            models.UniqueConstraint(fields=["call", "name"], name="theme_unique_name"),
        ]

    def __str__(self):
        return self.name


class CallGenre(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="genres"
    )
    genre = models.CharField("体裁", max_length=10, choices=Genre.choices)
    target_length = models.PositiveIntegerField("目标字数", help_text="按中文计字规则计算。")
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "征稿体裁"
        verbose_name_plural = "征稿体裁"
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "genre"], name="call_genre_unique"),
            models.CheckConstraint(condition=Q(target_length__gt=0), name="call_genre_length_gt_0"),
        ]

    def __str__(self):
        return f"{self.genre}（{self.target_length}字左右）"


class CallReward(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="rewards"
    )
    number = models.PositiveSmallIntegerField("序号")
    text = models.TextField("鼓励办法")

    class Meta:
        verbose_name = "鼓励办法"
        verbose_name_plural = "鼓励办法"
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="reward_unique_number"),
        ]

    def __str__(self):
        return self.text[:30]


class CallContact(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField("联系人", max_length=20)
    phone = models.CharField("电话", max_length=30, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "联系人"
        verbose_name_plural = "联系人"
        ordering = ["call", "position"]

    def __str__(self):
        return f"{self.name} {self.phone}".strip()


class Issue(models.Model):
    """One issue (期) of the weekly."""

    date = models.DateField("出版日期", unique=True)
    date_inferred = models.BooleanField(
        "日期系推断", default=False, help_text="版面未印日期、由正文推断时勾选。"
    )
    date_basis = models.CharField("推断依据", max_length=300, blank=True)
    number = models.PositiveIntegerField("期号", null=True, blank=True)
    title = models.CharField(
        "特刊名称", max_length=60, blank=True, help_text="如：两会特刊·开发区篇"
    )
    is_special = models.BooleanField("特刊", default=False)
    pages = models.PositiveSmallIntegerField("版数", default=1)

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(condition=Q(pages__gte=1), name="issue_pages_gte_1"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1), name="issue_number_gte_1"
            ),
        ]

    def __str__(self):
        label = f"{self.date:%Y年%-m月%-d日}"
        if self.number:
            label += f" 第{self.number}期"
        if self.title:
            label += f" {self.title}"
        return label


class Contributor(models.Model):
    """Someone whose name stands in a byline; a correspondent also has a login."""

    name = models.CharField("姓名", max_length=30, db_index=True)
    zone = models.ForeignKey(
        Zone,
        verbose_name="所在开发区",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributors",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributor",
    )
    phone = models.CharField("电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "作者"
        verbose_name_plural = "作者"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def imported(self):
        return self.exclude(source_file="")

    def with_listing_relations(self):
        """What a list of articles shows: zone, issue and the authors in byline order."""
        return self.select_related("zone", "issue").prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("contributor").order_by("order"),
            )
        )

    def in_print_order(self):
        return self.order_by("-issue__date", "page", "position", "pk")


class Article(models.Model):
    kicker = models.CharField("引题", max_length=120, blank=True)
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    zone_label = models.CharField(
        "开发区栏头", max_length=60, blank=True, help_text="版面上标题前单列的开发区名称，照录。"
    )
    dateline = models.CharField(
        "电头", max_length=20, blank=True, help_text="如：科学导报讯、本刊讯"
    )
    body = models.TextField("正文", help_text="段落之间空一行。")
    byline = models.CharField(
        "署名", max_length=100, blank=True, help_text="版面上的署名原样，如“(常珍珍 张帆)”。"
    )
    zone = models.ForeignKey(
        Zone,
        verbose_name="开发区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    issue = models.ForeignKey(
        Issue,
        verbose_name="期",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    page = models.PositiveSmallIntegerField("版次", null=True, blank=True)
    position = models.PositiveSmallIntegerField("版内顺序", null=True, blank=True)
    genre = models.CharField("体裁", max_length=10, choices=Genre.choices, default=Genre.NEWS)
    call = models.ForeignKey(
        CallForPapers,
        verbose_name="征稿启事",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    theme = models.ForeignKey(
        CallTheme,
        verbose_name="主题",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    authors = models.ManyToManyField(
        Contributor, verbose_name="作者", through="Authorship", related_name="articles"
    )
    source_file = models.CharField(
        "来源文件", max_length=100, blank=True, help_text="导入的版面文件名；在线投稿为空。"
    )
    source_position = models.PositiveSmallIntegerField("版面中的位置", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-issue__date", "page", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="article_status_valid"
            ),
            models.CheckConstraint(condition=Q(genre__in=Genre.values), name="article_genre_valid"),
            models.CheckConstraint(
                condition=Q(page__isnull=True) | Q(page__gte=1), name="article_page_gte_1"
            ),
            models.CheckConstraint(
                condition=Q(position__isnull=True) | Q(position__gte=1),
                name="article_position_gte_1",
            ),
            models.CheckConstraint(
                condition=Q(source_file="") | Q(source_position__isnull=False),
                name="article_source_has_position",
            ),
            models.UniqueConstraint(
                fields=["issue", "page", "position"],
                condition=Q(issue__isnull=False, page__isnull=False, position__isnull=False),
                name="article_unique_place_in_issue",
            ),
            models.UniqueConstraint(
                fields=["source_file", "source_position"],
                condition=~Q(source_file=""),
                name="article_unique_source_place",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "issue"], name="article_status_issue_idx"),
            models.Index(fields=["zone", "status"], name="article_zone_status_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.body)

    def author_names(self) -> list[str]:
        """Names in byline order; uses the prefetch of with_listing_relations() when present."""
        return [authorship.contributor.name for authorship in self.authorships.all()]


class Authorship(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="authorships"
    )
    contributor = models.ForeignKey(
        Contributor, verbose_name="作者", on_delete=models.PROTECT, related_name="authorships"
    )
    order = models.PositiveSmallIntegerField("署名顺序", default=1)

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        ordering = ["article", "order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "order"], name="authorship_unique_order"),
            models.UniqueConstraint(
                fields=["article", "contributor"], name="authorship_unique_contributor"
            ),
            models.CheckConstraint(condition=Q(order__gte=1), name="authorship_order_gte_1"),
        ]

    def __str__(self):
        return f"{self.contributor}（第{self.order}作者）"


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="photos"
    )
    caption = models.CharField("图片说明", max_length=200)
    credit = models.CharField(
        "图片来源", max_length=60, blank=True, help_text="如：山西转型综改区供图"
    )
    image = models.ImageField("图片", upload_to="photos/%Y/%m/", blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "图片"
        verbose_name_plural = "图片"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="photo_unique_position"),
        ]

    def __str__(self):
        return self.caption


class ImportLeftover(models.Model):
    """Text on a seed page that is neither an article, a caption nor the call for papers.

    Kept so that nothing on a page is lost: an editor reviews each piece.
    """

    source_file = models.CharField("来源文件", max_length=100)
    line_number = models.PositiveIntegerField("行号")
    text = models.TextField("文字")
    reason = models.CharField("归类", max_length=60)
    reviewed = models.BooleanField("已处理", default=False)

    class Meta:
        verbose_name = "待核对文字"
        verbose_name_plural = "待核对文字"
        ordering = ["source_file", "line_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file", "line_number"], name="leftover_unique_place"
            ),
        ]

    def __str__(self):
        return f"{self.source_file}:{self.line_number} {self.text[:20]}"
