"""The warning about one offer that the evaluation itself finds (a price that disagrees, a
cap on the other basis, an abnormally low price, a lot passed over), located at the offer's
cell like the problems read from the workbook."""

from referent_ess.intake.offers import Offer
from referent_ess.problems.problem import Problem, Severity

Source = tuple[str, str | None]  # the offers workbook and its sheet, where a warning points


def offer_warning(
    offer: Offer,
    source: Source,
    code: str,
    message: str,
    field: str,
    params: tuple[tuple[str, str], ...] = (),
) -> Problem:
    file, sheet = source
    cell = offer.cells.get(field)
    return Problem(code, message, Severity.WARNING, file, sheet, cell, offer.row, field, params)
