"""``referent pse``: the lot's ranking under every combination of its PSE, as rows of words
(shared by the terminal table and the Markdown), as Markdown and as CSV (its JSON is
:func:`referent_ess.render.json_doc.pse_dict`)."""

import csv
import io

from referent_ess.analysis.pse_combinations import Combination, PseComparison
from referent_ess.base.writable import writable
from referent_ess.evaluation.results import Evaluation, OfferResult, Status
from referent_ess.i18n import tr
from referent_ess.i18n.numbers import listed, money, money_raw
from referent_ess.render.csv_doc import safe_text
from referent_ess.render.markdown_text import md
from referent_ess.render.phrases import names_of, status_label


def combination_cells(combination: Combination) -> tuple[str, str, str, str, str]:
    """One combination in words: the retained PSE (by label), whether it is the one configured,
    the first ranked, the compared price HT of the first ranked, the ranking."""
    retained = (
        listed([tr("note.pse.quoted", label=p.label) for p in combination.retained])
        if combination.retained
        else tr("pse.col.none")
    )
    lot = combination.lot
    winners = lot.winners
    winner = names_of(winners) if winners else "—"
    price = money(winners[0].price_ht) if winners and winners[0].price_ht is not None else "—"
    ranking = " > ".join(f"{r.rank}. {r.candidate}" for r in lot.ranked) or tr("pse.nobody")
    aside = set_aside(combination)
    if aside:
        # an offer ranked under one combination may be over the cap under another: say so,
        # rather than let it vanish from the ranking
        words = [_aside(r) for r in aside]
        ranking += tr("pse.aside", offers=listed(words))
    mark = tr("pse.configured") if combination.configured else ""
    return retained, mark, winner, price or "—", ranking


def _aside(result: OfferResult) -> str:
    if result.status is Status.OVER_CAP and result.price_ht is not None:
        return tr("pse.aside.over_cap", offer=result.candidate, price=money(result.price_ht))
    return tr("pse.aside.offer", offer=result.candidate, status=status_label(result.status))


def set_aside(combination: Combination) -> tuple[OfferResult, ...]:
    """The lot's offers that this combination does not rank (over the cap with these PSE, or
    set aside whatever the PSE), in the lot's order."""
    return tuple(r for r in combination.lot.offers if r.rank is None)


def pse_verdict(comparison: PseComparison) -> str:
    return tr("pse.changes") if comparison.winner_changes else tr("pse.same")


def pse_markdown(comparison: PseComparison, evaluation: Evaluation) -> str:
    lot = evaluation.lot(comparison.lot_id)
    assert lot is not None
    lines = [f"# {md(tr('pse.title', id=lot.lot.id, title=lot.lot.title))}", ""]
    heads = (
        tr("pse.col.retained"),
        tr("pse.col.configured"),
        tr("pse.col.winner"),
        tr("pse.col.price"),
        tr("pse.col.ranking"),
    )
    lines.append("| " + " | ".join(heads) + " |")
    lines.append("|" + "---|" * len(heads))
    for combination in comparison.combinations:
        lines.append("| " + " | ".join(md(c) for c in combination_cells(combination)) + " |")
    lines += ["", md(pse_verdict(comparison)), ""]
    if lot.provisional:
        lines += [md(tr("pse.provisional")), ""]
    return writable("\n".join(lines))


def pse_csv(comparison: PseComparison) -> str:
    """One row per combination and ranked offer: the retained PSE ids, whether it is the
    configured combination, the offer's rank, candidate, row and compared price HT."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["retained", "configured", "rank", "candidate", "row", "price_ht"])
    for combination in comparison.combinations:
        retained = " ".join(p.id for p in combination.retained)
        for result in combination.lot.ranked:
            writer.writerow(
                [
                    retained,
                    "yes" if combination.configured else "no",
                    result.rank,
                    safe_text(result.candidate),
                    result.offer.row,
                    money_raw(result.price_ht),
                ]
            )
    return writable(buffer.getvalue())
