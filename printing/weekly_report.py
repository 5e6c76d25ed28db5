"""The weekly PDF report: the week's figures, their trend, charts, worst days, what crossed a
threshold and what stayed past it three days in a row. Made on demand, or for every
finished week missing from a folder; in English or Chinese (`language`), every word through
the core's catalogue and every date, number and percentage through Babel's locale data.

Charts are reportlab.graphics drawings, so the PDF stays vector and its text extractable.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain import formats
from app.domain.alerts import HealthThresholds
from app.domain.messages import Msg
from app.domain.translation import translate
from app.services.health import HealthFigures
from app.services.report_data import WeeklyReportData, last_full_week, weekly_report_data
from printing.fonts import label_fonts

GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
WARN = colors.HexColor("#c62828")
NOT_YET = {"inventory_accuracy": Msg("no counts yet"),
           "first_response_minutes": Msg("no return cases yet")}


class _Words:
    """The report's language: its words, numbers and dates."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, text) -> str:
        return translate(text, self.language)

    def pct(self, value: float | None) -> str:
        return self(Msg("n/a")) if value is None else formats.percent(value, self.language)

    def figure(self, name: str, value: float | None) -> str:
        if value is None:
            return self(NOT_YET.get(name, Msg("n/a")))
        if name == "first_response_minutes":
            return formats.minutes(value, self.language)
        return self.pct(value)

    def day(self, value) -> str:
        return formats.weekday(value, self.language)


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=18, leading=22)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=16,
                                      spaceBefore=8, spaceAfter=4)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
        self.warn = ParagraphStyle("warn", parent=self.body, textColor=WARN)

    def table(self, rows: list[list[str]], widths: list[float]) -> Table:
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(GRID)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                   ("FONTSIZE", (0, 0), (-1, -1), 9)]))
        return table


def _limit_text(figure: str, limits: HealthThresholds, say: _Words) -> str:
    lower = {"on_time_rate": limits.on_time_min, "inventory_accuracy": limits.inventory_accuracy_min}
    if figure in lower:
        return say(Msg("min {limit}", limit=formats.percent(lower[figure], say.language, 0)))
    if figure == "return_rate":
        return say(Msg("max {limit}", limit=formats.percent(limits.return_rate_max,
                                                             say.language, 0)))
    if figure == "first_response_minutes":
        return say(Msg("max {limit}", limit=formats.minutes(limits.first_response_max_minutes,
                                                             say.language)))
    return "-"


def _trend_table(data: WeeklyReportData, s: _Styles, limits: HealthThresholds,
                 say: _Words) -> Table:
    crossed = {c.figure for c in data.figures.crossings}
    trend_words = {True: Msg("better"), False: Msg("worse"), None: Msg("same")}
    rows = [[say(h) for h in (Msg("Figure"), Msg("This week"), Msg("Last week"), Msg("Trend"), Msg("Threshold"), Msg("Status"))]]
    for row in data.trend:
        trend = say(trend_words[row.better])
        if row.this_week is None or row.last_week is None:
            trend = "-"
        rows.append([say(row.label), say.figure(row.figure, row.this_week),
                     say.figure(row.figure, row.last_week), trend,
                     _limit_text(row.figure, limits, say),
                     say(Msg("WARN")) if row.figure in crossed else say(Msg("ok"))])
    table = s.table(rows, [50 * mm, 33 * mm, 33 * mm, 16 * mm, 28 * mm, 16 * mm])
    for index, row in enumerate(data.trend, start=1):
        if row.figure in crossed:
            table.setStyle(TableStyle([("TEXTCOLOR", (5, index), (5, index), WARN)]))
    return table


def _bar_chart(days: tuple[HealthFigures, ...], font: str, say: _Words) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 8 * mm, 150 * mm, 38 * mm
    chart.data = [[d.orders_fulfilled for d in days]]
    chart.categoryAxis.categoryNames = [formats.chart_day(d.since, say.language) for d in days]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    if max(chart.data[0], default=0) <= 5:  # whole orders: no 0.5 ticks
        chart.valueAxis.valueStep = 1
    chart.bars[0].fillColor = colors.HexColor("#1e88e5")
    drawing.add(chart)
    drawing.add(String(12 * mm, 50 * mm, say(Msg("Orders packed per day")), fontName=font,
                       fontSize=9))
    return drawing


def _on_time_chart(days: tuple[HealthFigures, ...], font: str,
                   limits: HealthThresholds, say: _Words) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 8 * mm, 150 * mm, 38 * mm
    rates = [None if d.on_time_rate is None else d.on_time_rate * 100 for d in days]
    drawn = sum(rate is not None for rate in rates) >= 2  # a line needs two points
    threshold = [limits.on_time_min * 100] * len(days)
    chart.data = [rates, threshold] if drawn else [threshold]
    chart.categoryAxis.categoryNames = [formats.chart_day(d.since, say.language) for d in days]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    if drawn:
        chart.lines[0].strokeColor = colors.HexColor("#2e7d32")
        chart.lines[0].strokeWidth = 1.5
    chart.lines[len(chart.data) - 1].strokeColor = WARN
    chart.lines[len(chart.data) - 1].strokeDashArray = (3, 2)
    drawing.add(chart)
    title = Msg("On-time fulfilment per day (%), threshold dashed") if drawn else Msg(
        "On-time fulfilment per day (%), threshold dashed: too few days with packed orders "
        "for a line")
    drawing.add(String(12 * mm, 50 * mm, say(title), fontName=font, fontSize=9))
    return drawing


def _day_rows(days: tuple[HealthFigures, ...], say: _Words) -> list[list[str]]:
    return [[say.day(d.since), formats.number(d.orders_fulfilled, say.language),
             say.pct(d.on_time_rate), say.pct(d.mis_scan_rate)] for d in days]


def _packer_rows(figures: HealthFigures, say: _Words) -> list[list[str]]:
    rows = [[say(h) for h in (Msg("Packer"), Msg("Orders"), Msg("Orders/hour"), Msg("Scan to label (s)"), Msg("Mis-scan rate"))]]
    na = say(Msg("n/a"))
    for p in figures.packers:
        rows.append([p.packer, formats.number(p.orders_packed, say.language),
                     na if p.orders_per_hour is None
                     else formats.number(p.orders_per_hour, say.language, 1),
                     na if p.scan_to_label_s is None
                     else formats.number(p.scan_to_label_s, say.language),
                     say.pct(p.mis_scan_rate)])
    return rows


def _streaks(data: WeeklyReportData, s: _Styles, say: _Words) -> list:
    labels = {row.figure: row.label for row in data.trend}
    story = [Paragraph(say(Msg("Past the threshold three days in a row")), s.heading)]
    if not data.streaks:
        return story + [Paragraph(say(Msg("No figure stayed past its threshold three days "
                                          "in a row.")), s.body)]
    for streak in data.streaks:
        text = Msg("{figure}: {days} days in a row, {first} to {last}", days=streak.days,
                   figure=labels.get(streak.figure, streak.figure),
                   first=say.day(streak.first_day), last=say.day(streak.last_day))
        if streak.carried_by is not None:
            text = Msg("{streak}; most of the misses: {carried_by}", streak=text,
                       carried_by=streak.carried_by)
        story.append(Paragraph(say(text), s.warn))
    return story


def _crossings(data: WeeklyReportData, s: _Styles, say: _Words) -> list:
    story = [Paragraph(say(Msg("Threshold crossings")), s.heading)]
    if not data.crossings:
        return story + [Paragraph(say(Msg("No figure crossed its threshold.")), s.body)]
    week = say(Msg("week"))
    return story + [Paragraph(say(Msg("{scope}: {crossing}", crossing=crossing.text,
                                      scope=week if when is None else say.day(when))), s.body)
                    for when, crossing in data.crossings]


def _story(data: WeeklyReportData, s: _Styles, limits: HealthThresholds, say: _Words) -> list:
    f, lang = data.figures, say.language
    story = [Paragraph(say(Msg("Packdesk weekly report {week}", week=data.week)), s.title),
             Paragraph(say(Msg("{since} to {until} (UTC). Made {made_at} UTC.",
                               since=formats.day(data.since, lang),
                               until=formats.day(data.until - timedelta(days=1), lang),
                               made_at=formats.moment(data.made_at, lang))), s.body),
             Paragraph(say(Msg("Orders packed: {orders_fulfilled}, on time: {on_time}, "
                               "returns opened: {returns}.",
                               orders_fulfilled=formats.number(f.orders_fulfilled, lang),
                               on_time=formats.number(f.on_time, lang),
                               returns=formats.number(f.returns, lang))), s.body),
             Paragraph(say(Msg("Figures and trend")), s.heading),
             _trend_table(data, s, limits, say), *_streaks(data, s, say),
             Paragraph(say(Msg("Charts")), s.heading), _bar_chart(data.days, s.font, say),
             _on_time_chart(data.days, s.font, limits, say),
             Paragraph(say(Msg("Worst days")), s.heading)]
    if data.worst_days:
        heads = [say(h) for h in (Msg("Day"), Msg("Orders"), Msg("On time"), Msg("Mis-scans"))]
        story.append(s.table([heads] + _day_rows(data.worst_days, say),
                             [40 * mm, 25 * mm, 25 * mm, 25 * mm]))
    elif f.orders_fulfilled == 0:
        story.append(Paragraph(say(Msg("No orders were packed this week.")), s.body))
    else:
        story.append(Paragraph(say(Msg("Every day with packed orders shipped all of them on "
                                       "time.")), s.body))
    story += _crossings(data, s, say)
    story += [Paragraph(say(Msg("Packers")), s.heading), Spacer(1, 2 * mm),
              s.table(_packer_rows(f, say), [45 * mm, 20 * mm, 25 * mm, 32 * mm, 28 * mm])]
    return story


def render_weekly_report(data: WeeklyReportData, out: Path,
                         limits: HealthThresholds | None = None, language: str = "en") -> Path:
    """Write the report for one week to `out` (a PDF), through a temporary file."""
    limits = limits or HealthThresholds()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    document = SimpleDocTemplate(str(partial), pagesize=A4, title=Msg("Packdesk {week}",
                                                                      week=data.week),
                                 leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(_story(data, _Styles(label_fonts().primary.name), limits,
                          _Words(language)))
    partial.replace(out)
    return out


def make_weekly_report(uow_factory: Callable, week: str, out: Path,
                       limits: HealthThresholds | None = None, language: str = "en") -> Path:
    return render_weekly_report(weekly_report_data(uow_factory(), week, limits), out, limits,
                                language)


def weekly_report_pdf(uow_factory: Callable,
                      limits: HealthThresholds | None = None) -> Callable[[str, str],
                                                                           tuple[str, bytes]]:
    """The renderer the Monday mail wants: (week, language) -> (file name, PDF bytes)."""
    def render(week: str, language: str) -> tuple[str, bytes]:
        with tempfile.TemporaryDirectory(prefix="packdesk-report-") as folder:
            name = report_name(week, language)
            path = make_weekly_report(uow_factory, week, Path(folder) / name, limits, language)
            return name, path.read_bytes()
    return render


def report_name(week: str, language: str = "en") -> str:
    return f"packdesk-report-{week}.pdf" if language == "en" else \
        f"packdesk-report-{week}-{language}.pdf"


def write_next_due_report(uow_factory: Callable, folder: Path, weeks_back: int = 4,
                          limits: HealthThresholds | None = None,
                          language: str = "en") -> Path | None:
    """One step of the schedule: the newest finished week of the last few without a
    report gets one; None when every one has its report. A step is one week's work, so a
    station that starts with weeks due writes them one task at a time (issue 20)."""
    folder = Path(folder)
    with uow_factory() as uow:
        now = uow.now()
    for back in range(weeks_back):
        week = last_full_week(now - timedelta(days=7 * back))
        target = folder / report_name(week, language)
        if not target.exists():
            return make_weekly_report(uow_factory, week, target, limits, language)
    return None


def write_due_reports(uow_factory: Callable, folder: Path, weeks_back: int = 4,
                      limits: HealthThresholds | None = None,
                      language: str = "en") -> list[Path]:
    """The schedule at once (the command line): every due week, newest first."""
    made = []
    while (path := write_next_due_report(uow_factory, folder, weeks_back, limits,
                                         language)) is not None:
        made.append(path)
    return made
