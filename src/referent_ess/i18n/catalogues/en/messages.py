"""English texts: every problem, error, reason and note, by code (``msg:<code>[.<form>]``, one
for each key of :mod:`referent_ess.problems.codes`), and the parts they share (``part:``).

The only English of these messages: the code builds none. A data module, long because the tool
says many precise things; grouped as the registry is."""

MESSAGES: dict[str, str] = {
    # reasons and notes
    "msg:late": "received {received_date}, after the deadline {deadline_date}",
    "msg:late.round": (
        "received {received_date}, after the deadline of negotiation round {round} {deadline_date}"
    ),
    "msg:variant-forbidden": (
        "variant “{variant}”, but lot {lot} does not allow variants (variants: forbidden in "
        "lots.yaml)"
    ),
    "msg:variant-without-base": (
        "variant “{variant}” without a base offer of its candidate on lot {lot}: the consultation "
        "rules require one (variant_needs_base in lots.yaml)"
    ),
    "msg:incomplete.one": "missing required document: {documents}",
    "msg:incomplete.several": "missing required documents: {documents}",
    "msg:over_cap": (
        "price {basis} {price_money} exceeds the lot's cap {basis} {cap_money} by {excess_money}"
    ),
    "msg:below_threshold": (
        '{points_num} points on "{criterion}", below the eliminatory threshold of {min_num} '
        "points announced in the consultation rules"
    ),
    "msg:below_threshold.exact": (
        '{points_num} points on "{criterion}" (exactly {exact}), below the eliminatory '
        "threshold of {min_num} points announced in the consultation rules"
    ),
    "msg:missing-mark": "no mark for {criterion}; the jury must mark every criterion",
    "msg:no-price": "the price cannot be computed: the day rate or the number of days is missing",
    "msg:no-price.pse": (
        "no price: the retained PSE {pse} ({label}) has no amount (the sheet has no column for it)"
    ),
    "msg:no-price.lump-sum": (
        "no price: the lot is priced as a lump sum and the amount HT is missing"
    ),
    "msg:award-note.provisional": "provisional ranking: no award yet",
    "msg:award-note.no-admissible": "no admissible offer",
    "msg:award-note.tie": "{count} offers share rank {rank}: the buyer decides",
    "msg:award-note.passed-over": "awarded to the rank-{rank} offer (max_lots_per_candidate)",
    "msg:award-note.nobody": "no candidate may take this lot",
    "msg:abnormally-low-skipped": (
        "Abnormally low offers: fewer than {count} admissible offers, so the method chosen "
        "({method_part}) does not apply; judge the prices case by case"
    ),
    "part:abnormal-method.none": "none",
    "part:abnormal-method.mean-ratio": "comparison with the mean of the other offers",
    "part:abnormal-method.mean-sigma": "mean minus one standard deviation",
    "part:abnormal-method.ffb": "double mean, the FFB method",
    "msg:zero-price": (
        "the price HT {rate_num} × {days_num} = {amount_money} is zero once rounded to the cent; "
        "a price must be at least 0.01"
    ),
    "msg:jury-decision.irregular": "declared irregular by the jury: {reason}",
    "msg:jury-decision.unacceptable": "declared unacceptable by the jury: {reason}",
    "msg:jury-decision.inappropriate": "declared inappropriate by the jury: {reason}",
    # the legal basis of each status that is a ground of law (the Code's articles are quoted in
    # the French catalogue), and the note for the buyer that follows it where there is one
    "msg:legal-basis.late": (
        "late offer, eliminated: art. R2143-2 and R2151-5 of the Code de la commande "
        "publique{note_part}"
    ),
    "msg:legal-basis.irregular": (
        "irregular offer: art. L2152-2 of the Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.unacceptable": (
        "unacceptable offer: art. L2152-3 of the Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.inappropriate": (
        "inappropriate offer: art. L2152-4 of the Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.threshold": (
        "offer eliminated: eliminatory threshold announced in the consultation rules{note_part}"
    ),
    "part:legal-note.none": "",
    "part:legal-note.late": "",
    "part:legal-note.irregular": " (the buyer may allow it to be regularised: art. R2152-2)",
    "part:legal-note.unacceptable": "",
    "part:legal-note.threshold": "",
    "part:legal-note.inappropriate": " (eliminated in every procedure: art. R2152-1)",
    "part:decision.irregular": "irregular",
    "part:decision.unacceptable": "unacceptable",
    "part:decision.inappropriate": "inappropriate",
    # data problems (validate) and the warnings of a ranking: templates by code and form
    "msg:missing-value": "empty cell: {field_part} is required",
    "msg:missing-value.no-date": (
        "no reception date: the deadline cannot be checked for this offer"
    ),
    "part:field.candidate": "the candidate's name",
    "part:field.lot": "the lot number",
    "part:field.day_rate_ht": "the day rate HT",
    "part:field.days": "the number of days",
    "part:field.price_ht": "the amount HT (the lot is priced as a lump sum)",
    "part:field.criterion": "the criterion",
    "part:field.mark": "the mark",
    "part:field.evaluator": "the evaluator's name",
    "part:field.line": "the line id",
    "part:field.unit_price": "the unit price HT",
    "part:field.amount": "the amount HT",
    "msg:bad-number": "{found} is not a number; expected e.g. 450, 450.50, 450,50 or 1 234,50 €",
    "msg:bad-number.days": "{found} is not a number; expected e.g. 20, 21.5 or 21,5",
    "msg:bad-number.mark": "{found} is not a number; expected e.g. 3, 3.5 or 3,5",
    "msg:bad-number.plain": "{found} is not a number",
    "msg:bad-number.boolean": "found the boolean {found}, expected a number",
    "msg:bad-number.not-finite": "found {found}, expected a finite number",
    "msg:bad-number.other": "found {found}, expected a number",
    "msg:bad-number.foreign-digits": (
        "{found} contains non-ASCII digits ({digits}); type it with 0-9"
    ),
    "msg:ambiguous-number": (
        "{found} is ambiguous (is '.' or ',' a thousands or a decimal separator?); write it "
        "without thousands separator, e.g. 1234,50 or 1234.50, or with spaces: 1 234,50"
    ),
    "msg:ambiguous-number.cell": (
        "{found} is ambiguous (is '.' or ',' a thousands or a decimal separator?); write it "
        "without thousands separator, e.g. 1234,50 or 1234.50, or with spaces: 1 234,50; or say "
        "how the file writes numbers: numbers: fr (1 234,50) or numbers: en (1,234.50) in the "
        "consultation of lots.yaml, or the option --numbers fr or --numbers en"
    ),
    "msg:wrong-number-convention.fr": (
        "{found} is not a number written the French way, as the numbers setting says the file "
        "writes them (numbers: fr in lots.yaml or --numbers fr: 7 800,00, a decimal comma and "
        "spaces between thousands); correct the cell, or set the convention the file uses"
    ),
    "msg:wrong-number-convention.en": (
        "{found} is not a number written the English way, as the numbers setting says the file "
        "writes them (numbers: en in lots.yaml or --numbers en: 7,800.00, a decimal point and "
        "commas between thousands); correct the cell, or set the convention the file uses"
    ),
    "part:amount.day-rate": "a day rate",
    "part:amount.days": "a number of days",
    "part:amount.amount": "an amount",
    "msg:not-positive": "found {found_num}, expected {what_part} greater than 0",
    "msg:too-large": "found {found_num}, expected {what_part} below 1 000 000 000 000",
    "msg:too-many-decimals.yaml": "found {found_num}, expected {what_part} with at most 2 decimals",
    "msg:too-many-decimals": "found {found_num}, expected {what_part} with at most 2 decimals",
    "msg:bad-rate.not-number": (
        "found {found}, expected a VAT rate such as 20 %, 0.2, 5,5 % or exonéré"
    ),
    "msg:bad-rate.range": "found {found}, expected a VAT rate between 0 % and 100 %",
    "msg:unusual-vat-rate": (
        "VAT rate {rate_num} is not a French rate (20, 10, 5.5, 2.1, 0 %, or the overseas 8.5, "
        "1.75, 1.05 %); check the cell"
    ),
    "msg:bad-lot": "found {found}, expected a lot number such as 3 or Lot 3",
    "msg:bad-round": "found {found}, expected a negotiation round: a whole number from 1",
    "msg:unknown-lot": "lot {lot} is not in lots.yaml (lots: {known})",
    "msg:unknown-lot.marks": "lot {lot} is not in lots.yaml",
    "msg:bad-yes-no": "found {found}, expected oui/non, yes/no, x, 1/0",
    "msg:bad-date": "{found} is not a valid date",
    "msg:bad-date.number": (
        "found the number {found}, expected a date; format the cell as a date or type 22/03/2018"
    ),
    "msg:bad-date.other": (
        "found {found}, expected a date such as 22/03/2018, 22/03/2018 17:30 or 2018-03-22"
    ),
    "msg:ambiguous-date.two-digit-year": (
        "{found} has a two-digit year; write the year in full, e.g. 22/03/2018"
    ),
    "msg:ambiguous-date.month-first": (
        "{found} looks like month/day/year; write the day first, e.g. {day_first}"
    ),
    "msg:mark-out-of-range": "found the mark {found_num}, expected a mark from 0 to {scale_num}",
    "msg:unknown-mark-word.word": (
        "found {found}, expected one of the words of this criterion's scale: {scale_words} "
        "(or its mark)"
    ),
    "msg:unknown-mark-word.number": (
        "found the mark {found_num}, which is none of the marks of this criterion's scale: "
        "{scale_words}; type one of these words or its mark"
    ),
    "msg:jury-column-in-marks": (
        "the column {header} is ignored: the jury's decisions and their reasons are read from "
        "the offers sheet only; write them on the offer's row there"
    ),
    "msg:bad-jury-decision": (
        "found {found}, expected the jury's decision: irrégulière, inacceptable or inappropriée "
        "(or irregular, unacceptable, inappropriate); leave the cell empty when the jury "
        "decided nothing"
    ),
    "msg:jury-reason-missing": (
        "the jury declared the offer {decision_part} ({decision_cell}) without a reason: write "
        "it in this cell; the letter to the candidate must state it"
    ),
    "msg:jury-reason-missing.no-column": (
        "the jury declared the offer {decision_part} without a reason: add a column 'Motif de "
        "la décision' and write the reason there; the letter to the candidate must state it"
    ),
    "msg:jury-reason-alone": (
        "a reason but no jury decision on this row: the offer is evaluated as if the jury had "
        "decided nothing; write irrégulière, inacceptable or inappropriée in the 'Décision du "
        "jury' column, or clear this cell"
    ),
    "msg:not-for-lot.mark": (
        'lot {lot} is not marked on "{criterion}": that criterion is not among the '
        "lot's criteria; leave the cell empty"
    ),
    "msg:not-for-lot.comment": (
        'lot {lot} is not marked on "{criterion}": a comment on it has no place here; leave '
        "the cell empty"
    ),
    "msg:not-for-lot.document": (
        "lot {lot} does not require the document {document}; leave the cell empty"
    ),
    "msg:not-for-lot.pse": (
        "lot {lot} declares no PSE {pse} (lots.yaml): the amount is not read; leave the cell empty"
    ),
    "msg:pse-missing.some": (
        'no amount for the PSE {pse} ("{label}") of lot {lot}, priced in the lot by: {others}; '
        "give the amount HT the offer states"
    ),
    "msg:not-for-lot.pse-lines": (
        "lot {lot} prices the PSE {pse} by lines (prices sheet): this amount is not read; leave "
        "the cell empty"
    ),
    "msg:pse-missing.lines-some": (
        'no line of the PSE {pse} ("{label}") of lot {lot} is priced in the prices sheet, while '
        "these offers price it: {others}; give the offer's lines of the PSE"
    ),
    "msg:pse-missing.lines-none": (
        'no line of the PSE {pse} ("{label}") of lot {lot} is priced in the prices sheet, and no '
        "offer of the lot prices it; give each offer's lines of the PSE, or remove the PSE "
        "from lots.yaml"
    ),
    "msg:pse-missing.none": (
        'no amount for the PSE {pse} ("{label}") of lot {lot}, and no offer of the lot prices '
        "it; give the amount HT each offer states, or remove the PSE from lots.yaml"
    ),
    "msg:not-for-lot.price": (
        "lot {lot} is priced as a lump sum: {field_part} takes no part in its price (the amount "
        "HT is the price) and is not read; leave the cell empty"
    ),
    "msg:not-for-lot.marks": (
        'lot {lot} is not marked on "{criterion}": that criterion is not among the '
        "lot's criteria; remove the row"
    ),
    "msg:unknown-criterion": "{found} is not a marked criterion of criteria.yaml ({ids})",
    "msg:error-cell": "the cell holds the error {error}; correct it in the sheet",
    "msg:formula-not-computed": (
        "the formula {formula} has no computed value (the file was not saved by a spreadsheet "
        "since it was written); open and save it in Excel or LibreOffice, or type the value"
    ),
    "msg:marks-column-ignored": (
        "the marks sheet {sheet} replaces the mark columns: column {column} of the offers sheet "
        "is not used"
    ),
    "msg:mark-given-twice": (
        "the mark of {criterion} is given both here and in the marks sheet ({elsewhere}); keep "
        "one of them"
    ),
    "msg:no-such-offer": (
        "no offer of {candidate} on lot {lot} in the offers sheet; check the name and the lot"
    ),
    "msg:no-such-offer.variant": (
        "no variant {variant} of {candidate} on lot {lot} in the offers sheet; check the name, "
        "the lot and the variant's label"
    ),
    "msg:no-such-offer.round": (
        "no offer of {candidate} on lot {lot} in round {round} in the offers sheet; check the "
        "name, the lot and the round"
    ),
    "msg:no-such-offer.variant-round": (
        "no variant {variant} of {candidate} on lot {lot} in round {round} in the offers sheet; "
        "check the name, the lot, the variant's label and the round"
    ),
    "msg:marks-carried-over": (
        "the marks sheet has no marks for round {round}: the evaluators' marks of round "
        "{from_round} are kept (the marks are re-assessed only if the offer changed; give the "
        "marks sheet rows of round {round} to re-assess it)"
    ),
    "msg:duplicate-mark": (
        "{evaluator} marks {candidate} on {criterion} twice (also {elsewhere}); keep one row"
    ),
    # lots.yaml and criteria.yaml
    "msg:missing-key": "required key is missing",
    "msg:unknown-key.close": "unknown key {key} (did you mean {close}?)",
    "msg:unknown-key.known": "unknown key {key}; known keys: {known}",
    "msg:not-a-mapping.empty": "expected a mapping of keys ({keys}), found an empty file",
    "msg:not-a-mapping.other": "expected a mapping of keys ({keys}), found {type_part}",
    "msg:invalid-value.greater_than": "Input should be greater than {limit_num}{found_part}",
    "msg:invalid-value.greater_than_equal": (
        "Input should be greater than or equal to {limit_num}{found_part}"
    ),
    "msg:invalid-value.less_than": "Input should be less than {limit_num}{found_part}",
    "msg:invalid-value.less_than_equal": (
        "Input should be less than or equal to {limit_num}{found_part}"
    ),
    "msg:invalid-value.decimal_max_places": (
        "Decimal input should have no more than {limit_num} decimal places{found_part}"
    ),
    "msg:invalid-value.decimal_max_places_one": (
        "Decimal input should have no more than {limit_num} decimal place{found_part}"
    ),
    "msg:invalid-value.enum": "Input should be {expected}{found_part}",
    "msg:invalid-value.decimal_parsing": "Input should be a valid decimal{found_part}",
    "msg:invalid-value.int_parsing": (
        "Input should be a valid integer, unable to parse string as an integer{found_part}"
    ),
    "msg:invalid-value.int_from_float": (
        "Input should be a valid integer, got a number with a fractional part{found_part}"
    ),
    "msg:invalid-value.string_type": "Input should be a valid string{found_part}",
    "msg:invalid-value.bool_parsing": (
        "Input should be a valid boolean, unable to interpret input{found_part}"
    ),
    "msg:invalid-value.list_type": "Input should be a valid list{found_part}",
    "msg:invalid-value.dict_type": "Input should be a valid dictionary{found_part}",
    "msg:invalid-value.date_from_datetime_inexact": (
        "Datetimes provided to dates should have zero time - e.g. be exact dates{found_part}"
    ),
    "msg:not-checked": ("the offers workbook was not checked, since the configuration has errors"),
    "msg:duplicate-id.pse": "PSE id {id} is used twice in this lot (also pse.{also})",
    "msg:pse-undecided": (
        'say whether the PSE {pse} ("{label}") is retained: add retained: true or retained: '
        "false (the compared price, and so the ranking, depend on it; there is no default)"
    ),
    "msg:duplicate-id.lot": "lot id {id} is used twice (also lots.{also})",
    "msg:duplicate-id.criterion": "criterion id {id} is used twice",
    "msg:duplicate-id.round": "round {id} is given twice (also consultation.rounds.{also})",
    "msg:round-deadline-order": (
        "round {round}'s deadline {deadline_date} is earlier than round {previous}'s "
        "({previous_date}): a round cannot close before the round before it"
    ),
    "msg:missing-cap": "give cap_ht, cap_ttc or both",
    "msg:cap-mismatch": (
        "cap_ht {cap_ht_money} × (1 + {vat_num}) = {product_money} differs from cap_ttc "
        "{cap_ttc_money} by {gap_money} € (more than the {tolerance_money} € that rounding to "
        "whole euros allows); correct one of them or give only one"
    ),
    "msg:weights-sum": "weights must sum to 100, found {weights_num} = {total_num}",
    "msg:price-criterion.some": "exactly one criterion must have a price: block, found {ids}",
    "msg:price-criterion.none": "exactly one criterion must have a price: block, found none",
    "msg:invalid-value.int_type": "Input should be a valid integer{found_part}",
    "msg:invalid-value.decimal_type": (
        "Decimal input should be an integer, float, string or Decimal object{found_part}"
    ),
    "msg:invalid-value.tuple_type": "Input should be a valid tuple{found_part}",
    "msg:invalid-value.model_type": (
        "Input should be a valid dictionary or instance of {class_name}{found_part}"
    ),
    "msg:invalid-value.too_short_list_one": (
        "List should have at least 1 item after validation, not {actual}{found_part}"
    ),
    "msg:invalid-value.identifier": "String should match pattern {pattern}{found_part}",
    "msg:invalid-value.other": "{detail}{found_part}",  # pydantic's words, for a rare case
    "part:type.list": "a list",
    "part:type.str": "a text",
    "part:type.int": "a whole number",
    "part:type.float": "a number",
    "part:type.bool": "a boolean",
    "part:type.other": "a {found}",
    "part:found.none": "",
    "part:found.value": " (found {found})",
    "part:found.date": " (found the date {found}: quote it to keep it as text)",
    "part:found.huge": " (found a number of more than {digits} digits)",
    # lots.yaml and criteria.yaml: YAML syntax and the YAML 1.1 traps
    "msg:yaml-syntax.marked": (
        "YAML syntax error{column_part}: {problem_part}; check the indentation (spaces, not "
        "tabs) and the quotes on this line and the one before"
    ),
    "part:column.none": "",
    "part:column.at": " (column {column})",
    "part:yaml-problem.colon": "{problem}",
    "part:yaml-problem.tab": "{problem}",
    "part:yaml-problem.end": "{problem}",
    "part:yaml-problem.indentation": "{problem}",
    "part:yaml-problem.bracket": "{problem}",
    "part:yaml-problem.brace": "{problem}",
    "part:yaml-problem.other": "{problem}",
    "msg:yaml-syntax.other": "YAML error: {detail}",
    "msg:yaml-syntax.control": (
        "the file holds the control character {character}, which YAML does not allow; retype "
        "the line"
    ),
    "msg:invalid-date": (
        "{found_part} is not a real date ({detail_part}); write it as YYYY-MM-DD, or quote it "
        "to keep it as text"
    ),
    "part:date.found": "{found}",
    "part:date.unknown": "a date",
    "part:date-detail.month": "{detail}",
    "part:date-detail.day": "{detail}",
    "part:date-detail.other": "{detail}",
    "msg:yaml-too-large": (
        "the file is larger than {limit_mb} MB, far more than a configuration needs (a few "
        "kilobytes): check that this is the right file"
    ),
    "msg:yaml-too-deep": (
        "the data is nested more than {limit} levels deep here; a configuration needs only a few"
    ),
    "msg:yaml-alias": "YAML aliases (*name) are not allowed; write the value out",
    "msg:duplicate-key": "duplicate key {key} (first at line {first}); keep only one",
    "msg:yaml-trap.boolean": "{text} is read by YAML as the boolean {meaning}; quote it: '{text}'",
    "msg:yaml-trap.octal": (
        "{text} is read by YAML as an octal number; write it without the leading 0"
    ),
    "msg:yaml-trap.base-60": "{text} is read by YAML as a base-60 number; quote it: '{text}'",
    "msg:yaml-trap.thousands": (
        "{text} is read by YAML as the number {read_num}: if you meant {meant}, write it "
        "without the point"
    ),
    "msg:invalid-value.deadline-text": (
        "{found} is not a date; expected 2018-03-23 or 2018-03-23 12:00"
    ),
    "msg:invalid-value.deadline-type": "found {found}, expected a date such as 2018-03-23",
    "msg:invalid-value.deadline-zone": "give the deadline in local time, without a time zone",
    "msg:invalid-value.deadline-huge": (
        "found a number of more than {digits} digits, expected a date such as 2018-03-23"
    ),
    "msg:invalid-value.huge-number": "a number of more than {digits} digits is far too large here",
    # lots.yaml and criteria.yaml: the rarer checks
    "msg:hierarchy-weight": (
        "ordering: hierarchy compares the criteria in the order listed, without weights: "
        "remove weight"
    ),
    "msg:hierarchy-tie-break": (
        "ordering: hierarchy already breaks ties criterion by criterion: remove tie_break"
    ),
    "msg:invalid-value.k-not-gap": "k is only used by the gap formula",
    "msg:invalid-value.price-scale": "the price criterion is not marked: remove scale",
    "msg:invalid-value.parent-scale": (
        "{criterion} is not marked, its sub-criteria are: give scale to them, not to it"
    ),
    "msg:price-criterion.nested": (
        "the price criterion {criterion} must be a top-level criterion, not a sub-criterion"
    ),
    "msg:price-sub-criteria": (
        "the price criterion {criterion} cannot have sub-criteria (a price schedule is not "
        "supported yet): remove sub_criteria"
    ),
    "msg:sub-weights-sum": (
        "the weights of the sub-criteria of {criterion} must add up to its weight {parent_num}, "
        "found {weights_num} = {total_num}"
    ),
    "msg:sub-weights-percent": (
        "the weights of the sub-criteria of {criterion} add up to 100 ({weights_num}), like "
        "percentages of it; a sub-criterion's weight is a share of the total, like a "
        "criterion's: with {criterion} weighing {parent_num}, write {converted_num} (each "
        "percentage × {parent_num} / 100)"
    ),
    "msg:too-deep": (
        "{criterion} is at level {limit}, the deepest a criteria tree goes (criterion, "
        "sub-criterion, and one level below): its sub-criteria would be one level too deep"
    ),
    "msg:hierarchy-sub-criteria": (
        "ordering: hierarchy compares whole criteria one after the other, without weights, so "
        "{criterion} cannot have sub-criteria: remove sub_criteria, or weight the criteria"
    ),
    "msg:unknown-criteria-set.known": (
        "unknown criteria set {found}; criteria.yaml defines these sets: {sets}"
    ),
    "msg:unknown-criteria-set.none": (
        "unknown criteria set {found}: criteria.yaml defines no set (add it under sets:, or "
        "remove criteria to use the default criteria)"
    ),
    "msg:unknown-criterion.tie-break": "unknown criterion {found}; expected one of {ids}",
    "msg:column-clash.document": (
        "document {document} would be the same column as {owner_part}; rename it"
    ),
    "msg:column-clash.criterion": (
        "criterion id {criterion} would be the same column as {owner_part}; rename it"
    ),
    "msg:column-clash.short-label": (
        "the short label {label} cannot head this criterion's column: the offers workbook "
        "reads {owner_part} under the same header; give the criterion another short_label"
    ),
    "msg:scale-empty": "the scale {scale} has no words: give each word its mark, e.g. Bon: 3",
    "msg:scale-word.empty": (
        "{word} is no word once its punctuation and spaces are set aside: write a word"
    ),
    "msg:scale-word.number": (
        "{word} is a number, which a mark cell reads as a mark: give the scale words"
    ),
    "msg:scale-word.same": (
        "{word} is the same word as {first} once case, accents and punctuation are set aside "
        "(a mark cell reads both alike): keep one"
    ),
    "msg:scale-mark.negative": "the word {word} gives the mark {mark_num}; a mark is 0 or more",
    "msg:scale-mark.same": (
        "the words {word} and {first} both give the mark {mark_num}: one word per mark, so "
        "that every output can say which word a mark stands for; keep one, or merge them "
        "into one word"
    ),
    "msg:scale-mark.zero": (
        "every word of the scale {scale} gives 0: its best word must give a mark above 0 "
        "(the highest mark of a scale gives a criterion its full points)"
    ),
    "msg:unknown-scale.known": (
        "unknown scale {found}; criteria.yaml defines these scales: {scales}"
    ),
    "msg:unknown-scale.none": (
        "unknown scale {found}: criteria.yaml defines no scale (add it under scales:, or give "
        "scale a number)"
    ),
    "msg:scale-differs.default": (
        "{criterion} is marked {here_part} here and {there_part} in the default criteria; it is "
        "one column of the offers workbook, which holds one kind of mark: give it the same "
        "scale in every set, or another id"
    ),
    "msg:scale-differs.named": (
        "{criterion} is marked {here_part} here and {there_part} in the set {set}; it is one "
        "column of the offers workbook, which holds one kind of mark: give it the same scale "
        "in every set, or another id"
    ),
    "part:scale-here.words": "with the words of the scale {here}",
    "part:scale-here.numeric": "with numbers",
    "part:scale-there.words": "with the words of the scale {there}",
    "part:scale-there.numeric": "with numbers",
    "msg:threshold-price": (
        "the price criterion {criterion} takes no min_points: its points depend on the other "
        "offers' prices, and a price is judged against the lot's cap; remove min_points"
    ),
    "msg:threshold-above-max": (
        "min_points {min_num} is above the {max_num} points {criterion} can give ({total_num} × "
        "{weight_num} / 100): no offer could reach it; give a threshold above 0 and at most "
        "{max_num}"
    ),
    "msg:hierarchy-threshold": (
        "ordering: hierarchy gives no points, so {criterion} cannot have a threshold of points: "
        "remove min_points"
    ),
    "part:owner.field": "the {owner} column",
    "part:owner.document": "required document {owner}",
    "part:owner.criterion": "criterion {owner}",
    # unusable input (exit 2)
    "msg:file-not-found.offers": "{path}: file not found",
    "msg:file-not-found.lots": (
        "lots.yaml: file not found in {folder}; run referent in the consultation's folder, or "
        "pass --lots PATH (or set REFERENT_LOTS)"
    ),
    "msg:is-a-folder.offers": "{path}: is a folder, expected an offers workbook (.xlsx) or .csv",
    "msg:is-a-folder.csv": "{path}: is a folder, expected a .csv file",
    "msg:file-not-found.yaml": "{path}: file not found{looked_part}",
    "part:looked.none": "",
    "part:looked.path": " (looked for {looked})",
    "msg:is-a-folder.yaml": "{path}: is a folder, expected a YAML file",
    "msg:output-exists": "{path}: already exists; pass --force to replace it",
    "msg:output-is-input": "{path}: is an input of this run ({source}); refusing to write over it",
    "msg:output-is-folder": "{path}: is a folder; give a file name to write to",
    "msg:output-folder-missing": "{path}: the folder {folder} does not exist",
    "msg:output-unwritable": "{path}: cannot be written ({reason_part})",
    "msg:output-is-file": "{path}: is a file; give a folder for the letters",
    "msg:output-special-file": (
        "{path}: is {kind_part}, not a regular file; referent replaces only regular files, even "
        "with --force: give another file name"
    ),
    "part:file.fifo": "a named pipe (FIFO)",
    "part:file.device": "a device",
    "part:file.socket": "a socket",
    "part:file.other": "a special file",
    "msg:stdout-unwritable": "the standard output cannot be written ({reason_part})",
    "msg:output-trailing-separator": (
        "{path}: ends with {separator}, so it names a folder, and there is no such folder; give "
        "the name of the file to write, without the final {separator}"
    ),
    "msg:output-parent-not-folder": (
        "{path}: cannot be written: {folder} is a file, not a folder; give a path in a folder"
    ),
    "msg:unknown-report-format": (
        "{path}: the report is written as .xlsx, .html or .docx; give --out a name ending with "
        "one of them"
    ),
    "msg:no-export-format": "{command}: choose what to export: --ocds",
    "msg:bad-option": "{option} takes a whole number from {low} to {high} (found {found})",
    "msg:no-offers-file": (
        "{path}: no offers workbook given; pass it after the command (e.g. `referent score "
        "offers.xlsx`) or set consultation.offers in lots.yaml"
    ),
    "msg:unreadable-workbook": "{path}: cannot be read as a workbook ({detail})",
    "msg:two-offers-sheets.offers": (
        "{path}: the sheets {first} and {second} are both named as the offers sheet (offers or "
        "offres), and the tool reads only one: rename or delete the other"
    ),
    "msg:two-offers-sheets.marks": (
        "{path}: the sheets {first} and {second} are both evaluators' marks sheets (marks, or "
        "notes with an evaluator column), and the tool reads only one: put all the marks in one "
        "of them and rename or delete the other"
    ),
    "msg:malformed-workbook.xml": (
        "{path}: its part {part} is not well-formed XML (line {line}, column {column}): save the "
        "workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-workbook.parts": (
        "{path}: its parts are not where spreadsheets put them ({detail}), and the tool's two "
        "readers would not read the same ones: save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-workbook.shared-strings": (
        "{path}: its table of shared texts ({part}) is written in a way the tool's two readers "
        "would read differently ({detail}): save the workbook again with Excel or LibreOffice"
    ),
    "msg:sheet-too-large.columns": (
        "cell {cell} is beyond column {last}: the sheet {sheet} is read up to {limit} columns; "
        "delete the columns beyond its data (an empty cell that has a format counts too)"
    ),
    "msg:sheet-too-large.cells": (
        "with cell {cell}, the sheet spans {rows} rows by {columns} columns, more than the "
        "{limit} cells the sheet {sheet} is read up to; delete the rows and columns beyond its "
        "data (an empty cell that has a format counts too)"
    ),
    "msg:malformed-sheet.xml": (
        "the sheet's XML is damaged at line {line}, column {column}: save the workbook again "
        "with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.namespace": (
        "the sheet's XML is not in the spreadsheet namespace (it uses {namespace}), and the "
        "tool's two readers would read it differently: save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.misplaced": (
        "the sheet's XML holds a <{element}> element where spreadsheets never write one, and the "
        "tool's two readers would read it differently: save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.reference": (
        "a cell of row {row} is written {found}, which is not a cell reference (a column from A "
        "to XFD, then a row from 1 to 1048576): save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.row-reference": (
        "a row is numbered {found} (after row {previous}), which is not a row number from 1 to "
        "1048576: save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.duplicate-row": (
        "row {row} is written twice in the sheet's XML, which spreadsheets never do, and the "
        "tool's two readers would keep different copies: save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.row-order": (
        "row {row} is written after row {previous} in the sheet's XML, and the tool's two "
        "readers would read the rows differently (spreadsheets write them in order): save the "
        "workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.duplicate-cell": (
        "cell {cell} is written twice in the sheet's XML, and the tool's two readers would keep "
        "different values: save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.cell-order": (
        "cell {cell} is written after {previous} in the sheet's XML, and the tool's two readers "
        "would read the row differently (spreadsheets write cells in order): save the workbook "
        "again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.cell-row": (
        "cell {cell} is written inside row {row} of the sheet's XML, and the tool's two readers "
        "would place it differently: save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.cell-type": (
        "the cell's type is written {found}, which is not a spreadsheet cell type: save the "
        "workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.two-values": (
        "the cell holds two values (or its formula after its value) in the sheet's XML, and the "
        "tool's two readers would keep different ones: save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.value": (
        "the cell's value is written {found} in the sheet's XML, which the tool's two readers "
        "would read differently (a number, 0 or 1 for FALSE or TRUE, or the number of a shared "
        "text, in plain digits): save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.shared-string": (
        "the cell holds shared text number {found}, but the workbook's table of shared texts has "
        "{count} (numbered from 0): save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.text": (
        "the cell's text is written in the sheet's XML in pieces the tool's two readers would "
        "join differently (two <t> texts, a <t> after a run <r>, a run without its <t> or with "
        "two, an element or a CDATA section in a text): save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.inline-text": (
        "the cell holds inline text (<is>) but its type is {found}, not inlineStr, and the "
        "tool's two readers would read it differently: save the workbook again with Excel or "
        "LibreOffice"
    ),
    "msg:malformed-sheet.inline-value": (
        "the cell is of type inlineStr but holds a value <v>, and the tool's two readers would "
        "read it differently: save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.date-cell": (
        "the cell is of type d (a date written as text), which the tool's two readers do not "
        "read alike and which spreadsheets do not write (they write a date as a number with a "
        "date format): save the workbook again with Excel or LibreOffice"
    ),
    "msg:malformed-sheet.more": "and {count} more problems in the sheet's XML",
    "msg:no-worksheet": "{path}: the workbook has no visible worksheet",
    # explain: the offer asked for
    "msg:ambiguous-candidate": (
        "{path}: {candidate} has {count} offers on lot {lot} (rows {rows}); a candidate may bid "
        "once per lot: correct the workbook (see `referent validate`)"
    ),
    "msg:unknown-candidate": (
        "{path}: lot {lot} has no offer from {candidate}{close_part} (candidates of lot {lot}: "
        "{listed_part}){elsewhere_part}"
    ),
    "part:close.0": "",
    "part:close.1": "; did you mean {close1}?",
    "part:close.2": "; did you mean {close1} or {close2}?",
    "part:close.3": "; did you mean {close1} or {close2} or {close3}?",
    "part:candidates.some": "{listed}",
    "part:candidates.none": "none",
    "part:elsewhere.none": "",
    "part:elsewhere.some": "; {candidate} has an offer on lot {elsewhere}",
    # letters and their templates
    "msg:letters-provisional": (
        "lot {lot}: the ranking is provisional (some offers could not be evaluated); correct the "
        "offers workbook (see `referent validate`) before writing letters: letters must not be "
        "sent on a provisional result"
    ),
    "msg:letters-no-winner": (
        "lot {lot}: no admissible offer, so no award to notify; letters are only written for a "
        "lot with a winner"
    ),
    "msg:letters-tie": (
        "lot {lot}: {count} offers share rank 1 ({names}) and the tie-break does not separate "
        "them; decide the tie before writing letters: letters must not be sent on a tied result"
    ),
    "msg:letters-no-award": "lot {lot}: no award: {note}",
    "msg:template-dir": "{path}: template folder not found",
    "msg:template-unreadable": "{path}: cannot read the template ({detail}); save it as UTF-8 text",
    "msg:template-syntax": (
        "{path}:{line}: a '$' that starts no placeholder; write $$ for a dollar sign, or $name / "
        "${{name}} for a placeholder"
    ),
    "msg:letters-unknown-candidate": (
        "--candidate {name}: no candidate has this name in any lot; the candidates are: {known}"
    ),
    "msg:letters-format": (
        "--format {found}: letters are written as docx (Word, the default) or markdown"
    ),
    "msg:letter-base.missing": "{path}: the letter base (a Word .docx) is not found",
    "msg:letter-base.folder": "{path}: is a folder; the letter base is a Word document (.docx)",
    "msg:letter-base.too-large": (
        "{path}: weighs {size} MB (at most {limit} MB accepted for a letter base): refused"
    ),
    "msg:letter-base.ole2": (
        "{path}: is an old Word document (.doc) or a password-protected one; open it in Word or "
        "LibreOffice and save it as .docx without a password"
    ),
    "msg:letter-base.not-zip": (
        "{path}: is not a Word document (.docx); open it in Word or LibreOffice and save it as "
        ".docx"
    ),
    "msg:letter-base.damaged": (
        "{path}: is a damaged Word document ({detail}); save it again as .docx"
    ),
    "msg:letter-base.members": (
        "{path}: holds {count} zip members (a letter base has a few dozen, at most {limit} are "
        "accepted): refused"
    ),
    "msg:letter-base.duplicate": (
        "{path}: its zip holds the member {member} more than once, which Word never writes (a "
        "crafted file?): refused"
    ),
    "msg:letter-base.bomb": (
        "{path}: would expand to {size} MB (more than the {limit} MB accepted; a zip bomb?): "
        "refused before decompressing anything"
    ),
    "msg:letter-base.encrypted": (
        "{path}: is password-protected; save it as .docx without a password"
    ),
    "msg:letter-base.not-word": (
        "{path}: is an Office or zip file but not a Word document; save your letterhead as .docx"
    ),
    "msg:letter-base.entities": (
        "{path}: its part {part} declares an XML DTD or entities, which Word documents never "
        "need and which entity-expansion attacks use: refused"
    ),
    "msg:letter-base.macros": "{path}: holds macros (.docm); save it as a plain .docx",
    "msg:template-placeholder": "{path}: unknown placeholder {listed}; known placeholders: {known}",
    "msg:not-applicable.hierarchy": (
        "{path}: {command_part} does not apply with ordering: hierarchy; use `referent score` "
        "or `rank`"
    ),
    "part:needs-weights.report": "the report",
    "part:needs-weights.letters": "letters",
    "part:needs-weights.simulate": (
        "simulate (price formulas give points, which a hierarchy has not)"
    ),
    "part:needs-weights.sensitivity": ("sensitivity (there are no weights to move in a hierarchy)"),
    "msg:not-applicable.simulate-empty": (
        "lot {lot}: simulate does not apply: the lot has no admissible offer to rank"
    ),
    "msg:not-applicable.pse-none": "lot {lot}: pse does not apply: the lot declares no PSE",
    "msg:not-applicable.pse-too-many": (
        "lot {lot}: pse does not apply: the lot declares {count} PSE, which make {combinations} "
        "combinations; it compares at most {most} PSE ({most_combinations} combinations)"
    ),
    "msg:not-applicable.sensitivity": "lot {lot}: sensitivity does not apply: {why_part}",
    "part:not-sensitive.hierarchy": "{why}",
    "part:not-sensitive.provisional": "{why}",
    "part:not-sensitive.no-winner": "{why}",
    "msg:no-such-lot": "{path}: there is no lot {lot} (lots: {known})",
    "msg:unreadable-file": "{path}: cannot be read ({reason_part})",
    "part:os.denied": "{reason}",
    "part:os.other": "{reason}",
    "part:os.no-space": "{reason}",
    "part:os.name-too-long": "{reason}",
    "part:os.not-a-folder": "{reason}",
    "part:os.read-only": "{reason}",
    "part:os.missing": "{reason}",
    "part:os.loop": "{reason}",
    "part:os.io": "{reason}",
    "msg:unreadable-file.not-regular": (
        "{path}: not a regular file (a device, a pipe or a socket): give the offers file itself"
    ),
    "msg:file-too-large": (
        "{path}: {size} MB, more than the {limit} MB an offers file may have: refused before "
        "reading it"
    ),
    "msg:not-utf8.yaml": "{path}: not UTF-8 text (byte {byte}); save it as UTF-8",
    "msg:not-utf8.csv": (
        "{path}: not UTF-8 text (byte {byte}); in Excel or LibreOffice save it as « CSV UTF-8 »"
    ),
    "msg:nul-bytes": "{path}: contains NUL bytes: not a text CSV file",
    "msg:bad-csv-quotes": (
        "{path}: line {line}: cannot be read as CSV ({detail}); check the quotes: a field that "
        'starts with " must end with ", and a " inside it is written ""'
    ),
    "msg:empty-file": "{path}: is empty (0 bytes): it holds no workbook",
    "msg:damaged-zip": (
        "{path}: is damaged or truncated ({reason_part}); download or copy it again, or save "
        "it again from your spreadsheet"
    ),
    "part:zip.crc": "part {part} does not match its checksum",
    "part:zip.cut-short": "part {part} stops before its end",
    "part:zip.header": "the header of part {part} is unreadable",
    "part:zip.too-large": "part {part} has an implausible size",
    "part:zip.not-zip": "it is no valid zip archive",
    "part:zip.structure": "the zip archive's structure is inconsistent",
    "part:zip.inflate": "compressed data is corrupt",
    "part:zip.compression": "a part uses a compression method that cannot be read",
    "part:zip.names": "a part's name is unreadable",
    "part:zip.unreadable": "the file could not be read",
    "msg:encrypted-workbook.ole2": (
        "{path}: is a password-protected workbook; open it and save a copy as .xlsx without a "
        "password (File > Info > Protect workbook > Encrypt with password: leave it empty)"
    ),
    "msg:encrypted-workbook.zip": (
        "{path}: has encrypted zip members; save a copy without a password"
    ),
    "msg:encrypted-workbook.ods": (
        "{path}: is a password-protected OpenDocument spreadsheet; open it and save a copy "
        "without a password (File > Save As, untick « Save with password »)"
    ),
    "msg:encrypted-workbook.xls": (
        "{path}: is a password-protected Excel 97-2003 workbook (.xls); open it and save a copy "
        "without a password, preferably as .xlsx or .ods"
    ),
    "msg:damaged-xls": (
        "{path}: is an Excel 97-2003 workbook (.xls) that is damaged or truncated ({detail_part}); "
        "download or copy it again, or save it again from your spreadsheet"
    ),
    "part:xls-damage.short-header": "the file is shorter than its header",
    "part:xls-damage.not-compound": "its header is not that of a compound file",
    "part:xls-damage.sector-beyond": "a sector lies beyond the end of the file",
    "part:xls-damage.mini-sector-beyond": "a mini sector lies beyond the mini stream",
    "part:xls-damage.broken-chain": "a chain of sectors is broken",
    "part:xls-damage.record-cut": "a record is cut short",
    "part:xls-damage.stream-ends": "the workbook stream ends before its last record",
    "part:xls-damage.no-bof": "the workbook stream does not start as a workbook does",
    "msg:html-file": (
        "{path}: is an HTML or XML file with a workbook's name (some web exports do this), not "
        "an .xlsx; open it in your spreadsheet and save it as .xlsx"
    ),
    "msg:csv-renamed": (
        "{path}: is a CSV text file with a workbook's name; rename it to .csv (referent reads "
        "CSV offers too)"
    ),
    "msg:not-a-workbook.bytes": (
        "{path}: is not a workbook (its content starts with {start}); save the offers from "
        "your spreadsheet as .xlsx"
    ),
    "msg:not-a-workbook.zip": (
        "{path}: is a zip archive, but not a workbook (no [Content_Types].xml)"
    ),
    "msg:not-a-workbook.office": "{path}: is {kind_part}, not a workbook",
    "part:office.word": "a Word document",
    "part:office.powerpoint": "a PowerPoint file",
    "part:office.other": "an Office file of another kind",
    "part:office.odf": "an OpenDocument text, drawing or presentation",
    "msg:too-many-members": (
        "{path}: holds {count} zip members (a workbook has a few dozen, at most {limit} are "
        "accepted): refused"
    ),
    "msg:duplicate-zip-member": (
        "{path}: its zip holds the member {member} more than once, which a spreadsheet never "
        "writes (a crafted file?): refused"
    ),
    "msg:zip-bomb": (
        "{path}: would expand to {size} MB (more than the {limit} MB accepted; a zip bomb?): "
        "refused before decompressing anything"
    ),
    "msg:xml-entities": (
        "{path}: its part {part} declares an XML DTD or entities, which workbooks never need "
        "and which entity-expansion attacks use: refused"
    ),
    "msg:unusual-compression": (
        "{path}: its part {part} uses a compression spreadsheets never use: refused"
    ),
    "msg:zip-size-mismatch": (
        "{path}: its part {part} does not have the size its zip directory declares ({size} "
        "bytes): a damaged or crafted file, refused"
    ),
    "msg:damaged-workbook": "{path}: its workbook part cannot be read ({detail})",
    "msg:control-character.one": (
        "the cell holds the character {control}, a control character or a noncharacter that no "
        "workbook can hold; retype the cell"
    ),
    "msg:control-character.several": (
        "the cell holds the characters {control}, control characters or noncharacters that no "
        "workbook can hold; retype the cell"
    ),
    "msg:invisible-character.one": (
        "the cell holds the invisible character {characters}: the tool ignores it when it "
        "compares names, lots and criteria, but it makes the text differ from what is seen; "
        "retype the cell without it"
    ),
    "msg:invisible-character.several": (
        "the cell holds the invisible characters {characters}: the tool ignores them when it "
        "compares names, lots and criteria, but they make the text differ from what is seen; "
        "retype the cell without them"
    ),
    "msg:duplicate-offer": (
        "{candidate} has more than one offer on lot {lot} (also {others}); keep one row per "
        "candidate and lot"
    ),
    "msg:duplicate-offer.variant": (
        "{candidate} has more than one variant “{variant}” on lot {lot} (also {others}); give "
        "each variant its own label"
    ),
    "msg:duplicate-offer.round": (
        "{candidate} has more than one offer in round {round} on lot {lot} (also {others}); "
        "keep one row per candidate, lot and round"
    ),
    "msg:duplicate-offer.variant-round": (
        "{candidate} has more than one variant “{variant}” in round {round} on lot {lot} (also "
        "{others}); keep one row per variant and round"
    ),
    "msg:round-order": (
        "round {round} of {candidate} on lot {lot} was received on {received_date}, before its "
        "round {previous} ({previous_date}): a later round cannot come first; correct the round "
        "number or the date"
    ),
    "msg:round-gap.first": (
        "the first offer of {candidate} on lot {lot} is in round {round}: round {missing} is "
        "missing"
    ),
    "msg:round-gap.after": (
        "{candidate} goes from round {previous} to round {round} on lot {lot}: round {missing} "
        "is missing"
    ),
    "msg:similar-candidates": (
        "{name} differs from {others} only by case, spaces or accents: if they are the same "
        "candidate, write the name the same way"
    ),
    "msg:hidden-row": "this row is hidden in the sheet; it is read all the same",
    "msg:hidden-column": (
        "column {letter} ({field}) is hidden in the sheet; it is read all the same"
    ),
    "msg:hidden-sheet": "the sheet {name} is hidden in the workbook; it is read all the same",
    "msg:merged-cells": (
        "cells {cells} are merged: only {first} holds a value, the others read as empty; "
        "unmerge them and fill each cell"
    ),
    "msg:merged-cells.header": (
        "header cells {cells} are merged: unmerge them, one header per column"
    ),
    "msg:unknown-column": "column {header} is not used by the tool and is ignored",
    "msg:suspicious-column": (
        "column {header} is not a known column; did you mean {probable}? If so, correct the "
        "header; if not, rename it to a header the tool does not use"
    ),
    "msg:suspicious-column.named": (
        "column {header} is not a known column; did you mean {probable} ({column})? If so, "
        "correct the header; if not, rename it to a header the tool does not use"
    ),
    "msg:suspicious-column.about": (
        "column {header} is not one the tool reads, but its name is about {about_part}, which "
        "the evaluation uses: ignoring it could change the result. If it holds that, head it "
        "{probable}; if not, {fix_part}"
    ),
    "part:about.candidate": "the candidate",
    "part:about.lot": "the lot",
    "part:about.day_rate_ht": "the day rate HT",
    "part:about.days": "the number of days",
    "part:about.vat_rate": "VAT",
    "part:about.ttc": (
        "VAT (the tool computes prices TTC from the price HT and the VAT rate of each offer)"
    ),
    "part:about.price_ht": "the price",
    "part:about.received_at": "when the offer was received",
    "part:about.document": "the required document {document}",
    "part:about.criterion": "the jury's marks for {criterion}",
    "part:fix.sheet": "remove the column or move it to another sheet",
    "part:fix.csv": "remove the column",
    "msg:duplicate-column": "column {header} is the same column as {first}: keep only one",
    "msg:missing-column.field": (
        "no column for {what_part} ({field}): add a column headed one of {names}{hint_part}"
    ),
    "msg:missing-column.document": (
        "no column for the required document {document} (lots.yaml): add a column {document} "
        "saying oui/non for each offer{hint_part}"
    ),
    "msg:missing-column.pse": (
        'no column for the PSE {pse} ("{label}", lots.yaml): add a column headed {pse} with '
        "the amount HT each offer of its lot states"
    ),
    "msg:missing-column.criterion": (
        "no column for the marks of criterion {criterion} (criteria.yaml): add a column "
        "{criterion} with the jury's mark of each offer{hint_part}"
    ),
    "msg:missing-column.marks": "the marks sheet has no column for {field}: add one headed {names}",
    "part:hint.none": "",
    "part:hint.typo": " ({hint_cell} {hint_header} looks like it)",
    "part:hint.sheet": (
        " (sheet {hint_sheet} has one: name the offers sheet 'offers' so that it is the one read)"
    ),
    "msg:no-header": "this cell has no header above it and is ignored",
    "msg:no-header.several": (
        "{count} cells of this row, from {first} to {last}, have no header above them and are "
        "ignored"
    ),
    "msg:no-offers": "the sheet has no offer rows below its header",
    "msg:empty-sheet": (
        "the sheet has no header row: row 1 must name the columns (candidate, lot, day_rate_ht, "
        "days, ...)"
    ),
    "msg:price-mismatch": (
        "the stated price HT {stated_money} differs from day rate × days = {rate_money} × "
        "{days_num} = {amount_money}; the unit price prevails"
    ),
    "part:cap.within": "within",
    "part:cap.over": "over",
    "msg:other-cap": (
        "{side_part} the lot's {basis} cap ({price_money} against {cap_money}), while the cap "
        "checked, {checked_basis}, says {checked_part}"
    ),
    "msg:received-time-unknown": (
        "received on the deadline day without a time; the deadline is {deadline_date}: check "
        "that it was on time"
    ),
    "msg:abnormally-low": (
        "the price may be abnormally low ({explanation_part}); before any rejection the law "
        "requires asking the candidate to justify it (art. L2152-5 and R2152-3 of the Code de "
        "la commande publique)"
    ),
    "part:abnormal.mean-ratio": (
        "comparison with the mean of the other offers: {price_money} < {ratio_num} × "
        "{others_money} (mean of the other {count} admissible offers) = {threshold_money}"
    ),
    "part:abnormal.mean-sigma": (
        "mean minus one standard deviation: {price_money} < mean {mean_money} − standard "
        "deviation {sigma_money} = {threshold_money}"
    ),
    "part:abnormal.ffb": (
        "double mean, the FFB method: {price_money} ≤ 0.9 × {second_money} (mean of the {count} "
        "offers not more than 20 % above the mean {first_money}) = {threshold_money}"
    ),
    "msg:lot-limit": (
        "ranked {rank} on lot {lot}, but already awarded lot {earlier}: a candidate may win at "
        "most {limit} {limit:lot|lots} (max_lots_per_candidate)"
    ),
    "msg:missing-evaluator-mark": (
        "no mark from {evaluators} for {criterion}: every evaluator must mark {candidate} on lot "
        "{lot} (marks sheet)"
    ),
    "msg:marks-divergence": (
        "the evaluators' marks on {criterion} spread by {spread_num} (more than "
        "{threshold_num}): {listed_marks}; the jury should discuss them before signing"
    ),
    "msg:vat-basis.same": (
        "lot {lot}: prices are compared HT although the VAT rates of its admissible offers "
        "differ; compared TTC, what the buyer pays, the first rank would not change "
        "({ht_first})"
    ),
    "msg:vat-basis.tie": (
        "lot {lot}: prices are compared HT although the VAT rates of its admissible offers "
        "differ; compared TTC, what the buyer pays, {ttc_first} would tie for the first rank, "
        "which the tie-break does not settle, instead of {ht_first} first"
    ),
    "msg:vat-basis.changes": (
        "lot {lot}: prices are compared HT although the VAT rates of its admissible offers "
        "differ; compared TTC, what the buyer pays, the first rank would go to {ttc_first} "
        "instead of {ht_first}"
    ),
    # price models schedule (BPU × DQE) and dpgf: lots.yaml's lines and the prices sheet
    "msg:no-lines": (
        "no price: lot {lot} is priced line by line and the prices sheet has no line for this offer"
    ),
    "msg:arithmetic-error.schedule": (
        "arithmetic error: the stated total HT {stated_money} differs from the sum of the lines "
        "(unit price × quantity, each to the cent), {recomputed_money}{lines_part}; {rule_part}"
    ),
    "msg:arithmetic-error.dpgf": (
        "arithmetic error: the stated lump sum HT {stated_money} differs from the sum of the "
        "DPGF's lines, {recomputed_money}; {rule_part}"
    ),
    "part:arith-lines.none": " (no line's stated amount explains it: the total is miscounted)",
    "part:arith-lines.one": " (line {lines}: its stated amount is not unit price × quantity)",
    "part:arith-lines.some": (" (lines {lines}: their stated amount is not unit price × quantity)"),
    "part:prevails.unit_price": (
        "the unit prices prevail (prevails: unit_price in lots.yaml): the offer is evaluated on "
        "{price_money}"
    ),
    "part:prevails.stated_total": (
        "the stated total prevails (prevails: stated_total in lots.yaml): the offer is evaluated "
        "on {price_money}"
    ),
    "part:prevails-dpgf.unit_price": (
        "the lines prevail (prevails: unit_price in lots.yaml): the offer is evaluated on "
        "{price_money}"
    ),
    "part:prevails-dpgf.stated_total": (
        "the stated lump sum prevails (prevails: stated_total in lots.yaml): the offer is "
        "evaluated on {price_money}"
    ),
    "part:amount.unit-price": "a unit price",
    "msg:not-for-lot.price-lines": (
        "lot {lot} is priced line by line (prices sheet): {field_part} takes no part in its "
        "price and is not read; leave the cell empty"
    ),
    "msg:prices-sheet-missing.workbook": (
        "some offers are on lots priced line by line (price_model schedule or dpgf; lots: "
        "{lots}) but the workbook has no prices sheet: add a sheet named prix (or bpu, dqe, "
        "dpgf) with one row per offer and line (referent template writes it)"
    ),
    "msg:prices-sheet-missing.csv": (
        "some lots are priced line by line (price_model schedule or dpgf; lots: {lots}), which "
        "a CSV file cannot hold: give the offers as an .xlsx workbook with a prices sheet (prix) "
        "beside the offers sheet (referent template writes both)"
    ),
    "msg:missing-column.prices": (
        "the prices sheet has no column for {field}: add one headed {names}"
    ),
    "msg:unknown-lot.prices": "lot {lot} is not in lots.yaml",
    "msg:not-for-lot.prices": (
        "lot {lot} is not priced line by line (price_model: {model}): its rows of the prices "
        "sheet are not read"
    ),
    "msg:no-such-offer.prices": (
        "no offer of {candidate} on lot {lot} (round {round}) in the offers sheet for these "
        "prices; check the name, the lot and the round"
    ),
    "msg:no-such-offer.prices-variant": (
        "no variant {variant} of {candidate} on lot {lot} (round {round}) in the offers sheet "
        "for these prices; check the name, the lot, the variant and the round"
    ),
    "msg:line-priced-twice": (
        "line {line} of the offer of {candidate} on lot {lot} is priced twice: {cell} and "
        "{other}; keep one row"
    ),
    "msg:line-missing": (
        "the offer of {candidate} on lot {lot} does not price line {line} ({label}): the prices "
        "sheet has no row for it, so the offer has no price"
    ),
    "msg:line-not-in-lot": (
        "line {line} is not a line of lot {lot} in lots.yaml ({known}): it is not counted"
    ),
    "msg:lot-lines.model": (
        "lot {lot} is priced by {model}: lines are only read for price_model schedule or dpgf; "
        "remove them or change price_model"
    ),
    "msg:lot-lines.empty-schedule": (
        "lot {lot} is priced by a schedule (price_model: schedule): list its DQE under lines, "
        "each line with id, label, unit and quantity"
    ),
    "msg:lot-lines.empty-dpgf": (
        "lot {lot} is priced by a DPGF (price_model: dpgf): list its lines under lines, each "
        "with id and label"
    ),
    "msg:lot-lines.pse-empty": (
        "the PSE {pse} has an empty list of lines: list its lines, or remove lines to price it "
        "as a lump sum in the offers sheet"
    ),
    "msg:lot-lines.twice": "line id {line} is listed twice in the lot (also {also})",
    "msg:lot-lines.no-quantity": (
        "line {line} has no quantity: every line of a DQE (price_model: schedule) needs one"
    ),
    "msg:lot-lines.dpgf-quantity": (
        "line {line} has a quantity, but the lot is a DPGF (price_model: dpgf) whose offers state "
        "each line's amount: remove the quantity, or use price_model: schedule"
    ),
    "msg:two-offers-sheets.prices": (
        "{path}: the sheets {first} and {second} are both prices sheets (prix, bpu, dqe, dpgf), "
        "and the tool reads only one: put all the lines in one of them and rename or delete the "
        "other"
    ),
}
