"""Choices shared by the articles app's models."""

from django.db import models


class Genre(models.TextChoices):
    NEWS = "消息", "消息"
    FEATURE = "通讯", "通讯"
    COMMENTARY = "评论", "评论"
    SURVEY = "综述", "综述"
    PHOTO_NEWS = "图片新闻", "图片新闻"
    OTHER = "其他", "其他"


class Status(models.TextChoices):
    """Where a piece stands. Only editorial/workflow.py changes an article's status."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已投稿"
    IN_REVIEW = "in_review", "审阅中"
    REVISION = "revision", "退修"
    ACCEPTED = "accepted", "已录用"
    SCHEDULED = "scheduled", "已排期"
    PUBLISHED = "published", "已刊发"
    REJECTED = "rejected", "不予采用"
    WITHDRAWN = "withdrawn", "已撤回"
