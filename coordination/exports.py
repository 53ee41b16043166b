"""Annual report documents: DOCX (python-docx), PDF (fpdf2 with a Unicode TTF) and indicators XLSX (openpyxl)."""

import io
from pathlib import Path

from django.utils.translation import gettext as _

from coordination.models import Area, Funding, Measure

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]


def _font_path(bold=False):
    """Return a DejaVu Sans TTF from Debian's fonts-dejavu-core, else one shipped with matplotlib."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    dirs = list(FONT_DIRS)
    try:
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    for folder in dirs:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name}: install Debian's fonts-dejavu-core")


def _n(value):
    """Format a number for the documents (blank for none)."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", " ")
    return f"{value:,}".replace(",", " ")


def sections(report):
    """Return the report as (heading, [(label, value)], narrative) sections in the order of Annex 1."""
    f = report.figures or {}
    net, mon, plan, apps, info = (
        f.get(k, {}) for k in ("networking", "monitoring", "plan", "applications", "information")
    )
    areas = dict(Area.choices)
    statuses = dict(Measure.Status.choices)
    sources = dict(Funding.Source.choices)
    return [
        (
            _("1. Networking (point 6.1)"),
            [
                (_("Partners in the network"), _n(net.get("partners"))),
                (_("Partners listed publicly for residents"), _n(net.get("public_partners"))),
                (_("Meetings and contacts"), _n(net.get("meetings"))),
                (_("Meetings that reached agreements"), _n(net.get("meetings_with_agreements"))),
                (_("Follow-ups agreed / done"), f"{_n(net.get('follow_ups'))} / {_n(net.get('follow_ups_done'))}"),
            ],
            report.networking_text,
        ),
        (
            _("2. Needs monitoring (point 6.2)"),
            [
                (_("Surveys run"), _n(mon.get("surveys"))),
                (_("Respondents"), _n(mon.get("respondents"))),
                *[
                    (_("Respondents answering in %(language)s") % {"language": code}, _n(n))
                    for code, n in sorted((mon.get("respondents_by_language") or {}).items())
                ],
                (_("Needs identified"), _n(mon.get("needs"))),
                *[
                    (_("Needs: %(area)s") % {"area": areas.get(code, code)}, _n(n))
                    for code, n in sorted((mon.get("needs_by_area") or {}).items())
                ],
            ],
            report.monitoring_text,
        ),
        (
            _("3. The integration plan (point 6.3)"),
            [
                (_("Plan"), plan.get("title") or "–"),
                (_("Approved by order"), plan.get("order") or "–"),
                (_("Measures"), _n(plan.get("measures"))),
                *[
                    (_("Measures: %(status)s") % {"status": statuses.get(code, code)}, _n(n))
                    for code, n in sorted((plan.get("measures_by_status") or {}).items())
                ],
                (_("Measures without funding"), _n(plan.get("unfunded_measures"))),
                (_("Funding planned for the year, EUR"), _n(plan.get("funding_planned"))),
                (_("Funding used in the year, EUR"), _n(plan.get("funding_used"))),
                *[
                    (
                        _("Funding from %(source)s, EUR (planned / used)") % {"source": sources.get(code, code)},
                        f"{_n(v['amount'])} / {_n(v['used'])}",
                    )
                    for code, v in sorted((plan.get("funding_by_source") or {}).items())
                ],
            ],
            report.plan_text,
        ),
        (
            _("4. Funding applications and projects (point 6.4)"),
            [
                (_("Applications"), _n(apps.get("count"))),
                (_("Requested, EUR"), _n(apps.get("requested"))),
                (_("Granted, EUR"), _n(apps.get("granted"))),
                (_("Projects carried out"), _n(apps.get("projects"))),
            ],
            "",
        ),
        (
            _("5. Information and public education (points 6.6, 6.7)"),
            [
                (_("Events held"), _n(info.get("events"))),
                (_("Public education stories"), _n(info.get("stories"))),
            ],
            report.information_text,
        ),
        (_("6. Difficulties and proposals"), [], report.difficulties),
    ]


def indicator_rows(report):
    """Return one row per indicator: measure, indicator, unit, baseline, target, actual, measure status."""
    statuses = {code: str(label) for code, label in Measure.Status.choices}
    rows = []
    for item in (report.figures or {}).get("plan", {}).get("items", []):
        for ind in item["indicators"]:
            rows.append(
                [
                    item["title"],
                    ind["name"],
                    ind["unit"],
                    ind["baseline"],
                    ind["target"],
                    ind["actual"],
                    statuses.get(item["status"], item["status"]),
                ]
            )
    return rows


def _headers():
    return [_("Measure"), _("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Actual"), _("Status")]


def _title(report):
    return _("Annual report on integration coordination, %(year)s") % {"year": report.year}


def _status_line(report):
    line = f"{_('Status')}: {report.get_status_display()}"
    if report.submitted_at:
        line += f"; {_('submitted')} {report.submitted_at:%Y-%m-%d} ({report.submitted_by or '–'})"
    return line


def report_docx(report):
    """Return the report as DOCX bytes."""
    from docx import Document

    doc = Document()
    doc.add_heading(_title(report), level=0)
    doc.add_paragraph(report.municipality.name)
    doc.add_paragraph(_status_line(report))
    if report.summary:
        doc.add_paragraph(report.summary)
    for heading, rows, text in sections(report):
        doc.add_heading(heading, level=1)
        if rows:
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = str(label), str(value)
        if text:
            doc.add_paragraph(text)
    rows = indicator_rows(report)
    if rows:
        doc.add_heading(_("Indicators"), level=1)
        table = doc.add_table(rows=1, cols=7)
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, _headers(), strict=True):
            cell.text = header
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = _n(value) if isinstance(value, int | float) or value is None else str(value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def report_pdf(report):
    """Return the report as PDF bytes (DejaVu Sans, so Lithuanian letters render)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(_font_path()))
    pdf.add_font("DejaVu", "B", str(_font_path(bold=True)))
    pdf.set_title(_title(report))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(width, 8, _title(report), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(width, 6, report.municipality.name, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(width, 6, _status_line(report), new_x="LMARGIN", new_y="NEXT")
    if report.summary:
        pdf.ln(2)
        pdf.multi_cell(width, 6, report.summary, new_x="LMARGIN", new_y="NEXT")
    for heading, rows, text in sections(report):
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(width, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        if rows:
            with pdf.table(col_widths=(3, 1), first_row_as_headings=False) as table:
                for label, value in rows:
                    table.row([str(label), str(value)])
        if text:
            pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
    rows = indicator_rows(report)
    if rows:
        pdf.add_page(orientation="L")
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 8, _("Indicators"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 8)
        with pdf.table(col_widths=(5, 5, 1.5, 1.2, 1.2, 1.2, 1.6)) as table:
            table.row(_headers())
            for row in rows:
                table.row([_n(v) if isinstance(v, int | float) or v is None else str(v) for v in row])
    return bytes(pdf.output())


def indicators_xlsx(report):
    """Return the report's indicators as XLSX bytes."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = str(report.year)
    sheet.append([report.municipality.name, report.year])
    sheet.append(_headers())
    for row in indicator_rows(report):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
