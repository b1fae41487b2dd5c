"""Writing one parsed page into the database, in place of what an earlier import wrote."""

from dataclasses import dataclass

from django.db import transaction

from zones.registry import ZoneDirectory

from .. import bylines, workflow
from ..models import (
    Article,
    CallForPapers,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from .layout import ParsedArticle, ParsedPage
from .manifest import PageInfo


@dataclass
class PageReport:
    file: str
    articles_created: int = 0
    articles_updated: int = 0
    articles_removed: int = 0
    captions: int = 0
    leftover_chars: int = 0
    new_zones: tuple[str, ...] = ()
    call: bool = False


@transaction.atomic
def store_page(page: ParsedPage, info: PageInfo, zones: ZoneDirectory) -> PageReport:
    report = PageReport(file=info.file)
    issue = _issue(info)
    new_zones = []
    seen_ids = []
    for position, parsed in enumerate(page.articles, start=1):
        zone = _zone(parsed, zones, info, new_zones)
        article, created = Article.objects.update_or_create(
            source_file=info.file,
            source_position=position,
            defaults={
                "kicker": parsed.kicker,
                "title": parsed.title,
                "subtitle": parsed.subtitle,
                "zone_label": parsed.zone_label,
                "dateline": parsed.dateline,
                "body": parsed.body,
                "byline": parsed.byline,
                "zone": zone,
                "issue": issue,
                "page": info.page,
                "position": position,
                "genre": parsed.genre,
            },
        )
        report.articles_created += created
        report.articles_updated += not created
        _authors(article, parsed, zone)
        _captions(article, parsed)
        report.captions += len(parsed.captions)
        seen_ids.append(article.pk)
    workflow.publish_imported(seen_ids)

    stale = Article.objects.filter(source_file=info.file).exclude(pk__in=seen_ids)
    report.articles_removed = stale.count()
    stale.delete()

    ImportLeftover.objects.filter(source_file=info.file).exclude(
        line_number__in=[leftover.line for leftover in page.leftovers]
    ).delete()
    for leftover in page.leftovers:
        ImportLeftover.objects.update_or_create(
            source_file=info.file,
            line_number=leftover.line,
            defaults={"text": leftover.text, "reason": leftover.reason},
        )
        report.leftover_chars += sum(1 for ch in leftover.text if not ch.isspace())

    if page.call:
        _call(page, info)
        report.call = True
    report.new_zones = tuple(new_zones)
    return report


def _issue(info: PageInfo) -> Issue:
    issue, _ = Issue.objects.update_or_create(
        date=info.issue_date,
        defaults={
            "date_inferred": info.date_inferred,
            "date_basis": info.date_basis,
            "number": info.issue_number,
            "title": info.issue_title,
            "is_special": info.is_special,
        },
    )
    if issue.pages < info.page:
        issue.pages = info.page
        issue.save(update_fields=["pages"])
    return issue


def _zone(parsed: ParsedArticle, zones: ZoneDirectory, info: PageInfo, new_zones: list):
    if not parsed.zone_name:
        return None
    zone = zones.resolve(parsed.zone_name)
    if zone is None:
        parent = zones.resolve(parsed.zone_parent_name) if parsed.zone_parent_name else None
        zone = zones.add_unconfirmed(
            parsed.zone_name,
            source=f"导入版面 {info.file}（{info.issue_date:%Y-%m-%d}）时发现",
            parent=parent,
        )
        new_zones.append(zone.official_name)
    return zone


def _contributor(name: str, zone) -> Contributor:
    return bylines.contributor_for_name(name=name, zone=zone)


def _authors(article: Article, parsed: ParsedArticle, zone):
    bylines.set_authors(
        article=article, contributors=[_contributor(name, zone) for name in parsed.authors]
    )


def _captions(article: Article, parsed: ParsedArticle):
    for position, caption in enumerate(parsed.captions, start=1):
        Photo.objects.update_or_create(
            article=article,
            position=position,
            defaults={"caption": caption.caption, "credit": caption.credit},
        )
    article.photos.filter(position__gt=len(parsed.captions)).delete()


def _call(page: ParsedPage, info: PageInfo):
    parsed = page.call
    call, _ = CallForPapers.objects.update_or_create(
        source_file=info.file,
        defaults={
            "date": parsed.date or info.issue_date,
            "issuer": parsed.issuer or "《开发区建设》周刊编辑部",
            "addressee": parsed.addressee,
            "introduction": parsed.introduction,
            "guidance": parsed.guidance,
            "themes_intro": parsed.themes_intro,
            "requirements": parsed.requirements,
            "special_note": parsed.special_note,
            "max_photos": parsed.max_photos,
            "submission_email": parsed.submission_email,
            "source_text": parsed.source_text,
        },
    )
    _replace_rows(
        call.themes,
        "number",
        {t.number: {"name": t.name, "description": t.description} for t in parsed.themes},
    )
    _replace_rows(
        call.genres,
        "position",
        {i: {"genre": g, "target_length": n} for i, (g, n) in enumerate(parsed.genres, start=1)},
    )
    _replace_rows(call.rewards, "number", {i: {"text": t} for i, t in enumerate(parsed.rewards, 1)})
    _replace_rows(
        call.contacts,
        "position",
        {i: {"name": n, "phone": p} for i, (n, p) in enumerate(parsed.contacts, start=1)},
    )


def _replace_rows(related_manager, key: str, rows: dict):
    """Make a call's child rows equal rows, updating in place so that references survive."""
    related_manager.exclude(**{f"{key}__in": list(rows)}).delete()
    for value, fields in rows.items():
        related_manager.update_or_create(**{key: value}, defaults=fields)
