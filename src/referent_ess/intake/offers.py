"""From the raw cells of the offers sheet to :class:`Offer` values and located problems.

Row 1 is mapped (:mod:`.header`), every data row read (:mod:`.rows`), what is noticed across
rows added (:mod:`.sheet_notes`), and the evaluators' marks sheet merged in when there is one
(:mod:`.marks_merge`), and the lines of the prices sheet when some lot is priced line by line
(:mod:`.prices_merge`). Nothing here decides whether an offer is admissible: that is
:mod:`referent_ess.evaluation`'s job.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from referent_ess.base.memory import give_back_free_memory
from referent_ess.base.values import Numbers, number_convention
from referent_ess.config.model import Config
from referent_ess.files.sha256 import file_sha256
from referent_ess.intake.header import Header
from referent_ess.intake.offer import CellRefs, Offer, OfferBook
from referent_ess.intake.prices_merge import apply_prices_sheet
from referent_ess.intake.read import read_offers_sheet
from referent_ess.intake.rows import RowReader
from referent_ess.intake.sheet import Progress, RawSheet
from referent_ess.intake.sheet_notes import (
    duplicates,
    hidden_and_merged,
    pse_gaps,
    round_gaps,
    round_order,
    sheet_notes,
    similar_names,
    versions,
)
from referent_ess.problems.errors import ReferentError, os_reason
from referent_ess.problems.problem import Problem

__all__ = ["CellRefs", "Offer", "OfferBook", "file_sha256", "load_offers", "parse_offers"]


def load_offers(
    path: Path,
    config: Config,
    progress: Progress | None = None,
    *,
    numbers: Numbers | None = None,
) -> OfferBook:
    """Read and check the offers workbook at ``path`` against ``config``; the numbers typed as
    text follow ``numbers`` (``--numbers``), else the consultation's ``numbers``."""
    with without_cycle_collection():
        raw = read_offers_sheet(path, progress)
        try:
            sha256 = file_sha256(path)
        except OSError as exc:  # changed while it was read: its permissions, its folder's
            params = (("path", str(path)), *os_reason(exc, str(exc.strerror or exc)))
            raise ReferentError("unreadable-file", params=params) from None
        book = parse_offers(raw, config, path, sha256, numbers=numbers)
    # the raw sheet, about a hundred megabytes at 100 000 offers, freed: its pages given back
    # to the system rather than kept unused beside the evaluation's (see base.memory)
    del raw
    give_back_free_memory()
    return book


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the offers are read, then restored as it was.

    Reading creates millions of objects that all live on (the cells, then the offers) and no
    reference cycle: the collector, run every few thousand allocations, would walk the growing
    heap again and again to free nothing (measured: about 45 % of ``parse_offers`` at 100 000
    offers). Memory is still freed by reference counting as usual; a cycle made meanwhile is
    collected once the collector runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_offers(
    raw: RawSheet,
    config: Config,
    path: Path,
    sha256: str = "",
    *,
    numbers: Numbers | None = None,
) -> OfferBook:
    """Interpret a raw sheet: map its header, then read every data row (the numbers typed as
    text with ``numbers``, else the consultation's convention)."""
    with without_cycle_collection(), number_convention(numbers or config.consultation.numbers):
        return _parse_offers(raw, config, path, sha256)


def _parse_offers(raw: RawSheet, config: Config, path: Path, sha256: str) -> OfferBook:
    header = Header(raw, config)
    reader = RowReader(raw, config, header.columns)
    offers = tuple(reader.read_all(raw.rows))
    groups = versions(offers)
    same = duplicates(groups, raw)
    similar = similar_names([o for o in offers if o.row not in same], raw)
    row_notes = [same, similar, round_gaps(groups, raw), round_order(groups, raw)]
    row_notes.append(hidden_and_merged(offers, raw))
    if config.pse_columns:
        row_notes.append(pse_gaps(offers, raw, config))
    noted = {row for notes in row_notes for row in notes}
    offers = tuple(
        replace(
            o, problems=o.problems + tuple(p for notes in row_notes for p in notes.get(o.row, ()))
        )
        if o.row in noted
        else o
        for o in offers
    )
    problems: list[Problem] = header.problems + sheet_notes(raw, header.columns)
    if raw.marks_sheet is not None:
        # imported when a workbook has a marks sheet: a start-up cost for every other run
        from referent_ess.intake.marks_merge import apply_marks_sheet

        offers, marks_problems = apply_marks_sheet(offers, raw, header.columns, config)
        problems += marks_problems
    offers, prices_problems = apply_prices_sheet(offers, raw, config)
    problems += prices_problems
    if not raw.rows and not any(p.is_error for p in problems):
        problems.append(Problem("no-offers", file=raw.file, sheet=raw.sheet))
    return OfferBook(path, sha256, raw.name, tuple(header.columns), offers, tuple(problems))
