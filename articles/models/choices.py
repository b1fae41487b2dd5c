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
    # With two or three review levels (三审制, KFQ_REVIEW_LEVELS) a piece passes 初审 and 复审
    # before 终审 accepts it; with one level it goes from 审阅中 straight to 已录用.
    FIRST_PASSED = "first_passed", "初审通过"
    SECOND_PASSED = "second_passed", "复审通过"
    REVISION = "revision", "退修"
    ACCEPTED = "accepted", "已录用"
    SCHEDULED = "scheduled", "已排期"
    PUBLISHED = "published", "已刊发"
    REJECTED = "rejected", "不予采用"
    WITHDRAWN = "withdrawn", "已撤回"
