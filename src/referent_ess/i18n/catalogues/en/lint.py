"""English texts: `referent lint`, the legal risks of an evaluation model. For each finding:
``msg:<code>`` what was found (with its figures), ``part:<code>.why`` why it matters,
``part:<code>.action`` what to do, ``part:lint-source.<key>`` its source written out in full."""

MESSAGES: dict[str, str] = {
    "lint.mention.one": "1 legal risk in the evaluation model: see referent lint",
    "lint.mention.many": "{n} legal risks in the evaluation model: see referent lint",
    "lint.title": "{title} — legal checks of the evaluation model",
    "lint.consultation": "whole consultation",
    "lint.lot": "lot {id}",
    "lint.severity.risk": "legal risk",
    "lint.severity.advice": "advice",
    "lint.col.severity": "Severity",
    "lint.col.where": "Where",
    "lint.col.finding": "Finding",
    "lint.col.found": "Found",
    "lint.col.why": "Why it matters",
    "lint.col.source": "Source",
    "lint.col.action": "What to do",
    "lint.none": "No legal risk and no advice: nothing found.",
    "lint.summary": "Found: {found}.",
    "lint.and": " and ",
    "lint.risks.one": "1 legal risk",
    "lint.risks.many": "{n} legal risks",
    "lint.advice.one": "1 piece of advice",
    "lint.advice.many": "{n} pieces of advice",
    # no environmental criterion
    "msg:lint-environmental-criterion.no-deadline": (
        "no award criterion is marked as taking the offer's environmental characteristics into "
        "account, and the consultation states no deadline"
    ),
    "msg:lint-environmental-criterion.before": (
        "no award criterion is marked as taking the offer's environmental characteristics into "
        "account; the deadline ({deadline_date}) is before 21 August 2026, so the obligation did "
        "not apply to this consultation, but it applies to any consultation launched now"
    ),
    "msg:lint-environmental-criterion.after": (
        "no award criterion is marked as taking the offer's environmental characteristics into "
        "account, and the deadline is {deadline_date}"
    ),
    "part:lint-environmental-criterion.why": (
        "for a consultation launched on or after 21 August 2026, at least one award criterion "
        "must take the offer's environmental characteristics into account; an award made "
        "without one can be annulled"
    ),
    "part:lint-environmental-criterion.action": (
        "add a criterion or sub-criterion on the offer's environmental characteristics, linked "
        "to the subject of the contract, and mark it environmental: true in criteria.yaml; if "
        "one already does, only mark it; a defence or security contract is not concerned"
    ),
    # sub-weights not announced
    "msg:lint-sub-weights": (
        "the weights of the {count} sub-criteria of « {criterion} » are not said to be "
        "announced in the consultation rules"
    ),
    "part:lint-sub-weights.why": (
        "weighted sub-criteria that may influence how candidates write their offers and how "
        "they are selected are award criteria in their own right: their weights must be "
        "announced to the candidates"
    ),
    "part:lint-sub-weights.action": (
        "announce the sub-weights in the consultation rules, then write "
        "sub_weights_announced: true on the criterion (or on its set) in criteria.yaml"
    ),
    # max lots without an allocation rule
    "msg:lint-allocation-rule.one": (
        "a candidate may be awarded one lot at most, but no allocation rule says which lot a "
        "candidate keeps when the criteria would give it more"
    ),
    "msg:lint-allocation-rule.many": (
        "a candidate may be awarded at most {maximum} lots, but no allocation rule says which "
        "lots a candidate keeps when the criteria would give it more"
    ),
    "part:lint-allocation-rule.why": (
        "the consultation documents must state the rules that apply when the award criteria "
        "would give one tenderer more lots than the maximum"
    ),
    "part:lint-allocation-rule.action": (
        "state the rule in the consultation rules (for example: the lots of the highest value "
        "first, the others to the next offer) and copy it as allocation_rule in lots.yaml"
    ),
    # price compared HT with mixed VAT rates
    "msg:lint-vat-basis.same": (
        "prices are compared HT while the admissible offers have different VAT rates; TTC "
        "would rank the same offer first ({ht_first})"
    ),
    "msg:lint-vat-basis.changes": (
        "prices are compared HT while the admissible offers have different VAT rates; HT ranks "
        "{ht_first} first, TTC would rank {ttc_first} first"
    ),
    "msg:lint-vat-basis.tie": (
        "prices are compared HT while the admissible offers have different VAT rates; HT ranks "
        "{ht_first} first, TTC would leave {ttc_first} tied for first, which the tie-break does "
        "not settle"
    ),
    "part:lint-vat-basis.why": (
        "HT hides what the buyer pays: a VAT-exempt candidate costs its HT price, another one "
        "its price plus VAT; the DAJ says to compare the TTC amounts"
    ),
    "part:lint-vat-basis.action": (
        "compare TTC prices (basis: ttc, the default), unless the buyer recovers the VAT and "
        "the consultation rules announced HT"
    ),
    # linear formula with few offers
    "msg:lint-linear-few": (
        "the linear formula ranks only {count} admissible offers (the tool's heuristic: fewer "
        "than {few})"
    ),
    "part:lint-linear-few.why": (
        "the linear formula gives 0 points to the highest price whatever its gap from the "
        "lowest: with few offers, a small gap becomes the whole price criterion; the DAJ "
        "advises against it when few offers are expected"
    ),
    "part:lint-linear-few.action": (
        "for the next consultation, prefer another formula when few offers are expected; for "
        "this one, keep the announced formula and compare with referent simulate"
    ),
    # proportional formula on heterogeneous prices
    "msg:lint-proportional-spread": (
        "the proportional formula compares prices {basis} from {lowest_money} to "
        "{highest_money}: the highest is {ratio_num} times the lowest (the tool's heuristic: "
        "{heuristic_num} times or more) and still gets {share_num} % of the price points"
    ),
    "part:lint-proportional-spread.why": (
        "when prices are heterogeneous, the proportional formula favours high prices: the "
        "price criterion weighs less than its announced weight"
    ),
    "part:lint-proportional-spread.action": (
        "keep the announced formula for this consultation; compare with referent simulate, and "
        "for the next one consider a formula that spreads the points more"
    ),
    # the neutralisation heuristic on the configured formula
    "msg:lint-price-neutralised": (
        "under the configured price formula the price points spread over only {spread_num} of "
        "the {maximum_num} points (less than {points_num} %) while the prices differ by "
        "{gap_num} % (more than {prices_num} %)"
    ),
    "part:lint-price-neutralised.why": (
        "the price criterion then weighs much less than its announced weight and the other "
        "criteria decide the ranking almost alone; the two thresholds are the tool's own "
        "heuristic, not a rule of law: whether a method neutralises a weighting is judged "
        "case by case"
    ),
    "part:lint-price-neutralised.action": (
        "keep the announced formula for this consultation and compare the ranking under the "
        "other formulas with referent simulate; for the next one, choose a formula that spreads "
        "the price points more"
    ),
    # a lower price that gets fewer price points
    "msg:lint-lowest-price-mark.lowest": (
        "the lowest price {basis}, {low_money} ({low}), gets {low_points_num} price points, "
        "fewer than the {high_points_num} of {high} at {high_money}"
    ),
    "msg:lint-lowest-price-mark.lower": (
        "{low}, at {low_money} {basis}, gets {low_points_num} price points, fewer than the "
        "{high_points_num} of {high}, dearer at {high_money}"
    ),
    "part:lint-lowest-price-mark.why": (
        "a scoring method under which a lower price gets a lower mark does not give the best "
        "mark to the best offer on the price criterion, and the Conseil d'État held such a "
        "method irregular"
    ),
    "part:lint-lowest-price-mark.action": (
        "check the price points before deciding (the price compared, HT or TTC, and the "
        "formula's figures): the lowest price must get the best price mark"
    ),
    # marks without a written appraisal
    "msg:lint-appraisal.all": (
        "none of the {total} marks has a written appraisal (the first: {first})"
    ),
    "msg:lint-appraisal.some": (
        "{count} of the {total} marks have no written appraisal (the first: {first})"
    ),
    "part:lint-appraisal.why": (
        "the rejected candidates must be told why their offer was rejected and why the winner's "
        "was chosen; a mark with no written appraisal gives nothing to write it from, and a "
        "mark the appraisal does not support can be contested"
    ),
    "part:lint-appraisal.action": (
        "write, in the comment column beside each mark, what in the offer justifies it"
    ),
    # a tie the tie-break does not settle
    "msg:lint-tie": "{count} offers are still ranked first after the tie-break: {names}",
    "part:lint-tie.why": (
        "the contract goes to the most economically advantageous offer under the announced "
        "criteria; when they and the tie-break cannot tell the offers apart, the choice rests "
        "on a rule the candidates may not have known"
    ),
    "part:lint-tie.action": (
        "apply the rule the consultation rules announce for an exact tie, if any (a draw, "
        "say); for the next consultation, announce a tie-break (tie_break in criteria.yaml)"
    ),
    # abnormally low
    "msg:lint-abnormally-low.one": "the offer of {names} is flagged as abnormally low",
    "msg:lint-abnormally-low.many": "{count} offers are flagged as abnormally low: {names}",
    "part:lint-abnormally-low.why": (
        "an offer that seems abnormally low can only be rejected after its author has been "
        "asked for details and justifications of its price, and they have been checked"
    ),
    "part:lint-abnormally-low.action": (
        "ask the candidate in writing to justify its price, check the answer, then keep the "
        "offer or reject it with its reasons"
    ),
    # received on the deadline day, no time
    "msg:lint-received-time.one": (
        "the offer of {names} was received on the deadline day with no time: it may be late"
    ),
    "msg:lint-received-time.many": (
        "{count} offers were received on the deadline day with no time: {names}; they may be late"
    ),
    "part:lint-received-time.why": (
        "an offer received after the deadline must be eliminated; without its time of receipt, "
        "no one can tell"
    ),
    "part:lint-received-time.action": (
        "write the time of receipt from the buyer's profile's receipt in the received_at cell"
    ),
    # the sources, written out in full
    "part:lint-source.l2152-7": (
        "Code de la commande publique, art. L2152-7 as amended by art. 35 of loi n° 2021-1104 "
        "of 22 August 2021 « Climat et résilience » (« Au moins un de ces critères prend en "
        "compte les caractéristiques environnementales de l'offre »), and art. R2152-7 as "
        "amended by décret n° 2022-767 of 2 May 2022: for the consultations launched from "
        "21 August 2026; defence and security contracts are excluded"
    ),
    "part:lint-source.r2113-1": (
        "Code de la commande publique, art. R2113-1: « L'acheteur indique dans les documents de "
        "la consultation […] le cas échéant, le nombre maximal de lots qui peuvent être "
        "attribués à un même soumissionnaire. Dans ce cas, les documents de la consultation "
        "précisent les règles applicables lorsque la mise en œuvre des critères d'attribution "
        "conduirait à attribuer à un même soumissionnaire un nombre de lots supérieur au "
        "nombre maximal. »"
    ),
    "part:lint-source.ce-337377": (
        "Conseil d'État, 18 June 2010, Commune de Saint-Pal-de-Mons, n° 337377 (sub-criteria "
        "that may influence the presentation and the selection of the offers: their weights "
        "must be announced)"
    ),
    "part:lint-source.heuristic": (
        "the tool's own heuristic (the rule of referent simulate), not a threshold set by a "
        "court or by the DAJ"
    ),
    "part:lint-source.ce-370789": (
        "Conseil d'État, 29 October 2013, Val d'Oise Habitat, n° 370789 (a method giving the "
        "lowest mark to the price furthest from the estimate of the cost, and so a lower mark "
        "to a lower price, is irregular)"
    ),
    "part:lint-source.linear-2024": (
        "Direction des affaires juridiques (ministère de l'Économie), fiche « Les méthodes de "
        "notation du critère prix dans les marchés publics », January 2024; the linear formula "
        "was censured where it gave 0 to the highest price whatever the gap: tribunal "
        "administratif de Grenoble, 10 November 2009, n° 0904789 (procedure annulled), and cour "
        "administrative d'appel de Paris, 8 February 2016, Société RJ45 Technologies, "
        "n° 15PA02993 (two offers, 40/40 and 0/40: the weighting neutralised)"
    ),
    "part:lint-source.daj-price-2024": (
        "Direction des affaires juridiques (ministère de l'Économie), fiche « Les méthodes de "
        "notation du critère prix dans les marchés publics », January 2024"
    ),
    "part:lint-source.appraisal": (
        "Code de la commande publique, art. R2181-3: « La notification prévue à l'article "
        "R. 2181-1 mentionne les motifs du rejet de la candidature ou de l'offre. Lorsque la "
        "notification de rejet intervient après l'attribution du marché, l'acheteur communique "
        "en outre : 1° Le nom de l'attributaire ainsi que les motifs qui ont conduit au choix "
        "de son offre […] »; Cour administrative d'appel de Bordeaux, 14 June 2021, "
        "n° 19BX01864 (repeated inconsistencies between the written appraisals and the marks, "
        "the best mark not given to the best offer: a manifest error of assessment)"
    ),
    "part:lint-source.l2152-6": (
        "Code de la commande publique, art. L2152-6: « Lorsqu'une offre semble anormalement "
        "basse, l'acheteur exige que l'opérateur économique fournisse des précisions et "
        "justifications sur le montant de son offre. »"
    ),
    "part:lint-source.r2151-5": (
        "Code de la commande publique, art. R2151-5: « Les offres reçues hors délai sont "
        "éliminées. »"
    ),
    "part:lint-source.l2152-7-award": (
        "Code de la commande publique, art. L2152-7: « Le marché est attribué au "
        "soumissionnaire ou, le cas échéant, aux soumissionnaires qui ont présenté l'offre "
        "économiquement la plus avantageuse […] »"
    ),
}
