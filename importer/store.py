"""Writing one parsed page into the database, in place of what an earlier import wrote.

The importer never overwrites an editor's correction. For every piece it writes it keeps one
hash per field (ImportedArticle: the fields, the authors, the captions). On the next import of
the page a piece is
- left as it is when it already holds what the page says;
- rewritten when its values still match those hashes: nobody but the importer touched it;
- otherwise left alone (all its fields, authors and captions) and reported as a conflict that
  names the fields an editor changed. A piece with no hashes (imported before they were kept)
  counts as changed wherever it differs from the page.
A piece that is no longer on the page is deleted only when no editor changed it.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch

from articles import bylines
from articles.models import (
    Article,
    Authorship,
    CallForPapers,
    Contributor,
    ImportedArticle,
    ImportedPage,
    ImportLeftover,
    Issue,
    Photo,
)
from editorial import workflow
from importer import piece_fields
from importer.manifest import PageInfo
from importer.records import Leftover, ParsedArticle, ParsedPage
from zones.directory import ZoneDirectory


@dataclass(frozen=True)
class FieldChange:
    """One field of a conflict: what the page says and what the editor made of it."""

    label: str
    page_text: str  # empty for a piece no longer on the page
    editor_text: str


@dataclass(frozen=True)
class Conflict:
    """A piece an editor changed, which the importer left as the editor made it."""

    file: str
    position: int
    title: str
    # labels of the fields that differ from what the importer last wrote; empty when it kept
    # no record of what it wrote
    fields: tuple[str, ...]
    removed_from_page: bool = False
    # The texts of those fields, or of every field that differs from the page when the importer
    # kept no record. Left out of equality: the fields named say which conflict it is.
    changes: tuple[FieldChange, ...] = field(default=(), compare=False)


@dataclass
class PageReport:
    file: str
    articles_created: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_removed: int = 0
    captions: int = 0
    leftover_chars: int = 0
    new_zones: tuple[str, ...] = ()
    call: bool = False
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[Leftover] = field(default_factory=list)
    # the pieces this import created, for the admin's result page to link
    created_ids: list[int] = field(default_factory=list)


def page_fingerprint(data: bytes, info: PageInfo) -> str:
    """SHA-256 of the page file's bytes and of its manifest entry."""
    digest = hashlib.sha256(data)
    digest.update(b"\0" + info.fingerprint_text().encode("utf-8"))
    return digest.hexdigest()


def is_imported(info: PageInfo, fingerprint: str) -> bool:
    """Whether this very page, with this manifest entry, is what was last imported."""
    return ImportedPage.objects.filter(source_file=info.file, sha256=fingerprint).exists()


def _last_written(article: Article) -> dict | None:
    try:
        return article.import_record.digests
    except ImportedArticle.DoesNotExist:
        return None


def _conflict(file: str, article: Article, changed, page_texts: dict | None) -> Conflict:
    """page_texts is None for a piece no longer on the page."""
    editor_texts = piece_fields.current_texts(article)
    changes = tuple(
        FieldChange(
            piece_fields.field_label(name),
            page_texts[name] if page_texts else "",
            editor_texts[name],
        )
        for name in changed
    )
    return Conflict(
        file,
        article.source_position,
        article.title,
        tuple(change.label for change in changes),
        removed_from_page=page_texts is None,
        changes=changes,
    )


def _remember(article: Article, digests: dict) -> None:
    ImportedArticle.objects.update_or_create(article=article, defaults={"digests": digests})


def _imported_articles(file: str) -> dict[int, Article]:
    """The pieces an earlier import of this page made, by their place on it, with what the
    hashes need."""
    articles = (
        Article.objects.filter(source_file=file)
        .select_related("import_record")
        .prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("contributor").order_by("order"),
            ),
            Prefetch("photos", queryset=Photo.objects.order_by("position")),
        )
    )
    return {article.source_position: article for article in articles}


@transaction.atomic
def store_page(
    page: ParsedPage, info: PageInfo, zones: ZoneDirectory, *, fingerprint: str
) -> PageReport:
    report = PageReport(file=info.file)
    issue = _issue(info)
    new_zones = []
    written_ids = []
    earlier = _imported_articles(info.file)
    for position, parsed in enumerate(page.articles, start=1):
        report.captions += len(parsed.captions)
        zone = _zone(parsed, zones, info, new_zones)
        values = {
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
        }
        authors = list(dict.fromkeys(parsed.authors))
        captions = [(caption.caption, caption.credit) for caption in parsed.captions]
        wanted = piece_fields.digests(values, authors, captions)
        article = earlier.pop(position, None)
        if article is None:
            article = Article.objects.create(
                source_file=info.file, source_position=position, **values
            )
            report.articles_created += 1
            report.created_ids.append(article.pk)
        else:
            current = piece_fields.current_digests(article)
            last = _last_written(article)
            if current == wanted:
                report.articles_unchanged += 1
                if last != wanted:
                    _remember(article, wanted)
                continue
            if current != last:
                changed = piece_fields.changed(current, last or wanted)
                page_texts = piece_fields.texts(values, authors, captions)
                report.conflicts.append(_conflict(info.file, article, changed, page_texts))
                continue
            for name, value in values.items():
                setattr(article, name, value)
            article.save(update_fields=[*values, "updated_at"])
            report.articles_updated += 1
        _authors(article, parsed, zone)
        _captions(article, parsed)
        _remember(article, wanted)
        written_ids.append(article.pk)
    workflow.publish_imported(written_ids)
    report.articles_removed = _remove_gone(earlier.values(), report)

    kept = [*page.leftovers, *page.notes]
    ImportLeftover.objects.filter(source_file=info.file).exclude(
        line_number__in=[leftover.line for leftover in kept]
    ).delete()
    for leftover in kept:
        ImportLeftover.objects.update_or_create(
            source_file=info.file,
            line_number=leftover.line,
            defaults={"text": leftover.text, "reason": leftover.reason},
        )
    report.leftover_chars = sum(
        1 for leftover in page.leftovers for ch in leftover.text if not ch.isspace()
    )
    report.notes = list(page.notes)

    if page.call:
        _call(page, info)
        report.call = True
    report.new_zones = tuple(new_zones)
    ImportedPage.objects.update_or_create(source_file=info.file, defaults={"sha256": fingerprint})
    return report


def _remove_gone(articles, report: PageReport) -> int:
    """Delete the pieces no longer on the page, except those an editor changed."""
    removable = []
    for article in articles:
        current, last = piece_fields.current_digests(article), _last_written(article)
        if current == last:
            removable.append(article.pk)
        else:
            changed = piece_fields.changed(current, last) if last else ()
            report.conflicts.append(_conflict(report.file, article, changed, None))
    Article.objects.filter(pk__in=removable).delete()
    return len(removable)


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
