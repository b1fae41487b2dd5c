"""The articles app's models, one module per concern."""

from articles.models.articles import Article, ArticleQuerySet, Authorship, Photo
from articles.models.calls import (
    CallContact,
    CallForPapers,
    CallForPapersQuerySet,
    CallGenre,
    CallReward,
    CallTheme,
)
from articles.models.choices import Genre, Status
from articles.models.corrections import Correction
from articles.models.history import (
    ArticleTransition,
    ArticleVersion,
    EditorComment,
    ManuscriptCounter,
    VersionKind,
)
from articles.models.imports import ImportedArticle, ImportedPage, ImportLeftover
from articles.models.issues import Issue
from articles.models.outbox import OutgoingMail
from articles.models.pending import PendingPhoto
from articles.models.people import Contributor, MailPreference
from articles.models.proofs import PublicationProof, PublicationProofQuerySet
from articles.models.search import SearchEntry

__all__ = [
    "PublicationProof",
    "PublicationProofQuerySet",
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
    "VersionKind",
    "Correction",
    "EditorComment",
    "ManuscriptCounter",
    "ImportLeftover",
    "ImportedPage",
    "ImportedArticle",
    "OutgoingMail",
    "SearchEntry",
]
