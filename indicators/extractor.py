"""The figures a story states: text + issue date + zone → figures. Pure: no Django.

A figure is an indicator of the catalogue (its name or one of its variants) followed at once by
its value ("财政总收入累计完成599900万元"), by its change ("工业投资增速41.6%"), or by both
("…，同比增长10.42%"). Being this strict is what keeps shares ("占工业投资比重98.5%"), project
sums ("新开工固投项目计划投资额…") and absolute changes ("同比增收434万元") out. Further rules:

- The period in force is the last one named before the figure, in the story's title or text
  (periods.py); the title is read for its period only, its figures are the body's again.
- A clause about something smaller than the zone ("专业镇全年营业收入…", a company, a project)
  is not the zone's figure.
- A count may carry its amount in the next clause ("签约项目6个，总投资124.5亿元"): the
  count's indicator says which indicator the amount is.
- Lines that give only "累计完成…" (a table of months) take the indicator the next sentence
  names ("这是一组…一般公共预算收入的成绩").
- One figure per indicator and period in a story: stories give the total and then its parts
  ("其中…", a delegation's signings), so the largest value is the one kept.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from indicators.periods import Period, Reading, periods_in

AMOUNT, COUNT = "元", "个"
UNIT_FACTORS = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
# Words that make a clause's subject smaller than the zone.
NARROWER_SUBJECTS = ("专业镇", "公司", "集团", "项目", "产业链")
CONNECTORS = r"(?:累计|共计|总计|合计|共|完成|实现|达到|达|为|突破|超过|上报|了)*"
NUMBER = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
CHANGE = (
    r"(?:同比)?(?P<word>增长|下降|减少|回落|增速|增幅)(?:为|达|了)?\s*"
    r"(?P<change>-?\d+(?:\.\d+)?)\s*%"
)
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str  # AMOUNT or COUNT
    variants: tuple[str, ...]
    amount_indicator: str = ""  # for a count: the indicator of an amount in the next clause


@dataclass(frozen=True)
class Figure:
    indicator: str
    value: Decimal | None  # in 元 for an amount
    unit: str
    change: Decimal | None  # per cent on the year before, signed
    period: Period | None
    zone: str
    sentence: str


def normalised(number: str, unit: str) -> Decimal:
    return Decimal(number.replace(",", "")) * UNIT_FACTORS.get(unit, 1)


def _value_pattern(unit: str) -> str:
    if unit == AMOUNT:
        return rf"{NUMBER}\s*(?P<unit>亿元|万元|元)(?![/／每])"
    return rf"{NUMBER}\s*(?P<unit>个|项|家)"


class Extractor:
    """Compiled once for a catalogue; extract() may then run over the whole archive."""

    def __init__(self, catalogue: list[IndicatorSpec]):
        self.by_variant = {}
        for spec in catalogue:
            for variant in (spec.name, *spec.variants):
                self.by_variant[variant] = spec
        names = sorted(self.by_variant, key=len, reverse=True)
        # An empty catalogue (an editor removed every indicator) names nothing; an empty
        # alternation would match the empty string in every sentence.
        self.mention = re.compile("|".join(map(re.escape, names)) if names else r"(?!)")
        self.value_after = {
            unit: re.compile(rf"{CONNECTORS}{_value_pattern(unit)}") for unit in (AMOUNT, COUNT)
        }
        self.change_after_mention = re.compile(rf"{CONNECTORS}{CHANGE}")
        self.change_after_value = re.compile(rf"\s*[，,]\s*{CHANGE}")
        self.amount_after_count = re.compile(
            rf"\s*[，,]\s*(?:总投资|签约额|签约金额|投资额|总金额|金额)(?:为|达|共|约)?"
            rf"{_value_pattern(AMOUNT)}"
        )
        self.running_total = re.compile(rf"累计(?:完成|实现){_value_pattern(AMOUNT)}")

    def extract(
        self, text: str, *, issue_date: datetime.date, zone: str = "", title: str = ""
    ) -> list[Figure]:
        reading = Reading(issue_date)
        for _, period in periods_in(title, reading):
            reading.period = period or reading.period
        figures: list[Figure] = []
        waiting: list[Figure] = []  # "累计完成…" lines whose indicator comes after them
        for paragraph in text.split("\n\n"):
            found_in_paragraph = []
            for sentence in filter(None, (s.strip() for s in SENTENCE_END.split(paragraph))):
                found = self._sentence(sentence, reading, zone)
                if found is None:
                    waiting += self._running_totals(sentence, reading, zone)
                    continue
                named, stated = found
                found_in_paragraph += stated
                if waiting and len(named) == 1 and not stated:
                    spec = named[0]
                    if spec.unit == AMOUNT:  # a count cannot be a sum of money
                        found_in_paragraph += [
                            Figure(spec.name, f.value, f.unit, f.change, f.period, zone, f.sentence)
                            for f in waiting
                        ]
                    waiting = []
            if waiting and not any(f.sentence in paragraph for f in waiting):
                waiting = []  # a whole paragraph went by without naming their indicator
            figures += found_in_paragraph
        return _one_per_indicator_and_period(figures)

    def _sentence(self, sentence: str, reading: Reading, zone: str):
        """The indicators named in a sentence and the figures it states, or None if it names
        no indicator; the reading follows the periods named along the way."""
        periods = periods_in(sentence, reading)
        mentions = list(self.mention.finditer(sentence))
        if not mentions:
            for _, period in periods:
                reading.period = period or reading.period
            return None
        named, stated = [], []
        for mention in mentions:
            for end, period in list(periods):
                if end <= mention.start():
                    reading.period = period or reading.period
                    periods.remove((end, period))
            spec = self.by_variant[mention.group()]
            named.append(spec)
            clause_start = max(sentence.rfind(mark, 0, mention.start()) for mark in "，,：:")
            if any(
                word in sentence[clause_start + 1 : mention.start()] for word in NARROWER_SUBJECTS
            ):
                continue
            value, change, end = self._value_and_change(sentence, mention.end(), spec.unit)
            if value is None and change is None:
                continue
            stated.append(
                Figure(spec.name, value, spec.unit, change, reading.period, zone, sentence)
            )
            amount = spec.amount_indicator and self.amount_after_count.match(sentence, end)
            if amount:
                stated.append(
                    Figure(
                        spec.amount_indicator,
                        normalised(amount.group(1), amount["unit"]),
                        AMOUNT,
                        None,
                        reading.period,
                        zone,
                        sentence,
                    )
                )
        for _, period in periods:
            reading.period = period or reading.period
        return named, stated

    def _value_and_change(self, sentence: str, position: int, unit: str):
        """The value and the change stated right after an indicator, and where they end."""
        value = None
        match = self.value_after[unit].match(sentence, position)
        if match:
            value, position = normalised(match.group(1), match["unit"]), match.end()
            change = self.change_after_value.match(sentence, position)
        else:
            change = self.change_after_mention.match(sentence, position)
        if change:
            return value, _signed_change(change), change.end()
        return value, None, position

    def _running_totals(self, sentence: str, reading: Reading, zone: str) -> list[Figure]:
        figures = []
        for match in self.running_total.finditer(sentence):
            change = self.change_after_value.match(sentence, match.end())
            value = normalised(match.group(1), match["unit"])
            figures.append(
                Figure(
                    "",
                    value,
                    AMOUNT,
                    change and _signed_change(change),
                    reading.period,
                    zone,
                    sentence,
                )
            )
        return figures


def _signed_change(match) -> Decimal:
    change = Decimal(match["change"])
    return -abs(change) if match["word"] in ("下降", "减少", "回落") else change


def _one_per_indicator_and_period(figures: list[Figure]) -> list[Figure]:
    kept: dict[tuple, Figure] = {}
    for figure in figures:
        key = (figure.indicator, figure.period)
        held = kept.get(key)
        if held is None or (figure.value or 0) > (held.value or 0):
            kept[key] = figure
    return list(kept.values())
