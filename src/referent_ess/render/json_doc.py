"""The JSON contract: evaluations (``score``, ``rank``: streamed one lot at a time), validation
reports, budget checks, simulations and sensitivity analyses (see the README).

Keys, codes and texts are the same whatever the language (the texts are English): JSON is for
machines. Money and rates are strings with fixed decimals (:mod:`referent_ess.i18n.numbers`'
raw forms); points and totals are numbers rounded half up to 2 decimals.
"""

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from json.encoder import encode_basestring  # json.dumps(…, ensure_ascii=False)'s
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from referent_ess import i18n
from referent_ess._version import __version__
from referent_ess.base.exact import round_half_up, scaled_half_up
from referent_ess.base.writable import writable
from referent_ess.config.choices import Ordering, PriceBasis, PriceModel
from referent_ess.config.model import Config, CriteriaSet, Criterion, Lot
from referent_ess.evaluation.budget import BudgetReport, verdict
from referent_ess.evaluation.kernel import max_points
from referent_ess.evaluation.lookup import chosen_lots
from referent_ess.evaluation.results import (
    BudgetCheck,
    Evaluation,
    LotResult,
    OfferResult,
    PseAmount,
    Status,
)
from referent_ess.i18n.numbers import POINTS_PLACES, decimal_raw, money_raw, quantity_raw
from referent_ess.problems.problem import Problem, Severity, ValidationReport
from referent_ess.render.cells import by_row, gap_to_first
from referent_ess.render.number_texts import (
    NULL,
    ByIdentity,
    Keys,
    Texts,
    fraction_json,
    hundredths,
    hundredths_json,
    json_string,
    money_json,
    quantity_json,
    rate_json,
    string_json,
)
from referent_ess.render.phrases import legal_basis, neutralisation_text, sensitivity_summary

if TYPE_CHECKING:  # the analyses are imported by the commands that run them, not by score
    from referent_ess.analysis.pse_combinations import PseComparison
    from referent_ess.analysis.sensitivity import Sensitivity
    from referent_ess.analysis.simulate import Simulation, Variant

_HUNDREDTHS = 100  # 10 ** POINTS_PLACES


def _number(value: Fraction | Decimal | None) -> float | None:
    """A point figure for JSON: rounded half up to 2 decimals, then the nearest float."""
    if value is None:
        return None
    if type(value) is Fraction:  # the integer of hundredths / 100 is that same float
        return scaled_half_up(value, POINTS_PLACES) / _HUNDREDTHS
    return _decimal_number(value)


@lru_cache(maxsize=4096)  # marks take few values
def _decimal_number(value: Decimal | Fraction) -> float:
    return float(round_half_up(value, POINTS_PLACES))


def header(config: Config, evaluation: Evaluation) -> dict[str, Any]:
    deadline = config.consultation.deadline
    return {
        "tool": {"name": "referent", "version": __version__},
        "inputs": {
            "lots": {"path": str(config.lots_path), "sha256": config.lots_sha256},
            "criteria": {"path": str(config.criteria_path), "sha256": config.criteria_sha256},
            "offers": {"path": str(evaluation.book.path), "sha256": evaluation.book.sha256},
        },
        "consultation": {
            "title": config.consultation.title,
            "buyer": config.consultation.buyer,
            "deadline": deadline.isoformat() if deadline is not None else None,
            "cap_basis": config.consultation.cap_basis.value,
            "abnormally_low_method": config.consultation.abnormally_low.value,
        },
    }


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "sheet": problem.sheet,
        "cell": problem.cell,
        "row": problem.row,
        "field": problem.field,
        "message": problem.message,
    }


def criteria_tree(config: Config, criteria: CriteriaSet) -> list[dict[str, Any]]:
    """The lot's criteria as a tree: each node's id, label, weight and maximum points (null in
    a hierarchy, which has neither), its announced threshold (``min_points``, null if none),
    the words of its descriptor scale (``scale_words``: ``[{"word", "mark"}]``, null on a
    numeric scale), and its children."""
    weighted = config.ordering is Ordering.WEIGHTED

    def node(criterion: Criterion) -> dict[str, Any]:
        descriptors = criterion.descriptors
        return {
            "id": criterion.id,
            "label": criterion.label,
            "weight": _number(criterion.weight) if weighted else None,
            "max_points": _number(max_points(config.total, criterion.weight)) if weighted else None,
            "min_points": _number(criterion.min_points),
            "scale_words": None
            if descriptors is None
            else [{"word": word, "mark": _number(mark)} for word, mark in descriptors.words],
            "children": [node(child) for child in criterion.sub_criteria],
        }

    return [node(criterion) for criterion in criteria.criteria]


_LOT_ONLY = frozenset({"children", "min_points", "scale_words"})  # not in every offer


def _offer_tree(
    shape: list[dict[str, Any]], points: Mapping[str, Fraction]
) -> list[dict[str, Any]]:
    """The lot's tree with the offer's points at each node (null where they could not be
    computed)."""
    return [
        {
            **{key: value for key, value in node.items() if key not in _LOT_ONLY},
            "points": _number(points.get(node["id"])),
            "children": _offer_tree(node["children"], points),
        }
        for node in shape
    ]


def offer_dict(
    result: OfferResult,
    lot: LotResult | None,
    criteria: CriteriaSet | None = None,
    shape: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One offer; ``criteria`` is its lot's set and ``shape`` that set's
    :func:`criteria_tree` (without them, ``points`` holds every node and ``tree`` is empty)."""
    offer = result.offer
    top = {c.id for c in criteria.criteria} if criteria is not None else None
    return {
        "candidate": offer.candidate,
        "row": offer.row,
        "status": result.status.value,
        "jury_decision": jury_decision(result),
        "rank": result.rank,
        "day_rate_ht": money_raw(offer.day_rate_ht),
        "days": quantity_raw(offer.days),
        "vat_rate": decimal_raw(result.vat_rate),
        "price_ht": money_raw(result.price_ht),
        "price_ttc": money_raw(result.price_ttc),
        "points": {
            name: _number(value)
            for name, value in result.points.items()
            if top is None or name in top
        },
        "marks": {name: _number(mark) for name, mark in offer.marks.items()},
        "mark_words": _mark_words(result, criteria),
        "evaluator_marks": {
            criterion: {who: str(mark) for who, mark in marks.items()}
            for criterion, marks in offer.evaluator_marks.items()
        },
        "total": _number(result.total),
        "gap_to_first": _number(gap_to_first(lot, result)) if lot is not None else None,
        "budget": budget_list(result),
        "reasons": _reasons(result),
        "warnings": [problem_dict(w) for w in result.warnings],
        "tree": _offer_tree(shape or [], result.points),
        **_variant_and_rounds(result),
        **pse_keys(result, lot.lot if lot is not None else None),
        **schedule_keys(result, lot.lot if lot is not None else None),
    }


def pse_keys(result: OfferResult, lot: Lot | None = None) -> dict[str, Any]:
    """An offer of a lot with PSE: its base price and each PSE's amounts and whether it is
    retained (``price_ht``/``price_ttc`` are base + retained PSE); nothing for a lot without
    PSE, so that the documents of such a lot stay as they were."""
    if not result.pse:
        return {}
    return {
        "base_price_ht": money_raw(result.base_ht),
        "base_price_ttc": money_raw(result.base_ttc),
        "pse": [
            {
                "id": p.id,
                "label": p.label,
                "retained": p.retained,
                "amount_ht": money_raw(p.amount_ht),
                "amount_ttc": money_raw(p.amount_ttc),
                **_pse_lines(p, lot),
            }
            for p in result.pse
        ],
    }


def _pse_lines(pse: PseAmount, lot: Lot | None) -> dict[str, Any]:
    """A PSE priced by lines: its lines as the offer prices them (``lines``, in the form of the
    base lines'); nothing for a PSE priced as a lump sum, so its entry stays as it was."""
    declared = lot.pse_by_id(pse.id) if lot is not None else None
    if declared is None or not declared.lines:
        return {}
    by_id = {line.id: line for line in declared.lines}
    return {
        "lines": [
            {
                "id": priced.id,
                "label": by_id[priced.id].label,
                "unit": by_id[priced.id].unit,
                "quantity": quantity_raw(priced.quantity),
                "unit_price": decimal_raw(priced.unit_price),
                "amount": money_raw(priced.amount),
                "stated_amount": money_raw(priced.stated_amount),
                "cell": priced.cell,
            }
            for priced in pse.lines
        ]
    }


def lot_pse_keys(lot: Lot, config: Config) -> dict[str, Any]:
    """A lot with PSE: its PSE, the ids of those retained, and whether its caps include them."""
    if not lot.pse:
        return {}
    return {
        "pse": [{"id": p.id, "label": p.label, "retained": p.retained} for p in lot.pse],
        "pse_retained": [p.id for p in lot.retained_pse],
        "caps_include_pse": config.consultation.caps_include_pse,
    }


def schedule_keys(result: OfferResult, lot: Lot | None) -> dict[str, Any]:
    """The lines of an offer of a schedule or DPGF lot, each with its label, unit, quantity,
    unit price and amount (to the cent), the total they make, the one the offer states, and
    whether that is an arithmetic error (absent for an offer priced otherwise, so that the
    documents of other consultations stay as they were)."""
    if not result.price_model.has_lines:
        return {}
    schedule = result.schedule
    if schedule is None:
        return {"lines": [], "recomputed_price_ht": None, "arithmetic_error": False}
    lines = []
    for priced in schedule.lines:
        line = lot.line(priced.id) if lot is not None else None
        lines.append(
            {
                "id": priced.id,
                "label": line.label if line is not None else None,
                "unit": line.unit if line is not None else None,
                "quantity": quantity_raw(priced.quantity),
                "unit_price": decimal_raw(priced.unit_price),
                "amount": money_raw(priced.amount),
                "stated_amount": money_raw(priced.stated_amount),
                "cell": priced.cell,
            }
        )
    return {
        "lines": lines,
        "recomputed_price_ht": money_raw(schedule.recomputed),
        "stated_price_ht": money_raw(schedule.stated),
        "arithmetic_error": schedule.arithmetic_error,
        "prevails": lot.prevails.value if lot is not None else None,
    }


def _variant_and_rounds(result: OfferResult) -> dict[str, Any]:
    """What a sheet with a ``variante`` or a ``tour`` column adds to each of its offers:
    ``variant`` (the label, null for a base offer); ``round`` (the round evaluated), ``rounds``
    (every round of the offer, first to last: its row, status, prices, total and rank among the
    lot's offers as they stood then) and ``regularised`` (irregular or unacceptable in an
    earlier round, no longer in the last one). A sheet without them keeps the keys of before."""
    offer = result.offer
    added: dict[str, Any] = {}
    if "variant" in offer.cells:
        added["variant"] = offer.variant
    if "round" in offer.cells:
        steps = [
            (s.round, s.row, s.status, s.price_ht, s.price_ttc, s.points, s.total, s.rank)
            for s in result.history
        ]
        steps.append(
            (
                offer.round,
                offer.row,
                result.status,
                result.price_ht,
                result.price_ttc,
                result.points,
                result.total,
                result.rank,
            )
        )
        added["round"] = offer.round
        added["rounds"] = [
            {
                "round": number,
                "row": row,
                "status": status.value,
                "price_ht": money_raw(ht),
                "price_ttc": money_raw(ttc),
                "points": {name: _number(value) for name, value in points.items()},
                "total": _number(total),
                "rank": rank,
            }
            for number, row, status, ht, ttc, points, total, rank in steps
        ]
        added["regularised"] = result.regularised
    return added


def _mark_words(result: OfferResult, criteria: CriteriaSet | None) -> dict[str, str]:
    """The word of each mark given on a descriptor scale (none for a mark that is none of the
    scale's, such as the mean of two evaluators' marks)."""
    if criteria is None:
        return {}
    words = {}
    for name, mark in result.offer.marks.items():
        node = criteria.node(name)
        word = node.word_for(mark) if node is not None else None
        if word is not None:
            words[name] = word
    return words


def jury_decision(result: OfferResult) -> dict[str, Any] | None:
    """What the jury declared the offer in the offers sheet, with its reason as typed and their
    cells; None when it declared nothing."""
    offer = result.offer
    if offer.jury_decision is None:
        return None
    return {
        "decision": offer.jury_decision.value,
        "reason": offer.jury_reason,
        "cell": offer.cells.get("jury_decision"),
        "reason_cell": offer.cells.get("jury_reason"),
    }


def budget_list(result: OfferResult) -> list[dict[str, Any]]:
    """The offer's price against each cap checked: the same shape in every JSON output."""
    return [
        {
            "basis": check.basis.value,
            "cap": money_raw(check.cap),
            "price": money_raw(check.price),
            "margin": money_raw(check.margin),
            "within": check.within,
        }
        for check in result.budget
    ]


def price_model_key(lot: Lot) -> dict[str, str]:
    """``price_model`` of a lot that is not priced by day rate × days (absent for the default,
    so that the documents of a consultation priced by day rates stay as they were)."""
    if lot.price_model is PriceModel.DAY_RATE:
        return {}
    return {"price_model": lot.price_model.value}


def lot_dict(lot: LotResult, config: Config, *, with_offers: bool = True) -> dict[str, Any]:
    criteria = config.criteria_for(lot.lot.id)
    shape = criteria_tree(config, criteria)
    offers = (
        [offer_dict(result, lot, criteria, shape) for result in lot.offers] if with_offers else []
    )
    return {
        "id": lot.lot.id,
        "title": lot.lot.title,
        **price_model_key(lot.lot),
        **lot_pse_keys(lot.lot, config),
        "cap_ht": money_raw(lot.lot.cap_ht),
        "cap_ttc": money_raw(lot.lot.cap_ttc),
        "provisional": lot.provisional,
        "award": None
        if lot.award is None
        else {"candidate": lot.award.name, "row": lot.award.offer.row},
        "award_note": lot.award_note,
        "abnormally_low_note": lot.abnormal_note,
        "warnings": [problem_dict(w) for w in lot.warnings],  # the lot's own: vat-basis
        "lowest_price": money_raw(lot.lowest_price),
        "highest_price": money_raw(lot.highest_price),
        "criteria_set": criteria.name,
        "criteria": shape,
        "offers": offers,
        "ties": [
            {
                "total": _number(tie.total),
                "rows": [r.offer.row for r in tie.offers],
                "decided_by": tie.decided_by,
                "shared_ranks": [[r.offer.row for r in same] for same in tie.shared],
            }
            for tie in lot.ties
        ],
    }


def evaluation_dict(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """The JSON contract of ``score`` and ``rank`` (see the README)."""
    data = header(evaluation.config, evaluation)
    config = evaluation.config
    data["lots"] = [lot_dict(lot, config) for lot in chosen_lots(evaluation, lot_ids)]
    data["unplaced_offers"] = [_unplaced(result, config) for result in evaluation.unplaced]
    data["problems"] = [problem_dict(p) for p in evaluation.book.sheet_problems]
    return data


def _unplaced(result: OfferResult, config: Config) -> dict[str, Any]:
    """An offer without a readable lot, on the default criteria (what it could be marked on)."""
    criteria = config.criteria_for(None)
    return offer_dict(result, None, criteria, criteria_tree(config, criteria))


_OFFERS_SLOT = "\u0000offers\u0000"  # stands for the list of offers until they are written
_OFFERS_PER_PART = 500  # the offers written in one piece of evaluation_json_parts


def evaluation_json(evaluation: Evaluation, lot_ids: Sequence[int] | None = None) -> str:
    """:func:`evaluation_dict` as JSON text (the same text as ``to_json(evaluation_dict(…))``)."""
    return "".join(evaluation_json_parts(evaluation, lot_ids))


def evaluation_json_parts(
    evaluation: Evaluation, lot_ids: Sequence[int] | None = None
) -> Iterator[str]:
    """:func:`evaluation_json` in pieces, a lot's offers a few hundred at a time, to be
    written as they come: a hundred thousand offers never exist all at once as dictionaries,
    nor as one string, nor does a lot's. Each
    offer is written by an :class:`OfferWriter` (the text of :func:`offer_dict`, without the
    dictionary)."""
    data = header(evaluation.config, evaluation)
    yield _dumps(data)[:-1] + ',"lots":['  # the header without its closing brace
    config = evaluation.config
    texts = Texts(_decimal_number)
    for index, lot in enumerate(chosen_lots(evaluation, lot_ids)):
        shell = {**lot_dict(lot, config, with_offers=False), "offers": _OFFERS_SLOT}
        criteria = config.criteria_for(lot.lot.id)
        write = OfferWriter(lot, criteria, shell["criteria"], texts).json
        # the lot's text around its offers, then its offers a few hundred at a time: a lot of
        # 25 000 offers never exists as one string (its copies would weigh over 100 MB)
        before, after = _dumps(shell).split(f'"{_OFFERS_SLOT_JSON}"', 1)
        yield f"{',' if index else ''}{before}["
        offers = lot.offers
        for start in range(0, len(offers), _OFFERS_PER_PART):
            part = ",".join([write(result) for result in offers[start : start + _OFFERS_PER_PART]])
            yield f",{part}" if start else part
        yield f"]{after}"
    criteria = config.criteria_for(None)  # an offer without a lot: see _unplaced
    write = OfferWriter(None, criteria, criteria_tree(config, criteria), texts).json
    unplaced = ",".join([write(result) for result in evaluation.unplaced])
    problems = _dumps([problem_dict(p) for p in evaluation.book.sheet_problems])
    yield f'],"unplaced_offers":[{unplaced}],"problems":{problems}}}\n'


class OfferWriter:
    """The JSON text of :func:`offer_dict` for the offers of one lot (``lot`` None: the offers
    without a lot), written without building the dictionary: the same bytes as
    ``_dumps(offer_dict(result, lot, criteria, shape))``.

    What every offer of the lot shares is encoded once here: the keys, and, for each set of
    criteria an offer has points on (a :class:`_Layout`: usually two, with and without price
    points), its ``points`` object and its criteria ``tree`` as constant pieces between which
    the offer's figures go. The figure of a point value is remembered by the value's identity
    (the evaluation shares one Fraction among the offers with the same mark), the ``marks``
    object per combination of marks. The values an offer varies in are written by
    :mod:`~referent_ess.render.number_texts` (strings, point figures, amounts, rates) and
    :meth:`_problem` (warnings); a key that is usually empty (``jury_decision``,
    ``evaluator_marks``, ``mark_words``, ``reasons``) and the keys of variants, rounds, PSE and
    schedules are written by ``_dumps`` of what :func:`offer_dict` builds for them, whenever
    the offer has one: the rare cases keep the general path."""

    def __init__(
        self,
        lot: LotResult | None,
        criteria: CriteriaSet,
        shape: list[dict[str, Any]],
        texts: Texts,
    ) -> None:
        self.lot = lot
        self.criteria = criteria
        self.texts = texts
        self.top = frozenset(c.id for c in criteria.criteria)
        # the criteria with a descriptor scale: only a mark on one of them may have a word
        self.described = frozenset(n.id for n in criteria.nodes if n.descriptors is not None)
        self.no_words = not self.described
        self.keys = Keys()
        ids, pieces = _tree_template(shape)
        self.tree_ids = ids
        # the tree as a %-template: its constant pieces with each % doubled (a label may hold
        # one), a %s for each node's points
        self.tree_format = "%s".join(piece.replace("%", "%%") for piece in pieces)
        self.layouts: dict[tuple[str, ...], _Layout] = {}
        # a point value's figure, by the value's identity (see ByIdentity)
        self.figures = ByIdentity(lambda value: figure_json(value, texts))
        # day rates, days and VAT rates, which the reader shares among the cells with the
        # same value: each kind by its own writer, in its own memo (one Decimal may be a day
        # count here and a rate there)
        self.day_rates = ByIdentity(texts.money_json)
        self.quantities = ByIdentity(quantity_json)
        self.rates = ByIdentity(rate_json)
        # the ``marks`` object's text by the names and the identities of the marks (the reader
        # shares one Decimal among the cells with the same mark): a lot has a few hundred
        # combinations; each entry keeps its marks alive, so that no other object takes an id
        self.marks: dict[tuple[object, ...], tuple[tuple[object, ...], str]] = {}
        self.statuses: dict[Status, str] = {}
        self.severities: dict[Severity, str] = {}
        # the texts of a problem that repeat (its code, sheet and field: the same few strings)
        self.words = ByIdentity(string_json)
        # a check's basis and cap as written, by the basis and the cap's identity
        self.budget_heads: dict[tuple[PriceBasis, int], tuple[Decimal, str]] = {}
        first = lot.ranked[0].total if lot is not None and lot.ranked else None
        self.first_total = first
        # the first total's numerator and denominator, for the gaps (a Fraction's)
        self.first_ratio = first.as_integer_ratio() if type(first) is Fraction else None

    def json(self, result: OfferResult) -> str:
        """The offer's JSON object, keys in the order of :func:`offer_dict`. The usual case of
        each key is written here inline (a hundred thousand calls of a small function cost
        more than its work): an ASCII name through ``encode_basestring`` (:func:`json_string`),
        an amount to the cent as ``str`` writes it (:func:`money_text`), a Fraction's figure
        by :func:`fraction_json`, values shared among offers by identity
        (:class:`ByIdentity`); their other cases are the general functions'."""
        offer = result.offer
        points = result.points
        names = tuple(points)
        layout = self.layouts.get(names) or self._layout(names)
        known = self.figures.known
        new = self.figures.new
        figures = [known.get(id(value)) or new(value) for value in points.values()]
        figures.append(NULL)  # the figure of a node without points (in the tree)
        marks = offer.marks
        marks_key = (*marks, *map(id, marks.values()))
        marks_seen = self.marks.get(marks_key)
        status = result.status
        row = offer.row
        rank = result.rank
        warnings = result.warnings
        candidate = offer.candidate
        if candidate is None:
            name = NULL
        else:
            name = encode_basestring(candidate) if candidate.isascii() else json_string(candidate)
        day_rates = self.day_rates.known
        quantities = self.quantities.known
        rates = self.rates.known
        day_rate, days, vat_rate = offer.day_rate_ht, offer.days, result.vat_rate
        price_ht, price_ttc = result.price_ht, result.price_ttc
        if price_ht is None:
            ht = NULL
        else:
            ht = str(price_ht)
            ht = f'"{ht}"' if ht[-3:-2] == "." else money_json(price_ht)
        if price_ttc is None:
            ttc = NULL
        else:
            ttc = str(price_ttc)
            ttc = f'"{ttc}"' if ttc[-3:-2] == "." else money_json(price_ttc)
        total = result.total
        first = self.first_total
        if type(total) is Fraction:
            numerator, denominator = total.as_integer_ratio()
            total_text = fraction_json(numerator, denominator)
            if self.first_ratio is not None:  # first − total = (a·d − c·b) / (b·d)
                a, b = self.first_ratio
                gap = fraction_json(a * denominator - numerator * b, b * denominator)
            else:
                gap = NULL if first is None else self._gap(first, total, result)
        else:
            total_text = NULL if total is None else figure_json(total, self.texts)
            gap = NULL if first is None or total is None else self._gap(first, total, result)
        model = result.price_model
        cells = offer.cells
        if (  # no variant, round, PSE or lines: nothing after the tree
            not result.pse
            and (model is _DAY_RATE or not model.has_lines)
            and "variant" not in cells
            and "round" not in cells
        ):
            rare = ""
        else:
            rare = self._rare_keys(result)
        return (
            f'{{"candidate":{name}'
            f',"row":{str(row) if type(row) is int else _integer(row)}'
            f',"status":{self.statuses.get(status) or self._status(status)}'
            f',"jury_decision":'
            f"{NULL if offer.jury_decision is None else _dumps(jury_decision(result))}"
            f',"rank":{str(rank) if type(rank) is int else _integer(rank)}'
            f',"day_rate_ht":{day_rates.get(id(day_rate)) or self.day_rates.new(day_rate)}'
            f',"days":{quantities.get(id(days)) or self.quantities.new(days)}'
            f',"vat_rate":{rates.get(id(vat_rate)) or self.rates.new(vat_rate)}'
            f',"price_ht":{ht},"price_ttc":{ttc}'
            f',"points":{{{layout.points_format % layout.points_of(figures)}}}'
            f',"marks":{{{self._marks(marks, marks_key) if marks_seen is None else marks_seen[1]}}}'
            f',"mark_words":'
            f"{'{}' if self.no_words or self.described.isdisjoint(marks) else self._words(result)}"
            f',"evaluator_marks":'
            f"{self._evaluator_marks(result) if offer.evaluator_marks else '{}'}"
            f',"total":{total_text},"gap_to_first":{gap}'
            f',"budget":'
            f"{self._budget(result, ht, ttc) if result.budget else '[]'}"
            f',"reasons":{_dumps(_reasons(result)) if result.reasons else "[]"}'
            f',"warnings":'
            f"{'[' + ','.join([self._problem(w) for w in warnings]) + ']' if warnings else '[]'}"
            f',"tree":{self.tree_format % layout.tree_of(figures)}{rare}}}'
        )

    def _layout(self, names: tuple[str, ...]) -> "_Layout":
        """The :class:`_Layout` of an offer with points on ``names``, in that order."""
        layout = _Layout(names, self.top, self.tree_ids, self.keys)
        self.layouts[names] = layout
        return layout

    def _status(self, status: Status) -> str:
        """The JSON of a status (a few per lot), remembered."""
        text = self.statuses[status] = self.texts.string(status.value)
        return text

    def _marks(self, marks: Mapping[str, Decimal | Fraction], key: tuple[object, ...]) -> str:
        """The ``marks`` object's members, remembered under ``key`` (see ``self.marks``)."""
        key_of = self.keys
        number = self.texts.points_json
        text = ",".join([key_of[n] + number(m) for n, m in marks.items()])
        if len(self.marks) >= _COMBINATIONS:
            self.marks.clear()
        self.marks[key] = (tuple(marks.values()), text)
        return text

    def _words(self, result: OfferResult) -> str:
        """``mark_words`` of an offer with a mark on a criterion with a descriptor scale."""
        return _dumps(_mark_words(result, self.criteria))

    @staticmethod
    def _evaluator_marks(result: OfferResult) -> str:
        """``evaluator_marks`` of an offer whose marks sheet gives several evaluators' marks."""
        evaluator_marks = result.offer.evaluator_marks
        return _dumps(
            {
                criterion: {who: str(mark) for who, mark in marks.items()}
                for criterion, marks in evaluator_marks.items()
            }
        )

    def _gap(
        self, first: Fraction | Decimal, total: Fraction | Decimal, result: OfferResult
    ) -> str:
        """``gap_to_first`` of a ranked offer: :func:`gap_to_first` written as :func:`_number`
        writes it, from the two totals' numerators and denominators (first − total =
        (a·d − c·b) / (b·d), rounded as it is whether reduced or not: :func:`hundredths`)."""
        if self.lot is None:
            return NULL
        if type(first) is not Fraction or type(total) is not Fraction:
            return _dumps(_number(gap_to_first(self.lot, result)))
        b = first.denominator
        d = total.denominator
        return hundredths_json(hundredths(first.numerator * d - total.numerator * b, b * d))

    def _budget(self, result: OfferResult, price_ht: str, price_ttc: str) -> str:
        """``budget``: :func:`budget_list`'s list, written; what a check shares with the lot's
        other offers (its basis and cap) remembered as one piece, its price's text taken from
        the offer's when it is the offer's price HT or TTC (``price_ht``, ``price_ttc``)."""
        heads = self.budget_heads
        checks = []
        for check in result.budget:
            cap = check.cap
            key = (check.basis, id(cap))
            seen = heads.get(key)
            head = self._budget_head(check, key) if seen is None or seen[0] is not cap else seen[1]
            price = check.price
            if price is result.price_ttc:
                price_text = price_ttc
            elif price is result.price_ht:
                price_text = price_ht
            else:
                price_text = money_json(price)
            checks.append(
                f'{head}"price":{price_text},"margin":{money_json(check.margin)},'
                f'"within":{"true" if check.within else "false"}}}'
            )
        return f"[{checks[0]}]" if len(checks) == 1 else f"[{','.join(checks)}]"

    def _budget_head(self, check: BudgetCheck, key: tuple[PriceBasis, int]) -> str:
        """``{"basis":…,"cap":…,`` of a check, remembered with its cap (kept alive, so that
        its id stays its own)."""
        texts = self.texts
        head = f'{{"basis":{texts.string(check.basis.value)},"cap":{texts.money_json(check.cap)},'
        if len(self.budget_heads) >= _COMBINATIONS:
            self.budget_heads.clear()
        self.budget_heads[key] = (check.cap, head)
        return head

    def _problem(self, problem: Problem) -> str:
        """``_dumps(problem_dict(problem))`` written by hand (a third of the offers of a
        consultation that flags abnormally low prices carry one): the texts that repeat (code,
        severity, sheet, field) remembered by identity, the row as an int; a problem whose
        fields are of other types is left to ``_dumps``."""
        row = problem.row
        code, sheet, field = problem.code, problem.sheet, problem.field
        cell = problem.cell
        if not (
            (row is None or type(row) is int)
            and (sheet is None or type(sheet) is str)
            and (cell is None or type(cell) is str)
            and (field is None or type(field) is str)
            and type(code) is str
        ):
            return _dumps(problem_dict(problem))
        words = self.words.known
        word = self.words.new
        severity = problem.severity
        message = problem.message
        return (
            f'{{"code":{words.get(id(code)) or word(code)}'
            f',"severity":{self.severities.get(severity) or self._severity(severity)}'
            f',"sheet":{words.get(id(sheet)) or word(sheet)}'
            f',"cell":{NULL if cell is None else json_string(cell)}'
            f',"row":{NULL if row is None else str(row)}'
            f',"field":{words.get(id(field)) or word(field)}'
            f',"message":'
            f"{encode_basestring(message) if message.isascii() else json_string(message)}}}"
        )

    def _severity(self, severity: Severity) -> str:
        """The JSON of a severity (two of them), remembered."""
        text = self.severities[severity] = json_string(severity.value)
        return text

    def _rare_keys(self, result: OfferResult) -> str:
        """The keys of variants and rounds, PSE and schedules (:func:`offer_dict`'s last ones,
        none of them a key written before), through the general path, for an offer of a sheet
        or a lot with them."""
        lot = self.lot.lot if self.lot is not None else None
        rare = {
            **_variant_and_rounds(result),
            **pse_keys(result, lot),
            **schedule_keys(result, lot),
        }
        return "," + _dumps(rare)[1:-1] if rare else ""


_COMBINATIONS = 65_536  # the combinations of marks a writer remembers before starting again


def figure_json(value: Fraction | Decimal | None, texts: Texts) -> str:
    """``texts.points_json(value)``, a Fraction's (points, a total: seldom the same object
    twice) worked out at once by :func:`fraction_json`, without looking it up."""
    if type(value) is Fraction:
        return fraction_json(*value.as_integer_ratio())
    return texts.points_json(value)


class _Layout:
    """What the offers with points on the same criteria, in the same order, share: the
    ``points`` object as a %-template (the members of the lot's top-level criteria, in the
    offer's order) and which of the offer's figures go into it and into the ``tree`` (a node
    without points takes the last figure, ``null``)."""

    def __init__(
        self, names: tuple[str, ...], top: frozenset[str], tree_ids: tuple[str, ...], keys: Keys
    ) -> None:
        shown = [index for index, name in enumerate(names) if name in top]
        self.points_format = ",".join(keys[names[i]].replace("%", "%%") + "%s" for i in shown)
        self.points_of = _picker(shown)
        position = {name: index for index, name in enumerate(names)}
        self.tree_of = _picker([position.get(node, len(names)) for node in tree_ids])


def _picker(indices: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """``lambda figures: tuple(figures[i] for i in indices)``, at C speed."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        only = indices[0]
        return lambda figures: (figures[only],)
    return lambda _: ()


_DAY_RATE = PriceModel.DAY_RATE  # priced without lines (``has_lines``), tested first


def _integer(value: int | None) -> str:
    """``json.dumps`` of a row or a rank (``str`` of an int is its JSON)."""
    if value is None:
        return NULL
    return str(value) if type(value) is int else _dumps(value)


def _tree_template(shape: list[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The JSON text of :func:`_offer_tree` for the lot's tree, as the ids of its nodes (in
    the order they are written, each parent before its children) and the constant pieces
    around their points: the text is ``pieces[0] + points(ids[0]) + pieces[1] + …``."""
    ids: list[str] = []
    pieces: list[str] = []
    current: list[str] = []  # the constant text since the last node's points

    def nodes(shape: list[dict[str, Any]]) -> None:
        current.append("[")
        for index, node in enumerate(shape):
            kept = _dumps({k: v for k, v in node.items() if k not in _LOT_ONLY})[1:-1]
            current.append(("," if index else "") + "{" + kept + ("," if kept else ""))
            current.append('"points":')
            pieces.append("".join(current))
            current.clear()
            ids.append(node["id"])
            current.append(',"children":')
            nodes(node["children"])
            current.append("}")
        current.append("]")

    nodes(shape)
    pieces.append("".join(current))
    return tuple(ids), tuple(pieces)


def _reasons(result: OfferResult) -> list[dict[str, Any]]:
    """``reasons``, as :func:`offer_dict` gives them."""
    return [
        {
            "code": reason.code,
            "status": reason.status.value,
            "message": reason.message,
            "cell": reason.cell,
            "legal_basis": legal_basis(reason, lang="fr"),
        }
        for reason in result.reasons
    ]


_OFFERS_SLOT_JSON = json.dumps(_OFFERS_SLOT)[1:-1]


def _dumps(data: Any) -> str:
    """Compact JSON; a lone surrogate (unwritable as UTF-8), U+FFFE and U+FFFF replaced
    (:func:`writable`): control characters are already escaped (``\\u0001``)."""
    return writable(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def validation_dict(report: ValidationReport) -> dict[str, Any]:
    return {
        "valid": report.valid,
        "errors": [_with_file(p) for p in report.errors],
        "warnings": [_with_file(p) for p in report.warnings],
    }


def _with_file(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, **problem_dict(problem)}


def to_json(data: Any) -> str:
    """Compact JSON on one line (json's fast encoder; pipe it to ``jq`` to read it)."""
    return _dumps(data) + "\n"


# ---- the budget check ------------------------------------------------------------------------


def _offer(result: OfferResult, lot: Lot | None = None) -> dict[str, Any]:
    offer = result.offer
    return {
        "candidate": offer.candidate,
        "row": offer.row,
        "day_rate_ht": money_raw(offer.day_rate_ht),
        "days": quantity_raw(offer.days),
        "vat_rate": decimal_raw(result.vat_rate),
        "price_ht": money_raw(result.price_ht),
        "price_ttc": money_raw(result.price_ttc),
        "budget": budget_list(result),
        "verdict": verdict(result),
        **pse_keys(result, lot),
    }


def budget_json(evaluation: Evaluation, report: BudgetReport) -> str:
    data = header(evaluation.config, evaluation)
    data["lots"] = [
        {
            "id": lot.lot.id,
            "title": lot.lot.title,
            **price_model_key(lot.lot),
            **lot_pse_keys(lot.lot, evaluation.config),
            "cap_ht": money_raw(lot.lot.cap_ht),
            "cap_ttc": money_raw(lot.lot.cap_ttc),
            "offers": [_offer(r, lot.lot) for r in by_row(lot.offers)],
        }
        for lot in evaluation.lots
    ]
    data["unplaced_offers"] = [_offer(r) for r in evaluation.unplaced]
    data["summary"] = {
        "checked": report.checked,
        "over_cap": len(report.over_cap),
        "unchecked": len(report.unchecked),
    }
    return to_json(data)


# ---- the analyses ------------------------------------------------------------------------------


def neutralised_en(variant: "Variant") -> str | None:
    """The warning in English (the JSON's text), when the price criterion is neutralised."""
    if variant.neutralisation is None:
        return None
    with i18n.language("en"):
        return neutralisation_text(variant.neutralisation)


def _who(result: OfferResult) -> dict[str, Any]:
    return {"candidate": result.name, "row": result.offer.row}


def simulation_dict(simulation: "Simulation", evaluation: Evaluation) -> dict[str, Any]:
    price_id = evaluation.config.criteria_for(simulation.lot_id).price_criterion.id
    variants = [
        {
            "formula": variant.name,
            "basis": variant.rule.basis.value,
            "winner_rows": [r.offer.row for r in variant.lot.winners],
            "neutralised": neutralised_en(variant),
            "offers": [
                {
                    **_who(r),
                    "rank": r.rank,
                    "price_ht": money_raw(r.price_ht),
                    "price_points": _number(r.points.get(price_id)),
                    "total": _number(r.total),
                }
                for r in variant.lot.ranked
            ],
        }
        for variant in simulation.variants
    ]
    return {
        **header(evaluation.config, evaluation),
        "lot": simulation.lot_id,
        "winner_changes": simulation.winner_changes,
        "variants": variants,
    }


def pse_dict(comparison: "PseComparison", evaluation: Evaluation) -> dict[str, Any]:
    """The JSON of ``referent pse`` (see the README)."""
    return {
        **header(evaluation.config, evaluation),
        "lot": comparison.lot_id,
        "pse": [{"id": p.id, "label": p.label, "retained": p.retained} for p in comparison.pse],
        "winner_changes": comparison.winner_changes,
        "combinations": [
            {
                "retained": [p.id for p in c.retained],
                "configured": c.configured,
                "provisional": c.lot.provisional,
                "winner_rows": list(c.winner_rows),
                "offers": [
                    {
                        "candidate": r.name,
                        "row": r.offer.row,
                        **({"variant": r.offer.variant} if r.offer.variant is not None else {}),
                        "rank": r.rank,
                        "price_ht": money_raw(r.price_ht),
                        "price_ttc": money_raw(r.price_ttc),
                        "total": _number(r.total),
                    }
                    for r in c.lot.ranked
                ],
                "set_aside": [
                    {
                        "candidate": r.name,
                        "row": r.offer.row,
                        **({"variant": r.offer.variant} if r.offer.variant is not None else {}),
                        "status": r.status.value,
                        "price_ht": money_raw(r.price_ht),
                    }
                    for r in c.lot.offers
                    if r.rank is None
                ],
            }
            for c in comparison.combinations
        ],
    }


def sensitivity_dict(analysis: "Sensitivity", evaluation: Evaluation) -> dict[str, Any]:
    return {
        **header(evaluation.config, evaluation),
        "lot": analysis.lot.lot.id,
        "winner": _who(analysis.winner),
        "margin_points": _number(analysis.margin),
        "summary": _english_summary(analysis),
        "transfers": [
            {
                "from": t.source,
                "to": t.target,
                "points": _number(t.points),
                "points_exact": f"{t.points.numerator}/{t.points.denominator}",
                "new_winner": _who(t.challenger),
            }
            for t in analysis.transfers
        ],
        "leave_one_out": [
            {
                "removed": _who(loo.removed),
                "winner": None if loo.winner is None else _who(loo.winner),
                "winner_changes": loo.changed,
            }
            for loo in analysis.leave_one_out
        ],
        "samples": (
            {"draws": analysis.samples, "wins": {str(r): n for r, n in analysis.wins.items()}}
            if analysis.samples
            else None
        ),
    }


def _english_summary(analysis: "Sensitivity") -> str:
    """The JSON's summary: English whatever the language, like every key and code."""
    with i18n.language("en"):
        return sensitivity_summary(analysis)
