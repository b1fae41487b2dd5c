"""The awards app's models: the year's scoring rubric, the awards it led to, the byline
credits the year-end list counts (a proxy of articles.Authorship), and the editors' switch
for showing correspondents their running score."""

from .award import AWARD_NAME, ISSUER, Award, AwardQuerySet
from .credit import Credit, CreditQuerySet
from .live_points import LivePoints
from .rubric import Rubric, RubricQuerySet, Sharing

__all__ = [
    "AWARD_NAME",
    "ISSUER",
    "Award",
    "AwardQuerySet",
    "Credit",
    "CreditQuerySet",
    "LivePoints",
    "Rubric",
    "RubricQuerySet",
    "Sharing",
]
