"""The warning about one offer that the evaluation itself finds (a price that disagrees, a
cap on the other basis, an abnormally low price, a lot passed over), located at the offer's
cell like the problems read from the workbook."""

from collections.abc import Callable

from referent_ess.intake.offers import Offer
from referent_ess.problems.codes import Params
from referent_ess.problems.problem import Problem, problem_maker

Source = tuple[str, str | None]  # the offers workbook and its sheet, where a warning points


def offer_warning(offer: Offer, source: Source, code: str, field: str, params: Params) -> Problem:
    """The warning ``code`` (its severity is the registry's) at the offer's ``field``."""
    file, sheet = source
    cell = offer.cells.get(field)
    return Problem(
        code, params=params, file=file, sheet=sheet, cell=cell, row=offer.row, field=field
    )


def offer_warnings(source: Source, code: str, field: str) -> Callable[[Offer, Params], Problem]:
    """``warn(offer, params)``: :func:`offer_warning` ``(offer, source, code, field, params)``,
    for the many offers of a lot warned of the same thing (abnormally low prices: thousands in
    a large lot), each built at a third of the cost (:func:`~.problem.problem_maker`; a
    ``params`` with no ``form``)."""
    file, sheet = source
    make = problem_maker(code, file=file, sheet=sheet, field=field)

    def warn(offer: Offer, params: Params) -> Problem:
        try:  # offer.cells.get(field), without Mapping.get's own call
            cell: str | None = offer.cells[field]
        except KeyError:
            cell = None
        return make(params, cell, offer.row)

    return warn
