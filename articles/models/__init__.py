"""The articles app's models, one module per concern."""

from .articles import Article, ArticleQuerySet, Authorship, Photo
from .calls import (
    CallContact,
    CallForPapers,
    CallForPapersQuerySet,
    CallGenre,
    CallReward,
    CallTheme,
)
from .choices import Genre, Status
from .history import ArticleTransition, ArticleVersion, EditorComment, ManuscriptCounter
from .imports import ImportedArticle, ImportedPage, ImportLeftover
from .issues import Issue
from .outbox import OutgoingMail
from .pending import PendingPhoto
from .people import Contributor, MailPreference
from .search import SearchEntry

__all__ = [
    "Genre",
    "Status",
    "CallForPapersQuerySet",
    "CallForPapers",
    "CallTheme",
    "CallGenre",
    "CallReward",
    "CallContact",
    "Issue",
    "Contributor",
    "MailPreference",
    "PendingPhoto",
    "ArticleQuerySet",
    "Article",
    "Authorship",
    "Photo",
    "ArticleTransition",
    "ArticleVersion",
    "EditorComment",
    "ManuscriptCounter",
    "ImportLeftover",
    "ImportedPage",
    "ImportedArticle",
    "OutgoingMail",
    "SearchEntry",
]
