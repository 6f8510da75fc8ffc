"""The offer-analysis report as an .xlsx workbook (``report.build_report_xlsx``)."""
