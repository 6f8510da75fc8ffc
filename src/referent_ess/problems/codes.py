"""Every code the tool words, in one place: what each one is, and so how severe.

A key is a code, or ``<code>.<form>`` when the code words several cases (the ``form``
parameter); each key has a template ``msg:<key>`` in every catalogue (a test checks it, with
the same placeholders in each language). A :class:`~referent_ess.problems.problem.Problem`
takes its severity from here unless it is given one, and nothing can be built with a code that
is not here: a new message is a line here and a template in each catalogue.

A cohesive data module: the list is long because the tool says many precise things.
"""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

Params = tuple[tuple[str, str], ...]


class Kind(StrEnum):
    """What a code reports."""

    UNUSABLE = "unusable"  # the input cannot be used at all: a ReferentError, exit code 2
    ERROR = "error"  # a data problem: an offer (or a file) cannot be evaluated as it is
    WARNING = "warning"  # worth a look; nothing is blocked
    NOTE = "note"  # no problem: what a result says of itself (a lot's award)
    FINDING = "finding"  # a legal risk or advice of `referent lint` (its severity is its own)


_U, _E, _W, _N = Kind.UNUSABLE, Kind.ERROR, Kind.WARNING, Kind.NOTE
_F = Kind.FINDING

_CODES: dict[str, Kind] = {
    # why an offer is not admissible (reasons), and the notes of a lot
    "late": _E,
    "late.round": _E,  # an offer of a negotiation round after that round's deadline
    "variant-forbidden": _E,  # a variant on a lot that forbids them: irregular
    "variant-without-base": _E,  # a variant without its candidate's base offer: irregular
    "incomplete.one": _E,
    "incomplete.several": _E,
    "over_cap": _E,
    "below_threshold": _E,  # below a threshold announced in the consultation rules
    "below_threshold.exact": _E,  # ... by less than rounding to 2 places shows
    "missing-mark": _E,
    "missing-evaluator-mark": _E,
    "no-price": _E,
    "no-price.lump-sum": _E,
    "no-lines": _E,  # an offer of a schedule or DPGF lot with no line in the prices sheet
    "no-price.pse": _E,  # a retained PSE the sheet gives no amount for (no column)
    "zero-price": _E,
    "jury-decision.irregular": _E,  # the jury's own decisions (offers sheet), with its reason
    "jury-decision.unacceptable": _E,
    "jury-decision.inappropriate": _E,
    # the legal basis of a status that is a ground of law, and the buyer's note beside it
    "legal-basis.late": _N,
    "legal-basis.irregular": _N,
    "legal-basis.unacceptable": _N,
    "legal-basis.inappropriate": _N,
    "legal-basis.threshold": _N,  # no article: the consultation rules' announced threshold
    "award-note.provisional": _N,
    "award-note.no-admissible": _N,
    "award-note.tie": _N,
    "award-note.passed-over": _N,
    "award-note.nobody": _N,
    "abnormally-low-skipped": _N,
    # the warnings of a ranking
    "price-mismatch": _W,
    "arithmetic-error.schedule": _W,  # a stated total ≠ Σ unit price × quantity
    "arithmetic-error.dpgf": _W,  # a stated lump sum ≠ Σ the DPGF's line amounts
    "other-cap": _W,
    "received-time-unknown": _W,
    "abnormally-low": _W,
    "lot-limit": _W,
    "marks-divergence": _W,
    "marks-carried-over": _W,  # a round without its own marks takes an earlier round's
    "vat-basis.same": _W,  # a lot's warning: compared HT, VAT rates differ; TTC ranks the same
    "vat-basis.changes": _W,  # ... and TTC would rank another offer first
    "vat-basis.tie": _W,  # ... and TTC would leave a tie for first the tie-break does not settle
    # the findings of `referent lint` (analysis/lint): what was found, with its figures
    "lint-environmental-criterion.no-deadline": _F,  # no criterion tagged environmental
    "lint-environmental-criterion.before": _F,  # ... deadline before 21 August 2026
    "lint-environmental-criterion.after": _F,  # ... deadline on or after it
    "lint-sub-weights": _F,  # sub-weights not said to be announced
    "lint-allocation-rule.one": _F,  # max_lots_per_candidate (1) without allocation_rule
    "lint-allocation-rule.many": _F,  # ... (2 or more)
    "lint-vat-basis.same": _F,  # compared HT, VAT rates differ; TTC ranks the same first
    "lint-vat-basis.changes": _F,  # ... TTC would rank another offer first
    "lint-vat-basis.tie": _F,  # ... TTC would leave a tie for first the tie-break does not settle
    "lint-linear-few": _F,  # linear formula, few admissible offers
    "lint-proportional-spread": _F,  # proportional formula, highest price ≥ 2 × lowest
    "lint-price-neutralised": _F,  # simulate's neutralisation heuristic, configured formula
    "lint-lowest-price-mark.lowest": _F,  # the lowest price does not get the best price mark
    "lint-lowest-price-mark.lower": _F,  # a lower price gets fewer price points than a dearer
    "lint-appraisal.all": _F,  # marks whose comment cell is empty: every mark of the lot
    "lint-appraisal.some": _F,  # ... some of them
    "lint-tie": _F,  # several offers ranked first after the tie-break
    "lint-abnormally-low.one": _F,  # offers flagged abnormally low: ask for justifications
    "lint-abnormally-low.many": _F,
    "lint-received-time.one": _F,  # received on the deadline day, no time, deadline has one
    "lint-received-time.many": _F,
    # one cell of the offers or the marks sheet
    "missing-value": _E,
    "missing-value.no-date": _W,
    "bad-number": _E,
    "bad-number.days": _E,
    "bad-number.mark": _E,
    "bad-number.plain": _E,
    "bad-number.boolean": _E,
    "bad-number.not-finite": _E,
    "bad-number.other": _E,
    "bad-number.foreign-digits": _E,
    "ambiguous-number": _E,
    "ambiguous-number.cell": _E,
    "wrong-number-convention.fr": _E,
    "wrong-number-convention.en": _E,
    "not-positive": _E,
    "too-large": _E,
    "too-many-decimals": _E,
    "too-many-decimals.yaml": _E,
    "bad-rate.not-number": _E,
    "bad-rate.range": _E,
    "unusual-vat-rate": _W,
    "bad-lot": _E,
    "bad-round": _E,
    "unknown-lot": _E,
    "unknown-lot.marks": _E,
    "bad-yes-no": _E,
    "bad-date": _E,
    "bad-date.number": _E,
    "bad-date.other": _E,
    "ambiguous-date.two-digit-year": _E,
    "ambiguous-date.month-first": _E,
    "mark-out-of-range": _E,
    "unknown-mark-word.word": _E,  # a mark cell of a criterion marked with words
    "unknown-mark-word.number": _E,
    "bad-jury-decision": _E,
    "jury-reason-missing": _E,
    "jury-reason-missing.no-column": _E,
    "jury-reason-alone": _W,
    "not-for-lot.mark": _E,
    "not-for-lot.comment": _E,
    "not-for-lot.document": _E,
    "not-for-lot.marks": _E,
    "not-for-lot.price": _W,
    "not-for-lot.price-lines": _W,  # a day rate or days in a schedule or DPGF lot
    "not-for-lot.pse": _W,  # a PSE amount on a row of a lot that does not declare that PSE
    "pse-missing.some": _E,  # a PSE of the lot some offers price and this one does not
    "pse-missing.none": _E,  # ... and no offer of the lot prices
    "not-for-lot.pse-lines": _W,  # a PSE amount in the offers sheet for a PSE priced by lines
    "pse-missing.lines-some": _E,  # a PSE priced by lines some offers price and this one not
    "pse-missing.lines-none": _E,  # ... and no offer of the lot prices
    "unknown-criterion": _E,
    "error-cell": _E,
    "formula-not-computed": _E,
    "control-character.one": _E,
    "control-character.several": _E,
    "invisible-character.one": _W,
    "invisible-character.several": _W,
    "no-header": _W,
    "no-header.several": _W,
    # the offers sheet as a whole: its header, its rows, what is hidden or merged
    "empty-sheet": _E,
    "no-offers": _W,
    "unknown-column": _W,
    "suspicious-column": _E,
    "suspicious-column.named": _E,
    "suspicious-column.about": _E,
    "duplicate-column": _E,
    "missing-column.field": _E,
    "missing-column.document": _E,
    "missing-column.criterion": _E,
    "missing-column.pse": _E,  # no column for a PSE some lot declares
    "missing-column.marks": _E,
    "duplicate-offer": _E,
    "duplicate-offer.variant": _E,  # two variants of one label
    "duplicate-offer.round": _E,  # two base offers in one negotiation round
    "duplicate-offer.variant-round": _E,  # two variants of one label in one round
    "round-gap.first": _W,  # an offer's first round is not round 1
    "round-gap.after": _W,  # an offer's rounds skip a number (1 then 3)
    "round-order": _E,  # a round received before an earlier round of the same offer
    "similar-candidates": _W,
    "hidden-row": _W,
    "hidden-column": _W,
    "hidden-sheet": _W,
    "merged-cells": _E,
    "merged-cells.header": _E,
    # the marks sheet
    "marks-column-ignored": _W,
    "mark-given-twice": _E,
    "no-such-offer": _E,
    "no-such-offer.variant": _E,  # a marks row for a variant that no offer is
    "no-such-offer.round": _E,  # ... for a round that no offer has
    "no-such-offer.variant-round": _E,  # ... for a variant's round that no offer has
    "duplicate-mark": _E,
    "jury-column-in-marks": _W,
    # the prices sheet (prix, bpu, dqe, dpgf): the lines of schedule and DPGF offers
    "prices-sheet-missing.workbook": _E,
    "prices-sheet-missing.csv": _E,
    "missing-column.prices": _E,
    "unknown-lot.prices": _E,
    "not-for-lot.prices": _W,  # prices for a lot that is not priced by lines: not read
    "no-such-offer.prices": _E,
    "no-such-offer.prices-variant": _E,
    "line-priced-twice": _E,
    "line-missing": _E,
    "line-not-in-lot": _W,
    # lots.yaml and criteria.yaml: YAML
    "yaml-syntax.marked": _E,
    "yaml-syntax.other": _E,
    "yaml-syntax.control": _E,
    "yaml-alias": _E,
    "yaml-trap.boolean": _E,
    "yaml-trap.octal": _E,
    "yaml-trap.base-60": _E,
    "yaml-trap.thousands": _E,
    "duplicate-key": _E,
    "invalid-date": _E,
    "yaml-too-large": _E,
    "yaml-too-deep": _E,
    # lots.yaml and criteria.yaml: keys and values
    "missing-key": _E,
    "unknown-key.close": _E,
    "unknown-key.known": _E,
    "not-a-mapping.empty": _E,
    "not-a-mapping.other": _E,
    "invalid-value.greater_than": _E,
    "invalid-value.greater_than_equal": _E,
    "invalid-value.less_than": _E,
    "invalid-value.less_than_equal": _E,
    "invalid-value.decimal_max_places": _E,
    "invalid-value.decimal_max_places_one": _E,
    "invalid-value.enum": _E,
    "invalid-value.decimal_parsing": _E,
    "invalid-value.int_parsing": _E,
    "invalid-value.int_from_float": _E,
    "invalid-value.string_type": _E,
    "invalid-value.bool_parsing": _E,
    "invalid-value.list_type": _E,
    "invalid-value.dict_type": _E,
    "invalid-value.date_from_datetime_inexact": _E,
    "invalid-value.int_type": _E,
    "invalid-value.decimal_type": _E,
    "invalid-value.tuple_type": _E,
    "invalid-value.model_type": _E,
    "invalid-value.too_short_list_one": _E,
    "invalid-value.identifier": _E,
    "invalid-value.other": _E,
    "invalid-value.deadline-text": _E,
    "invalid-value.deadline-type": _E,
    "invalid-value.deadline-zone": _E,
    "invalid-value.deadline-huge": _E,
    "invalid-value.huge-number": _E,
    "invalid-value.k-not-gap": _E,
    "invalid-value.price-scale": _E,
    "invalid-value.parent-scale": _E,
    # lots.yaml and criteria.yaml: the checks across keys
    "duplicate-id.lot": _E,
    "duplicate-id.criterion": _E,
    "duplicate-id.pse": _E,  # two PSE of one lot with one id
    "pse-undecided": _E,  # a PSE whose retained is not said: the buyer must decide first
    "duplicate-id.round": _E,  # a negotiation round given twice in lots.yaml's rounds
    "round-deadline-order": _E,  # a round's deadline before the previous round's
    "lot-lines.model": _E,  # lines on a lot not priced by lines
    "lot-lines.empty-schedule": _E,
    "lot-lines.empty-dpgf": _E,
    "lot-lines.twice": _E,
    "lot-lines.no-quantity": _E,
    "lot-lines.dpgf-quantity": _E,
    "lot-lines.pse-empty": _E,  # a PSE with ``lines: []``
    "missing-cap": _E,
    "cap-mismatch": _E,
    "weights-sum": _E,
    "price-criterion.some": _E,
    "price-criterion.none": _E,
    "price-criterion.nested": _E,
    "price-sub-criteria": _E,
    "sub-weights-sum": _E,
    "sub-weights-percent": _E,
    "too-deep": _E,
    "hierarchy-sub-criteria": _E,
    "unknown-criteria-set.known": _E,
    "unknown-criteria-set.none": _E,
    "hierarchy-weight": _E,
    "hierarchy-tie-break": _E,
    "unknown-criterion.tie-break": _E,
    "column-clash.document": _E,
    "column-clash.criterion": _E,
    "column-clash.short-label": _E,  # a short_label another column or a field is read under
    "scale-empty": _E,  # descriptor scales (scales:) and the criteria marked on them
    "scale-word.empty": _E,
    "scale-word.number": _E,
    "scale-word.same": _E,
    "scale-mark.negative": _E,
    "scale-mark.same": _E,
    "scale-mark.zero": _E,
    "unknown-scale.known": _E,
    "unknown-scale.none": _E,
    "scale-differs.default": _E,
    "scale-differs.named": _E,
    "threshold-price": _E,  # announced thresholds (min_points)
    "threshold-above-max": _E,
    "hierarchy-threshold": _E,
    "not-checked": _W,
    # unusable input: the files given
    "file-not-found.offers": _U,
    "file-not-found.lots": _U,
    "file-not-found.yaml": _U,
    "is-a-folder.offers": _U,
    "is-a-folder.csv": _U,
    "is-a-folder.yaml": _U,
    "unreadable-file": _U,
    "unreadable-file.not-regular": _U,
    "not-utf8.yaml": _U,
    "not-utf8.csv": _U,
    "nul-bytes": _U,
    "bad-csv-quotes": _U,
    "file-too-large": _U,
    "empty-file": _U,
    "no-offers-file": _U,
    # unusable input: what an offers workbook really is
    "damaged-zip": _U,
    "encrypted-workbook.ole2": _U,
    "encrypted-workbook.zip": _U,
    "encrypted-workbook.ods": _U,
    "encrypted-workbook.xls": _U,
    "damaged-xls": _U,
    "html-file": _U,
    "csv-renamed": _U,
    "not-a-workbook.bytes": _U,
    "not-a-workbook.zip": _U,
    "not-a-workbook.office": _U,
    "too-many-members": _U,
    "duplicate-zip-member": _U,
    "zip-bomb": _U,
    "xml-entities": _U,
    "unusual-compression": _U,
    "zip-size-mismatch": _U,
    "damaged-workbook": _U,
    "unreadable-workbook": _U,
    "no-worksheet": _U,
    "two-offers-sheets.offers": _U,
    "two-offers-sheets.marks": _U,
    "two-offers-sheets.prices": _U,
    "malformed-workbook.xml": _U,
    "malformed-workbook.parts": _U,
    "malformed-workbook.shared-strings": _U,
    # a sheet that is read, refused with its cells before any reader touches it (exit code 2)
    "sheet-too-large.columns": _E,
    "sheet-too-large.cells": _E,
    "malformed-sheet.xml": _E,
    "malformed-sheet.namespace": _E,
    "malformed-sheet.misplaced": _E,
    "malformed-sheet.reference": _E,
    "malformed-sheet.row-reference": _E,
    "malformed-sheet.duplicate-row": _E,
    "malformed-sheet.row-order": _E,
    "malformed-sheet.duplicate-cell": _E,
    "malformed-sheet.cell-order": _E,
    "malformed-sheet.cell-row": _E,
    "malformed-sheet.cell-type": _E,
    "malformed-sheet.two-values": _E,
    "malformed-sheet.value": _E,
    "malformed-sheet.shared-string": _E,
    "malformed-sheet.text": _E,
    "malformed-sheet.inline-text": _E,
    "malformed-sheet.inline-value": _E,
    "malformed-sheet.date-cell": _E,
    "malformed-sheet.more": _E,
    # unusable input: what was asked for
    "no-such-lot": _U,
    "ambiguous-candidate": _U,
    "unknown-candidate": _U,
    "not-applicable.hierarchy": _U,
    "not-applicable.simulate-empty": _U,
    "not-applicable.sensitivity": _U,
    "not-applicable.pse-none": _U,  # referent pse on a lot that declares no PSE
    "not-applicable.pse-too-many": _U,  # ... that declares more than the command combines
    "unknown-report-format": _U,
    "no-export-format": _U,
    "bad-option": _U,
    # unusable input: the files to write
    "output-exists": _U,
    "output-is-input": _U,
    "output-is-folder": _U,
    "output-folder-missing": _U,
    "output-unwritable": _U,
    "output-is-file": _U,
    "output-special-file": _U,
    "stdout-unwritable": _U,
    "output-trailing-separator": _U,
    "output-parent-not-folder": _U,
    "output-holds-offers.one": _U,
    "output-holds-offers.many": _U,
    "offers-not-proven-empty.template": _U,
    "offers-not-proven-empty.init": _U,
    # letters and their templates
    "letters-provisional": _U,
    "letters-no-winner": _U,
    "letters-tie": _U,
    "letters-no-award": _U,
    "template-dir": _U,
    "template-unreadable": _U,
    "template-syntax": _U,
    "template-placeholder": _U,
    "letters-unknown-candidate": _U,  # --candidate names no candidate of any lot
    "letters-format": _U,  # --format of letters: docx or markdown
    "letter-base.missing": _U,  # the buyer's .docx the letters are written on
    "letter-base.folder": _U,
    "letter-base.too-large": _U,
    "letter-base.ole2": _U,
    "letter-base.not-zip": _U,
    "letter-base.damaged": _U,
    "letter-base.members": _U,
    "letter-base.duplicate": _U,
    "letter-base.bomb": _U,
    "letter-base.encrypted": _U,
    "letter-base.not-word": _U,
    "letter-base.entities": _U,
    "letter-base.macros": _U,
    # template and init
    "bad-evaluators.empty": _U,
    "bad-evaluators.same": _U,
    "init-lots": _U,
    "init-not-a-folder": _U,
    "update-no-workbook": _U,  # template --update without a workbook to update
    "template-not-xlsx": _U,  # template --out x.ods: the template is an .xlsx workbook
    "update-not-xlsx": _U,  # template --update of a CSV file: it writes an .xlsx
    "update-column-dropped.empty": _W,  # template --update: a column not carried over
    "update-column-dropped.one": _W,
    "update-column-dropped.many": _W,
    "update-sheet-dropped": _W,  # template --update: a sheet a template never writes
    "init-holds-offers.one": _U,
    "init-holds-offers.many": _U,
    "init-exists": _U,
}

CODES: Mapping[str, Kind] = MappingProxyType(_CODES)


class UnknownCode(LookupError):
    """A message built with a code (or form) that :data:`CODES` does not list: a bug."""


def key_of(code: str, params: Params) -> str:
    """``<code>`` or ``<code>.<form>``: the message's key in :data:`CODES`."""
    form = next((value for name, value in params if name == "form"), None)
    return f"{code}.{form}" if form else code


def kind_of(code: str, params: Params) -> Kind:
    """What the message ``code`` with ``params`` reports; :class:`UnknownCode` if not listed."""
    try:
        return _CODES[key_of(code, params)]
    except KeyError:
        raise UnknownCode(key_of(code, params)) from None
