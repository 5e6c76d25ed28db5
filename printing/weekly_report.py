"""The weekly PDF report: the week's figures, their trend, charts, worst days and what
crossed a threshold. Made on demand, or for every finished week missing from a folder.

Charts are reportlab.graphics drawings, so the PDF stays vector and its text extractable.
"""

from __future__ import annotations

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

from app.domain.alerts import HealthThresholds
from app.services.health import HealthFigures
from app.services.report_data import WeeklyReportData, last_full_week, weekly_report_data
from printing.fonts import label_fonts

GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
WARN = colors.HexColor("#c62828")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f} %"


def _figure_text(name: str, value: float | None) -> str:
    if value is None:
        return {"inventory_accuracy": "no counts yet",
                "first_response_minutes": "no return cases yet"}.get(name, "n/a")
    return f"{value:.0f} min" if name == "first_response_minutes" else _pct(value)


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=18, leading=22)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=16,
                                      spaceBefore=8, spaceAfter=4)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)

    def table(self, rows: list[list[str]], widths: list[float]) -> Table:
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(GRID)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                   ("FONTSIZE", (0, 0), (-1, -1), 9)]))
        return table


def _trend_table(data: WeeklyReportData, s: _Styles, limits: HealthThresholds) -> Table:
    crossed = {c.figure for c in data.figures.crossings}
    limit_text = {"on_time_rate": f"min {limits.on_time_min:.0%}",
                  "inventory_accuracy": f"min {limits.inventory_accuracy_min:.0%}",
                  "return_rate": f"max {limits.return_rate_max:.0%}",
                  "first_response_minutes": f"max {limits.first_response_max_minutes:.0f} min",
                  "mis_scan_rate": "-"}
    rows = [["Figure", "This week", "Last week", "Trend", "Threshold", "Status"]]
    for row in data.trend:
        trend = {True: "better", False: "worse", None: "same"}[row.better]
        if row.this_week is None or row.last_week is None:
            trend = "-"
        rows.append([row.label, _figure_text(row.figure, row.this_week),
                     _figure_text(row.figure, row.last_week), trend, limit_text[row.figure],
                     "WARN" if row.figure in crossed else "ok"])
    table = s.table(rows, [50 * mm, 33 * mm, 33 * mm, 16 * mm, 28 * mm, 16 * mm])
    for index, row in enumerate(data.trend, start=1):
        if row.figure in crossed:
            table.setStyle(TableStyle([("TEXTCOLOR", (5, index), (5, index), WARN)]))
    return table


def _bar_chart(days: tuple[HealthFigures, ...], font: str) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 8 * mm, 150 * mm, 38 * mm
    chart.data = [[d.orders_fulfilled for d in days]]
    chart.categoryAxis.categoryNames = [f"{d.since:%a %d}" for d in days]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    if max(chart.data[0], default=0) <= 5:  # whole orders: no 0.5 ticks
        chart.valueAxis.valueStep = 1
    chart.bars[0].fillColor = colors.HexColor("#1e88e5")
    drawing.add(chart)
    drawing.add(String(12 * mm, 50 * mm, "Orders packed per day", fontName=font, fontSize=9))
    return drawing


def _on_time_chart(days: tuple[HealthFigures, ...], font: str,
                   limits: HealthThresholds) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 8 * mm, 150 * mm, 38 * mm
    rates = [None if d.on_time_rate is None else d.on_time_rate * 100 for d in days]
    drawn = sum(rate is not None for rate in rates) >= 2  # a line needs two points
    threshold = [limits.on_time_min * 100] * len(days)
    chart.data = [rates, threshold] if drawn else [threshold]
    chart.categoryAxis.categoryNames = [f"{d.since:%a %d}" for d in days]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    if drawn:
        chart.lines[0].strokeColor = colors.HexColor("#2e7d32")
        chart.lines[0].strokeWidth = 1.5
    chart.lines[len(chart.data) - 1].strokeColor = WARN
    chart.lines[len(chart.data) - 1].strokeDashArray = (3, 2)
    drawing.add(chart)
    title = "On-time fulfilment per day (%), threshold dashed"
    if not drawn:
        title += ": too few days with packed orders for a line"
    drawing.add(String(12 * mm, 50 * mm, title, fontName=font, fontSize=9))
    return drawing


def _day_rows(days: tuple[HealthFigures, ...]) -> list[list[str]]:
    return [[f"{d.since:%a %d %b}", str(d.orders_fulfilled), _pct(d.on_time_rate),
             _pct(d.mis_scan_rate)] for d in days]


def _packer_rows(figures: HealthFigures) -> list[list[str]]:
    rows = [["Packer", "Orders", "Orders/hour", "Scan to label (s)", "Mis-scan rate"]]
    for p in figures.packers:
        rows.append([p.packer, str(p.orders_packed),
                     "n/a" if p.orders_per_hour is None else f"{p.orders_per_hour:.1f}",
                     "n/a" if p.scan_to_label_s is None else f"{p.scan_to_label_s:.0f}",
                     _pct(p.mis_scan_rate)])
    return rows


def _story(data: WeeklyReportData, s: _Styles, limits: HealthThresholds) -> list:
    f = data.figures
    story = [Paragraph(f"Packdesk weekly report {data.week}", s.title),
             Paragraph(f"{data.since:%Y-%m-%d} to {(data.until - timedelta(days=1)):%Y-%m-%d}"
                       f" (UTC). Made {data.made_at:%Y-%m-%d %H:%M} UTC.", s.body),
             Paragraph(f"Orders packed: {f.orders_fulfilled}, on time: {f.on_time}, "
                       f"returns opened: {f.returns}.", s.body),
             Paragraph("Figures and trend", s.heading), _trend_table(data, s, limits),
             Paragraph("Charts", s.heading), _bar_chart(data.days, s.font),
             _on_time_chart(data.days, s.font, limits),
             Paragraph("Worst days", s.heading)]
    if data.worst_days:
        story.append(s.table([["Day", "Orders", "On time", "Mis-scans"]]
                             + _day_rows(data.worst_days), [40 * mm, 25 * mm, 25 * mm, 25 * mm]))
    elif f.orders_fulfilled == 0:
        story.append(Paragraph("No orders were packed this week.", s.body))
    else:
        story.append(Paragraph("Every day with packed orders shipped all of them on time.",
                               s.body))
    story.append(Paragraph("Threshold crossings", s.heading))
    if data.crossings:
        story += [Paragraph(f"{scope}: {crossing.text}", s.body)
                  for scope, crossing in data.crossings]
    else:
        story.append(Paragraph("No figure crossed its threshold.", s.body))
    story += [Paragraph("Packers", s.heading), Spacer(1, 2 * mm),
              s.table(_packer_rows(f), [45 * mm, 20 * mm, 25 * mm, 32 * mm, 28 * mm])]
    return story


def render_weekly_report(data: WeeklyReportData, out: Path,
                         limits: HealthThresholds | None = None) -> Path:
    """Write the report for one week to `out` (a PDF), through a temporary file."""
    limits = limits or HealthThresholds()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    document = SimpleDocTemplate(str(partial), pagesize=A4, title=f"Packdesk {data.week}",
                                 leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(_story(data, _Styles(label_fonts().primary.name), limits))
    partial.replace(out)
    return out


def make_weekly_report(uow_factory: Callable, week: str, out: Path,
                       limits: HealthThresholds | None = None) -> Path:
    return render_weekly_report(weekly_report_data(uow_factory(), week, limits), out, limits)


def report_name(week: str) -> str:
    return f"packdesk-report-{week}.pdf"


def write_due_reports(uow_factory: Callable, folder: Path, weeks_back: int = 4,
                      limits: HealthThresholds | None = None) -> list[Path]:
    """The schedule: each finished week of the last few without a report gets one."""
    folder = Path(folder)
    with uow_factory() as uow:
        now = uow.now()
    made = []
    for back in range(weeks_back):
        week = last_full_week(now - timedelta(days=7 * back))
        target = folder / report_name(week)
        if not target.exists():
            made.append(make_weekly_report(uow_factory, week, target, limits))
    return made
