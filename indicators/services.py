"""Writing figures: extracting them from pieces, and the editors' review.

Extraction never touches a figure an editor has reviewed: a piece extracted again (published
again, or the whole archive by `extract_figures`) replaces only its figures still 待核.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles.freshness import bump_archive_version
from articles.models import Article
from indicators.extractor import Extractor, Figure
from indicators.models import ExtractedFigure, Indicator, Review


@dataclass(frozen=True)
class Extraction:
    pieces: int
    figures: int  # figures written, not counting the reviewed ones kept


def extractor() -> tuple[Extractor, dict[str, Indicator]]:
    indicators = {indicator.name: indicator for indicator in Indicator.objects.all()}
    return Extractor(Indicator.objects.catalogue()), indicators


def figures_of(article: Article, reader: Extractor) -> list[Figure]:
    """What the piece states, read against its issue's date (or its submission's, unscheduled)."""
    day = article.issue.date if article.issue else timezone.localdate(article.created_at)
    zone = article.zone.official_name if article.zone else ""
    return reader.extract(article.body, issue_date=day, zone=zone, title=article.title)


@transaction.atomic
def extract_pieces(articles, *, reader=None) -> Extraction:
    """Extract the figures of these pieces again, keeping every reviewed figure as it is."""
    reader, indicators = reader or extractor()
    articles = list(articles)
    ExtractedFigure.objects.pending().filter(article__in=articles).delete()
    reviewed = set()
    for article_id, indicator, label, read_as in ExtractedFigure.objects.filter(
        article__in=articles
    ).values_list("article_id", "indicator__name", "period_label", "read_as"):
        reviewed |= {(article_id, f"{indicator}|{label}"), (article_id, read_as)}
    new = []
    for article in articles:
        for figure in figures_of(article, reader):
            label = figure.period.label if figure.period else ""
            read_as = f"{figure.indicator}|{label}"
            if (article.pk, read_as) in reviewed:
                continue
            new.append(
                ExtractedFigure(
                    indicator=indicators[figure.indicator],
                    value=figure.value,
                    unit=figure.unit,
                    change=figure.change,
                    period_start=figure.period and figure.period.start,
                    period_end=figure.period and figure.period.end,
                    period_label=label,
                    zone_id=article.zone_id,
                    article=article,
                    sentence=figure.sentence,
                    read_as=read_as,
                )
            )
    ExtractedFigure.objects.bulk_create(new)
    return Extraction(pieces=len(articles), figures=len(new))


def _reviewed(figures, review: Review, by) -> int:
    changed = figures.update(review=review, reviewed_by=by, reviewed_at=timezone.now())
    if changed:
        bump_archive_version()  # the zone pages show confirmed figures; update() sends no signal
    return changed


@transaction.atomic
def confirm(*, figures, by) -> int:
    """Confirm figures as read; a figure an editor corrected stays 已更正."""
    return _reviewed(figures.exclude(review=Review.CORRECTED), Review.CONFIRMED, by)


@transaction.atomic
def reject(*, figures, by) -> int:
    return _reviewed(figures, Review.REJECTED, by)


@transaction.atomic
def correct(*, figure: ExtractedFigure, by, period_label: str) -> ExtractedFigure:
    """Save an editor's correction (the form set indicator, value, change and period on the
    figure); it becomes 已更正, which is public."""
    figure.period_label = period_label
    figure.unit = figure.indicator.unit
    figure.review, figure.reviewed_by, figure.reviewed_at = Review.CORRECTED, by, timezone.now()
    figure.save()
    bump_archive_version()
    return figure
