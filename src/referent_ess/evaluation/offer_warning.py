"""The warning about one offer that the evaluation itself finds (a price that disagrees, a
cap on the other basis, an abnormally low price, a lot passed over), located at the offer's
cell like the problems read from the workbook."""

from referent_ess.intake.offers import Offer
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import Problem

Source = tuple[str, str | None]  # the offers workbook and its sheet, where a warning points


def offer_warning(offer: Offer, source: Source, code: str, field: str, params: Params) -> Problem:
    """The warning ``code`` (its severity is the registry's) at the offer's ``field``."""
    file, sheet = source
    cell = offer.cells.get(field)
    return Problem(
        code, params=params, file=file, sheet=sheet, cell=cell, row=offer.row, field=field
    )
