"""English texts: the default, and the fallback of every other catalogue."""

MESSAGES: dict[str, str] = {
    # files and lots
    "inputs": "Inputs: {files} (sheet {sheet}, SHA-256 {sha}…)",
    "lot.title": "Lot {id} — {title}",
    "lot.caps": "cap {ht} € HT / {ttc} € TTC",
    "lot.ranked_count": "{n} admissible offer(s) ranked",
    "lot.provisional": (
        "PROVISIONAL: some offers could not be evaluated (data errors, see below); no winner is "
        "marked until they are corrected"
    ),
    "lot.no_admissible": "No admissible offer.",
    "lot.not_ranked": "Not ranked",
    "lot.unplaced": "Offers without a valid lot",
    "lot.award": "Award: {candidate} — {note}",
    "lot.abnormal": (
        "abnormally low offers: fewer than {n} admissible offers, so the {method} method does "
        "not apply; judge the prices case by case"
    ),
    "md.caps": "Cap: {ht} € HT / {ttc} € TTC",
    "md.provisional": "**Provisional ranking**: some offers could not be evaluated.",
    "md.row": "row {row}",
    # columns
    "col.rank": "Rank",
    "col.candidate": "Candidate",
    "col.price_ht": "Price\nHT",
    "col.price_ttc": "Price\nTTC",
    "col.total": "Total",
    "col.gap": "Gap",
    "col.row": "Row",
    "col.status": "Status",
    "col.reasons": "Reasons",
    "col.day_rate": "Day rate\nHT",
    "col.days": "Days",
    "col.vat": "VAT",
    "col.cap": "Cap",
    "col.margin": "Margin",
    "col.check": "Check",
    "col.note": "Note",
    "col.severity": "Severity",
    "col.where": "Where",
    "col.field": "Field",
    "col.code": "Code",
    "col.message": "Message",
    # statuses, verdicts, severities
    "status.admissible": "admissible",
    "status.late": "late",
    "status.incomplete": "incomplete",
    "status.over_cap": "over_cap",
    "status.invalid": "invalid",
    "verdict.ok": "OK",
    "verdict.over": "OVER",
    "verdict.unchecked": "UNCHECKED",
    "severity.error": "error",
    "severity.warning": "warning",
    "budget.checked": "{n} offer(s) checked",
    "budget.over": "{n} over the cap",
    "budget.unchecked": "{n} that cannot be checked: {names}",
    "budget.no_lot": "no valid lot, so no cap",
    "budget.no_price": "no price: day rate or days unreadable",
    "budget.no_ttc": "no TTC price: VAT rate unreadable",
    "budget.checked_on": "checked on {basis}",
    "budget.unplaced": "Offers without a valid lot (no cap to check against)",
    "budget.abnormally_low": "abnormally low?",
    "more_ranked": "… and {n} more ranked offer(s): --all shows every one (or --format csv/json)",
    "more_excluded": "… and {n} more offer(s) not ranked: --all shows every one",
    "problems": "Problems",
    "valid": "valid: {errors} error(s), {warnings} warning(s)",
    "not_valid": "not valid: {errors} error(s), {warnings} warning(s)",
    "no_ground": "data to correct in the workbook, not a ground for rejection",
    # notes under a ranking
    "note.price": (
        "Price points ({criterion}): {formula} on the price {basis} of the admissible offers, "
        "{expression}, with {figures}."
    ),
    "note.vat_mix": " VAT rates differ among them ({rates}): prices are compared {basis}.",
    "note.tie": "Exact tie at {total} between {names}",
    "note.tie_decided": ": decided by {criterion} points ({figures})",
    "note.tie_undecided": ": the tie-break does not separate them",
    "note.tie_shared": "; {names} share rank {rank}",
    "and": "and",
    # reasons and warnings (templates by code; the core's English message is the fallback)
    "msg:late": "received {received}, after the deadline {deadline}",
    "msg:incomplete": "missing required document(s): {documents}",
    "msg:over_cap": (
        "price {basis} {price_money} exceeds the lot's cap {basis} {cap_money} by {excess_money}"
    ),
    "msg:missing-mark": "no mark for {criterion}; the jury must mark every criterion",
    "msg:no-price": "the price cannot be computed: the day rate or the number of days is missing",
}
