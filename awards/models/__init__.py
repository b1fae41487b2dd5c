"""The awards app's models: the year's scoring rubric, the awards it led to, and the byline
credits the year-end list counts (a proxy of articles.Authorship)."""

from .award import AWARD_NAME, ISSUER, Award, AwardQuerySet
from .credit import Credit, CreditQuerySet
from .rubric import Rubric, RubricQuerySet, Sharing

__all__ = [
    "AWARD_NAME",
    "ISSUER",
    "Award",
    "AwardQuerySet",
    "Credit",
    "CreditQuerySet",
    "Rubric",
    "RubricQuerySet",
    "Sharing",
]
