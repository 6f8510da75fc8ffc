"""Word documents (.docx, python-docx): the letters and the offer-analysis report as blocks
(:mod:`.blocks`), read from the Markdown of a letter or the HTML of the report, and written
into a new document or into the buyer's own (:mod:`.document`)."""
