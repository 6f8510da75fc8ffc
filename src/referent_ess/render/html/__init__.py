"""The offer-analysis report as one self-contained HTML page (``report.build_report_html``)."""
