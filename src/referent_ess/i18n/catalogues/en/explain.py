"""English texts: explain: one offer, step by step."""

MESSAGES: dict[str, str] = {
    # explain: one offer step by step
    "ex.heading": "Lot {lot} — {title}: {candidate} (row {row}, {rank})",
    "ex.heading.rank": "rank {rank}",
    "ex.what.day_rate": "day rate",
    "ex.what.days": "days",
    "ex.what.amount": "amount HT",
    "ex.price_ht.lump_sum": "Price HT = the lump sum the offer states{where} = {value}",
    "ex.pse.ht": "Compared price HT = base price + retained PSE = {base} + {parts} = {value}",
    "ex.pse.ttc": "; TTC = {base} + {parts} = {value}",
    "ex.pse.lines": (
        'PSE {pse} ("{label}") = the sum of its {count} {count:line|lines}, each rounded half '
        "up to the cent = {value}"
    ),
    "ex.pse.none": "No PSE is retained: the compared price is the base price",
    "ex.pse.unknown": "Compared price unknown: a retained PSE has no amount",
    "ex.pse.left": "; not retained: {left}",
    "ex.what.either": "day rate or days",
    "ex.no_column": "no column",
    "ex.price_ht.unknown": "Price HT cannot be computed: no readable {cells}.",
    "ex.price_ttc.no_ht": "Price TTC cannot be computed without the price HT.",
    "ex.price_ht": "Price HT = day rate HT × days = {rate} × {days} = {value}",
    "ex.rounded": "{exact}, rounded to the cent half up: {rounded}",
    "ex.price_ht.stated": " (the stated price HT {stated} agrees)",
    "ex.price_ttc.no_vat": (
        "Price TTC cannot be computed: the VAT rate{where} cannot be read, and an "
        "unreadable rate is never replaced by the default."
    ),
    "ex.vat.offer_cell": "as stated in the offer (cell {cell})",
    "ex.vat.offer": "as stated in the offer",
    "ex.vat.empty_cell": " (cell {cell} empty)",
    "ex.vat.default": (
        "the consultation's default rate (vat_rate in {file}), the offer stating none{empty}"
    ),
    "ex.vat.exempt": "VAT-exempt (0 %)",
    "ex.percent": "{value} %",  # a rate as a percentage: 20 %, 5.5 %
    "ex.vat.rate": "VAT {rate}",
    "ex.price_ttc": (
        "Price TTC = price HT × (1 + VAT) = {ht} × (1 + {rate}) = {value}; {shown}, {origin}."
    ),
    "ex.cap.unknown": "Cap check (cap_basis: {cap_basis}): not possible, the price is unknown.",
    "ex.cap.within": "{price} ≤ {cap}: within the cap, with a margin of {margin}",
    "ex.cap.over": "{price} > {cap}: over the cap by {excess}",
    "ex.cap": (
        "Cap check on the price {basis} (cap_basis: {cap_basis}) against the lot's cap "
        "{basis}: {verdict}."
    ),
    "ex.head": "{id} (weight {weight} %, at most {top} points{exact})",
    "ex.head.tree": "“{label}”{within} (weight {weight} %, at most {top} points{exact})",
    "ex.head.within": ", sub-criterion of “{parent}”",
    "ex.parent": "{head} = the sum of its sub-criteria: {parts} = {points}",
    "ex.parent.none": "{head}: a sub-criterion has no points, so neither has it.",
    # the negotiation rounds of an offer
    "ex.round.earlier": "Round {round} (row {row}): {status}",
    "ex.round.price": ", price {price} € HT",
    "ex.round.rank": ", total {total}, rank {rank} among the offers of the lot at that round",
    "ex.round.final": (
        "This offer is that of round {round} (row {row}), the last one: it is the one evaluated"
    ),
    "ex.round.regularised": (
        "Irregular or unacceptable in an earlier round, it no longer is in the last one: "
        "regularised during the negotiation (art. R2152-1 of the Code de la commande publique)"
    ),
    "ex.exactly": " (exactly {value})",
    "ex.mark.eliminated": " (a jury does not mark an offer already eliminated)",
    "ex.mark.none": "{head}: no mark{why}, so no points.",
    "ex.mark": "{head}: mark {mark}{origin} / {scale} × {top} = {points}",
    "ex.mark.word": (
        "{head}: “{word}” ({mark}/{scale}){origin}, so {mark} / {scale} × {top} = {points}"
    ),
    "ex.mark.evaluator_word": "{who} “{word}” ({mark})",
    "ex.threshold.met": (
        "Eliminatory threshold announced in the consultation rules for “{label}”: {min} points; "
        "{points} ≥ {min}: reached"
    ),
    "ex.threshold.missed": (
        "Eliminatory threshold announced in the consultation rules for “{label}”: {min} points; "
        "{points} < {min}: not reached, so the offer is eliminated"
    ),
    "ex.threshold.unknown": (
        "Eliminatory threshold announced in the consultation rules for “{label}”: {min} points; "
        "without its points it cannot be checked"
    ),
    "ex.mark.not_ranked": "; for information, since the offer is not ranked",
    "ex.mark.comment": "; the jury's comment: “{comment}”",
    "ex.mark.evaluators": " ({how} of the evaluators' marks: {listed})",
    "ex.aggregate.mean": "mean",
    "ex.aggregate.median": "median",
    "ex.cell": " (cell {cell})",
    "ex.price_points.none": (
        "{head}: no price points; only the admissible offers of lot {lot} get price "
        "points, a total and a rank, and this offer is {status}."
    ),
    "ex.linear_all": "{top} × 1 (Pmax = Pmin = {pmin}: every admissible offer gets it all)",
    "ex.pmin": (
        "Pmin = {pmin} is the lowest price {basis} of the {count} admissible {count:offer|offers}"
    ),
    "ex.pmax": ", Pmax = {pmax} the highest",
    "ex.pmin_is_this": " (Pmin is this offer's price)",
    "ex.price_points": (
        "{head}, {formula} formula on the price {basis}: {expression} = {points}; {used}"
    ),
    "ex.vat_mix": "; VAT rates differ among them ({rates})",
    "ex.total": "Total = {parts} = {total}",
    "ex.total.rounded": (
        "; the total is the sum of the exact points, so it differs from the sum of the "
        "rounded points ({sum})"
    ),
    "ex.rank": (
        "Rank {rank} of {count} admissible {count:offer|offers} of lot {lot}, by exact total, "
        "highest first."
    ),
    "ex.where.just_above": "ranked just above",
    "ex.where.just_below": "ranked just below",
    "ex.where.first_just_above": "ranked first, just above",
    "ex.where.first": "ranked first",
    "ex.where.same": "same rank",
    "ex.gap.first": "Ranked first: gap to the first {zero}.",
    "ex.gap.lead": (
        "Lead over {other}, {where} (rank {rank}, total {total}): {high} − {low} = "
        "{gap} points{exact}, the difference of the exact totals rounded half up"
    ),
    "ex.gap.behind": (
        "Gap to {other}, {where} (rank {rank}, total {total}): {high} − {low} = {gap} "
        "points{exact}, the difference of the exact totals rounded half up"
    ),
    "ex.gap.naive": " (the difference of the rounded totals would give {naive})",
    "ex.gap.same_total": ": the same total, see the tie",
    "ex.tie": "Exact tie at {total} points with {names}",
    "ex.tie.none": ": no tie_break is configured",
    "ex.tie.rule": "; tie_break: {rule}",
    "ex.this_offer": "this offer",
    "ex.tie.decided": "decided by {criterion} points ({listed})",
    "ex.tie.equal": "{criterion} points equal ({value})",
    "ex.tie.compared": ": {compared}",
    "ex.semicolon": "; ",
    "ex.tie.undecided": ": the tie-break does not separate them",
    "ex.tie.ranks": "; ranks: {ranks}",
    "ex.tie.shared": "; this offer shares rank {rank}",
    "ex.hierarchy.head": "{id} ({ordinal} in the hierarchy)",
    "ex.unknown": "unknown",
    "ex.hierarchy.price": "{head}: compared on the price {basis}, {shown}, the lower first.",
    "ex.hierarchy.no_mark": "{head}: no mark.",
    "ex.hierarchy.mark": "{head}: mark {mark}{origin} / {scale}, the higher first.",
    "ex.hierarchy.mark.word": "{head}: “{word}” ({mark}/{scale}){origin}, the higher first.",
    "ex.hierarchy.not_ranked": (
        "Not ranked: only the admissible offers of lot {lot} are compared, and this "
        "offer is {status}."
    ),
    "ex.hierarchy.rank": (
        "Rank {rank} of {count} admissible {count:offer|offers} of lot {lot} (ordering: hierarchy, "
        "no points and no total): criteria compared one after the other, in the order "
        "listed."
    ),
    "ex.compare": "Against {other}, {where} (rank {rank}): ",
    "ex.compare.each": "{id} ({shown} each)",
    "ex.compare.equal_on": "equal on {equal}; ",
    "ex.compare.decided": "on {id}, {mine} against {theirs}: {ahead} comes first{lower}.",
    "ex.compare.lower_price": " (lower price)",
    "ex.compare.all_equal": "equal on every criterion, {equal}: they share rank {rank}.",
    "ex.award.none": "No award for lot {lot}: {note}.",
    "ex.award.this": "Lot {lot} goes to this offer (rank {rank}){note}",
    "ex.award.other": "Lot {lot} goes to {candidate} (rank {rank}){note}, not to this offer",
    "ex.award.limit": (
        "; a candidate may win at most {limit} {limit:lot|lots} (max_lots_per_candidate)"
    ),
    "ex.status.admissible": (
        "Status admissible: {reception}; {documents}; price within the cap: ranked."
    ),
    "ex.status.excluded": (
        "Status {status}: not ranked, so no price points, no total and no rank (an "
        "offer takes the first status that applies, in the order {order})."
    ),
    "ex.reason": "Reason {name}: {line}.",
    "ex.reception.no_deadline": "no deadline is set",
    "ex.reception.no_round_deadline": "no deadline is set for round {round}",
    "ex.reception.round_limit": "{limit} (the deadline of round {round})",
    "ex.reception.end_of_day": "{when} (the end of that day)",
    "ex.reception.no_date": "no reception date given (deadline {limit})",
    "ex.reception.no_time": "received {when} without a time, the deadline being {limit}",
    "ex.reception.in_time": "received {when}, by the deadline {limit}",
    "ex.documents.none": "no document is required",
    "ex.documents.all": "every required document provided ({documents})",
    "ex.lot_warning": "Warning {code} on the whole lot: {message}",
    "ex.warning": "Warning {code}{cell}: {message}",
    "ex.price_ht.no_lines": (
        "Price HT cannot be computed: the offer does not price every line of the lot in the "
        "prices sheet."
    ),
    "ex.price_ht.schedule": (
        "Price HT = the sum of the {count} lines of the schedule, each unit price × quantity "
        "rounded half up to the cent = {value}"
    ),
    "ex.price_ht.dpgf": "Price HT = the sum of the {count} lines of the DPGF = {value}",
    "ex.line.schedule": "Line {line} ({label}): {price} × {quantity}{unit} = {value}",
    "ex.line.dpgf": "Line {line} ({label}): {amount}",
    "ex.line.stated": " (the amount stated, {stated}, agrees)",
    "ex.line.stated_differs": (
        " (the amount stated, {stated}, is not unit price × quantity: it explains the "
        "arithmetic error)"
    ),
    "ex.stated_total": "The total HT the offer states, {stated}, agrees",
    "ex.arith.schedule.unit_price": (
        "Arithmetic error: the offer states a total HT of {stated}, its lines make {recomputed}; "
        "the unit prices prevail, so the offer is evaluated on {price}"
    ),
    "ex.arith.schedule.stated_total": (
        "Arithmetic error: the offer states a total HT of {stated}, its lines make {recomputed}; "
        "the stated total prevails, so the offer is evaluated on {price}"
    ),
    "ex.arith.dpgf.unit_price": (
        "Arithmetic error: the offer states a lump sum HT of {stated}, its lines make "
        "{recomputed}; the lines prevail, so the offer is evaluated on "
        "{price}"
    ),
    "ex.arith.dpgf.stated_total": (
        "Arithmetic error: the offer states a lump sum HT of {stated}, its lines make "
        "{recomputed}; the stated lump sum prevails, so the offer is "
        "evaluated on {price}"
    ),
}
