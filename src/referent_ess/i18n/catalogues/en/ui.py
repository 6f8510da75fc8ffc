"""English texts: the words of tables, Markdown and the terminal: headings, columns, statuses,
notes, lists."""

MESSAGES: dict[str, str] = {
    # the offers revised during a negotiation
    "rounds.title": "Negotiation: initial offer → final offer",
    "rounds.line": "{candidate}: initial offer ({initial}) → final offer ({final})",
    "rounds.state": "round {round}: {price} € HT, {outcome}",
    "rounds.state.no_price": "round {round}: {outcome}",
    "rounds.ranked": "rank {rank}, {total} points",
    "rounds.regularised": (
        " — regularised during the negotiation (art. R2152-1 of the Code de la commande publique)"
    ),
    # an offer that is a variant of its candidate's base offer
    # an offer whose candidate cell is empty, named by its row
    "offer.nameless": "(row {row})",
    "offer.variant": "variant “{variant}” of {candidate}",
    # files and lots
    "inputs": "Inputs: {files} (sheet '{sheet}', SHA-256 {sha}…)",
    "inputs.csv": "Inputs: {files} (SHA-256 {sha}…)",
    "lot.title": "Lot {id} — {title}",
    "lot.caps": "cap {ht} € HT / {ttc} € TTC",
    "lot.ranked_count": "{n} admissible {n:offer|offers} ranked",
    "lot.provisional": (
        "PROVISIONAL: some offers could not be evaluated (data errors, see below); no winner is "
        "marked until they are corrected"
    ),
    "lot.no_admissible": "No admissible offer.",
    "lot.not_ranked": "Not ranked",
    "lot.unplaced": "Offers without a valid lot",
    "lot.award": "Award: {candidate} — {note}",
    "lot.warning": "Warning ({code}) — {message}.",
    "lot.abnormal": (
        "Abnormally low offers: fewer than {n} admissible offers, so the method chosen ({method}) "
        "does not apply; judge the prices case by case"
    ),
    "abnormal.method.none": "none",
    "abnormal.method.mean-ratio": "comparison with the mean of the other offers",
    "abnormal.method.mean-sigma": "mean minus one standard deviation",
    "abnormal.method.ffb": "double mean (the FFB method)",
    "md.caps": "Cap: {ht} € HT / {ttc} € TTC",
    "md.provisional": "**Provisional ranking**: some offers could not be evaluated.",
    "md.budget_title": "Budget check — {title}",
    "col.lot": "Lot",
    "col.basis": "Basis",
    "md.row": "row {row}",
    "md.offer_note": "{candidate}: {note}",
    "md.excluded": "{candidate} ({row}): {status} — {reasons}",
    "md.not_ranked": "Not ranked:",
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
    "status.over_cap": "over the cap",
    "status.below_threshold": "below the threshold",
    "status.invalid": "invalid",
    "status.irregular": "irregular",
    "status.unacceptable": "unacceptable",
    "status.inappropriate": "inappropriate",
    "verdict.ok": "OK",
    "verdict.over": "OVER",
    "verdict.unchecked": "UNCHECKED",
    "severity.error": "error",
    "severity.warning": "warning",
    "budget.checked": "{n} {n:offer|offers} checked",
    "budget.over": "{n} over the cap",
    "budget.unchecked": "{n} that cannot be checked: {names}",
    "budget.no_lot": "no valid lot, so no cap",
    "budget.no_price": "no price: day rate or days unreadable",
    "budget.no_amount": "no price: the lump sum HT is unreadable",
    "budget.no_lines": "no price: lines missing from the prices sheet",
    "budget.no_ttc": "no TTC price: VAT rate unreadable",
    "budget.checked_on": "checked on {basis}",
    "budget.unplaced": "Offers without a valid lot (no cap to check against)",
    "budget.abnormally_low": "abnormally low?",
    "more_ranked": (
        "… and {n} more ranked {n:offer|offers}: --all shows every one (or --format csv/json)"
    ),
    "more_excluded": "… and {n} more {n:offer|offers} not ranked: --all shows every one",
    # the start of a line on stderr, and what follows the warnings shown
    "prefix.error": "error: ",
    "prefix.warning": "warning: ",
    "cli.more_warnings": "… and {n} more: `referent validate` lists every one",
    "cli.written": "written: {path}",
    "cli.reading": "reading the offers: {task.completed} rows",  # a progress bar, on a terminal
    "cli.written_letters.one": "written: 1 letter in {folder}",
    "cli.written_letters.many": "written: {n} letters in {folder}",
    "cli.updated": (
        "updated: {path} (offer rows kept: {offers}; mark rows kept: {marks}); the previous "
        "file is kept as {backup}"
    ),
    "cli.update_hint.one": (
        "a column the configuration needs is missing: referent template --update --out {path} "
        "adds it, keeping every offer and mark typed (the previous file is kept as a backup)"
    ),
    "cli.update_hint.many": (
        "{n} columns the configuration needs are missing: referent template --update --out "
        "{path} adds them, keeping every offer and mark typed (the previous file is kept as a "
        "backup)"
    ),
    "cli.next_steps": (
        "Next: 1. in lots.yaml, give each lot its title and its maximum amount (cap_ht or "
        "cap_ttc), and the deadline; 2. in criteria.yaml, the weights of your call; 3. if you "
        "changed the lots, the documents or the criteria, {where}referent template --update "
        "(offers.xlsx then matches them, keeping what is typed); 4. type the offers, the "
        "jury's marks and its decisions (irregular, unacceptable or inappropriate offer, with "
        "their reason) in offers.xlsx; 5. {where}referent validate, then referent score."
    ),
    "cli.placeholder_ocid": (
        "the release uses the placeholder ocid prefix ocds-xxxxxx; pass your own with "
        "--ocid-prefix before publishing (the Open Contracting Partnership gives one)"
    ),
    "provisional": (
        "{path}: the ranking of {lots} is provisional: {n} {n:offer|offers} could not be evaluated "
        "because of data errors ({rows}); correct them (see `referent validate`) before deciding"
    ),
    "provisional.lot": "lot {which}",
    "provisional.lots": "lots {which}",
    "provisional.row": "row {rows}",
    "provisional.rows": "rows {rows}",
    "problems": "Problems",
    "valid": "valid: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
    "not_valid": (
        "not valid: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}"
    ),
    "no_ground": "data to correct in the workbook, not a ground for rejection",
    # notes under a ranking
    "note.price": (
        "Price points ({criterion}): {formula} on the price {basis} of the admissible offers, "
        "{expression}, with {figures}."
    ),
    "note.pse.retained": " PSE included in the compared price (base + PSE): {retained}.",
    "note.pse.none": " No PSE is included: the compared price is the base offer's.",
    "note.pse.left": " Not included: {left}.",
    "note.pse.caps_base": " The caps are checked against the base price only.",
    "note.pse.quoted": "“{label}”",
    "budget.pse.included": "prices with the retained PSE: {retained}",
    "budget.pse.none": "no PSE retained: base prices",
    "budget.pse.base": "base prices, without the PSE (caps_include_pse: false)",
    "note.vat_mix": " VAT rates differ among them ({rates}): prices are compared {basis}.",
    "note.tree": "Sub-criteria of {parent}: {children}.",
    "note.tree.node": "{id} ({label}, /{maximum})",
    "note.tie": "Exact tie at {total} between {names}",
    "note.tie_decided": ": decided by {criterion} points ({figures})",
    "note.tie_undecided": ": the tie-break does not separate them",
    "note.tie_shared": "; {names} share rank {rank}",
    "and": "and",
    # the words several renderers share (render.phrases): statuses explained, price formulas,
    # price bases, deadlines, reasons in the report's voice
    "status.explained.admissible": "admissible offer, ranked",
    "status.explained.late": "offer received after the deadline for offers",
    "status.explained.incomplete": (
        "irregular offer: a document required by the consultation rules is missing"
    ),
    "status.explained.over_cap": (
        "unacceptable offer: its price exceeds the budget allotted to the lot"
    ),
    "status.explained.below_threshold": (
        "offer eliminated: below a threshold the consultation rules announce (their own rule, "
        "no article of the Code)"
    ),
    "status.explained.invalid": "offer not evaluated: the workbook holds a data error to correct",
    "status.explained.irregular": (
        "irregular offer, so declared by the jury: it does not meet the requirements of the "
        "consultation documents, or breaks the applicable law"
    ),
    "status.explained.unacceptable": (
        "unacceptable offer, so declared by the jury: its price exceeds the budget allocated to "
        "the contract"
    ),
    "status.explained.inappropriate": (
        "inappropriate offer, so declared by the jury: unrelated to the contract, it manifestly "
        "cannot meet the buyer's needs and requirements without a substantial change"
    ),
    "formula.proportional": "proportional",
    "formula.linear": "linear",
    "formula.gap": "gap",
    "formula.proportional.described": "proportional (Pmin / P)",
    "formula.linear.described": "linear ((Pmax − P) / (Pmax − Pmin))",
    "formula.gap.described": "by gap ((k·Pmin − P) / ((k − 1)·Pmin))",
    "basis.ht": "HT",
    "basis.ttc": "TTC",
    "basis.both": "HT and TTC",
    "deadline.none": "not specified",
    "deadline.whole_day": "{date} (until the end of the day)",
    "reason.late": "received on {received}, after the deadline of {deadline}",
    "reason.incomplete.one": "required document missing: {documents}",
    "reason.incomplete.many": "required documents missing: {documents}",
    "reason.over_cap": (
        "price {basis} of {price} above the lot's maximum amount {basis} ({cap}) by {excess}"
    ),
    "reason.missing_mark": "no mark for the criterion “{criterion}”",
    "reason.no_price.lump_sum": (
        "no price: the lot is priced as a lump sum and the amount HT is missing"
    ),
    "reason.no_price.pse": "no price: the retained PSE “{label}” has no amount",
    "reason.no_price": (
        "the price cannot be computed: the day rate or the number of days is missing"
    ),
    "reason.jury": "the jury's reason: {reason}",
    "letter.reason.late": "Offer received on {received}, after the deadline for offers",
    "letter.reason.late_by": (
        "Offer received on {received}, after the deadline for offers ({deadline})"
    ),
    "letter.reason.incomplete.one": (
        "Document required by the consultation rules missing: {documents}"
    ),
    "letter.reason.incomplete.many": (
        "Documents required by the consultation rules missing: {documents}"
    ),
    "letter.reason.over_cap": (
        "Price of your offer: {price} {basis}, {excess} above the maximum amount {basis} set for "
        "the lot ({cap} {basis})"
    ),
    "letter.reason.jury": "Reason given by the jury: {reason}",
    "note.hierarchy": (
        "Ranked by hierarchy (ordering: hierarchy, no points and no total): {order}; the next "
        "criterion is looked at only when the previous ones are equal."
    ),
    "note.hierarchy.price": "{criterion} (lower price first)",
    "note.hierarchy.mark": "{criterion} (higher mark first)",
    "note.hierarchy.then": ", then ",
    # data problems (validate) and the warnings of a ranking: templates by code and form
    "word.sheet": "sheet",  # a whole sheet, where a problem is
    # punctuation between the parts of a line: French puts a space before ":" and ";"
    "punct.colon": ": ",
    "punct.semicolon": "; ",
    # template and init
    "list.mark": "{evaluator} {mark}",
    "list.separator": ", ",
    "list.scale_word": '"{word}" ({mark})',
}
