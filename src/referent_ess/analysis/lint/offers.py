"""What the offers of each lot show (nothing without offers).

- ``lint-appraisal``: marks without a written appraisal (the comment cell beside the mark is
  empty). Art. R2181-3 of the code de la commande publique: the notification of rejection
  « mentionne les motifs du rejet […] de l'offre » and, after the award, « les motifs qui ont
  conduit au choix » of the winner's offer; a mark with no written appraisal gives nothing to
  write them from; and a mark the written appraisal contradicts is a manifest error (CAA
  Bordeaux, 14 June 2021, n° 19BX01864). Advice: the tool cannot tell whether the appraisal is
  written elsewhere.
- ``lint-abnormally-low``: offers the detection flags (art. L2152-6: « Lorsqu'une offre semble
  anormalement basse, l'acheteur exige que l'opérateur économique fournisse des précisions et
  justifications sur le montant de son offre »): advice, since the tool does not know whether
  the justifications were asked for.
- ``lint-tie``: several offers still ranked first after the tie-break (see
  :func:`tie_not_settled`).
- ``lint-received-time``: offers received on the deadline day with no time while the deadline
  has one (art. R2151-5: « les offres reçues hors délai sont éliminées »): the tool cannot tell
  whether they are late.
"""

from collections.abc import Iterator

from referent_ess.analysis.lint.finding import Facts, Finding, Severity

FIRST = 3  # how many of the marks without appraisal a finding names


def marks_without_appraisal(facts: Facts) -> Iterator[Finding]:
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        marked = facts.config.criteria_for(lot.lot.id).marked
        total, missing = 0, []
        for result in lot.offers:
            for criterion in marked:
                if criterion.id not in result.offer.marks:
                    continue
                total += 1
                if not result.offer.comments.get(criterion.id, "").strip():
                    missing.append(f"{result.candidate} — {criterion.label}")
        if missing:
            params = (
                ("form", "all" if len(missing) == total else "some"),
                ("count", str(len(missing))),
                ("total", str(total)),
                ("first", " ; ".join(missing[:FIRST])),
            )
            yield Finding("lint-appraisal", Severity.ADVICE, lot.lot.id, params, "appraisal")


def abnormally_low(facts: Facts) -> Iterator[Finding]:
    yield from _flagged(facts, "abnormally-low", "lint-abnormally-low", "l2152-6")


def received_time_unknown(facts: Facts) -> Iterator[Finding]:
    yield from _flagged(facts, "received-time-unknown", "lint-received-time", "r2151-5")


def _flagged(facts: Facts, warning: str, code: str, source: str) -> Iterator[Finding]:
    """One finding per lot naming the offers that carry the evaluation's ``warning``."""
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        names = [r.candidate for r in lot.offers if any(w.code == warning for w in r.warnings)]
        if names:
            form = "one" if len(names) == 1 else "many"
            params = (("form", form), ("count", str(len(names))), ("names", ", ".join(names)))
            yield Finding(code, Severity.ADVICE, lot.lot.id, params, source)


def tie_not_settled(facts: Facts) -> Iterator[Finding]:
    """Several offers ranked first after the tie-break (``lint-tie``): the announced criteria
    and tie-break do not designate the most economically advantageous offer (art. L2152-7:
    the contract is awarded to the tenderer who presented it), and the buyer must decide by a
    rule the candidates did not know. Advice: the tool cannot tell whether the consultation
    rules provide for it (a draw, say)."""
    if facts.evaluation is None:
        return
    for lot in facts.evaluation.lots:
        if len(lot.winners) > 1 and not lot.provisional:
            params = (
                ("count", str(len(lot.winners))),
                ("names", ", ".join(r.candidate for r in lot.winners)),
            )
            yield Finding("lint-tie", Severity.ADVICE, lot.lot.id, params, "l2152-7-award")
