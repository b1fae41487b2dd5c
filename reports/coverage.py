"""The coverage grid: zones down, themes or months across, each cell the zone's pieces, shaded
like a heat map; and the zones gone silent, for commissioning pieces (约稿)."""

import datetime
from dataclasses import dataclass

from . import figures
from .figures import DateBasis, ReportFilter, SilentZone

HEAT_LEVELS = 5  # shades besides blank; static/css/reports-admin.css styles .heat-0 to .heat-5
NO_THEME = None


@dataclass(frozen=True)
class Cell:
    pieces: int
    heat: int  # 0 (none) to HEAT_LEVELS (the grid's busiest cell)


@dataclass(frozen=True)
class GridRow:
    zone_pk: int
    zone: str
    city: str
    cells: list[Cell]

    @property
    def total(self) -> int:
        return sum(cell.pieces for cell in self.cells)


@dataclass(frozen=True)
class Grid:
    title: str
    basis: DateBasis
    columns: list[str]
    rows: list[GridRow]


@dataclass(frozen=True)
class Coverage:
    report: ReportFilter
    basis: DateBasis
    by_theme: Grid
    by_month: Grid
    silent: list[SilentZone]
    silent_months: int
    silent_as_of: datetime.date


def heat(pieces: int, busiest: int) -> int:
    """The shade of a cell: any piece at all shows, and the busiest cell is the darkest."""
    if not pieces:
        return 0
    return max(1, round(HEAT_LEVELS * pieces / busiest))


def grid(title, basis, zones, columns: list[tuple[object, str]], counts: dict) -> Grid:
    busiest = max(counts.values(), default=0)
    rows = [
        GridRow(
            zone.pk,
            zone.display_name,
            zone.get_city_display(),
            [
                Cell(counts.get((zone.pk, key), 0), heat(counts.get((zone.pk, key), 0), busiest))
                for key, _ in columns
            ],
        )
        for zone in zones
    ]
    return Grid(title, basis, [label for _, label in columns], rows)


def coverage_of(report: ReportFilter, *, basis: DateBasis, silent_months: int, today) -> Coverage:
    zones = list(report.zones())
    themes = [(theme.pk, theme.name) for theme in figures.themes_up_to(report.end)]
    step = figures.TimeStep.of(report)
    by_step = figures.coverage_counts(report, "step", basis)
    steps = step.steps(report, {day for _, day in by_step})
    return Coverage(
        report=report,
        basis=basis,
        by_theme=grid(
            "开发区 × 征稿主题",
            basis,
            zones,
            [*themes, (NO_THEME, "未选主题")],
            figures.coverage_counts(report, "theme", basis),
        ),
        by_month=grid(
            f"开发区 × {step.name}份",
            basis,
            zones,
            [(day, step.label(day)) for day in steps],
            by_step,
        ),
        silent=figures.silent_zones(report, months=silent_months, today=today),
        silent_months=silent_months,
        silent_as_of=figures.silent_as_of(report, today),
    )
