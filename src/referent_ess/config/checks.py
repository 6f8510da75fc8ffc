"""What pydantic cannot see in one key: the checks across keys of ``lots.yaml`` and
``criteria.yaml`` (caps that disagree, weights that do not sum to 100, ids used twice, columns
that would clash in the offers sheet). Each finding is an :data:`Issue`: where, code, figures."""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from referent_ess.base.normalise import word_key
from referent_ess.base.values import BadValue, parse_number
from referent_ess.config.choices import Ordering, PriceFormula, PriceModel
from referent_ess.config.columns import pse_key
from referent_ess.config.model import MAX_DEPTH
from referent_ess.config.schema import (
    CriteriaFile,
    CriterionSpec,
    LineSpec,
    LotsFile,
    LotSpec,
    PseSpec,
    document_ids,
    document_labels,
)
from referent_ess.config.yaml_reader import Location

Params = tuple[tuple[str, str], ...]
Issue = tuple[Location, str, Params]  # where in the file, the code, the figures of its message


def check_lots(spec: LotsFile) -> list[Issue]:
    """Lot ids used twice; a lot without a cap, or with two caps that disagree."""
    issues: list[Issue] = []
    vat = spec.consultation.vat_rate
    first_index: dict[int, int] = {}
    for index, lot in enumerate(spec.lots):
        if lot.id in first_index:
            also = str(first_index[lot.id])
            params: Params = (("form", "lot"), ("id", str(lot.id)), ("also", also))
            issues.append((("lots", index, "id"), "duplicate-id", params))
        first_index.setdefault(lot.id, index)
        issues += _pse_ids(index, lot.pse)
        if lot.cap_ht is None and lot.cap_ttc is None:
            issues.append((("lots", index), "missing-cap", (("lot", str(lot.id)),)))
        elif lot.cap_ht is not None and lot.cap_ttc is not None:
            tolerance = 1 + vat  # a cap rounded to whole euros on either side
            gap = abs(lot.cap_ht * (1 + vat) - lot.cap_ttc)
            if gap > tolerance:
                params = (
                    ("cap_ht_money", f"{lot.cap_ht:.2f}"),
                    ("vat_num", str(vat)),
                    ("product_money", f"{lot.cap_ht * (1 + vat):.2f}"),
                    ("cap_ttc_money", f"{lot.cap_ttc:.2f}"),
                    ("gap_money", f"{gap:.2f}"),
                    ("tolerance_money", f"{tolerance:.2f}"),
                )
                issues.append((("lots", index, "cap_ttc"), "cap-mismatch", params))
        issues += _lines(lot, index)
    return issues + _rounds(spec)


def _lines(lot: LotSpec, index: int) -> list[Issue]:
    """The lines of a schedule (DQE) or DPGF lot and of its PSE priced by lines: some, each id
    once across the lot's and its PSE's lines, a quantity on every line of a DQE and on none of
    a DPGF (whose offers state each line's amount); none on a lot priced otherwise."""
    model = lot.price_model
    where = ("lots", index)
    pse_lines: list[tuple[Location, list[LineSpec]]] = [
        ((*where, "pse", place, "lines"), item.lines)
        for place, item in enumerate(lot.pse)
        if item.lines is not None
    ]
    if not model.has_lines:
        params: Params = (("form", "model"), ("lot", str(lot.id)), ("model", model.value))
        found: list[Issue] = []
        if lot.lines is not None:
            found.append(((*where, "lines"), "lot-lines", params))
        return found + [(place, "lot-lines", params) for place, _ in pse_lines]
    issues: list[Issue] = []
    if not lot.lines:
        issues.append(
            (where, "lot-lines", (("form", f"empty-{model.value}"), ("lot", str(lot.id))))
        )
    first: dict[str, str] = {}
    for base, lines in [((*where, "lines"), lot.lines or []), *pse_lines]:
        if not lines and base[2] == "pse":  # ``lines: []`` under a PSE: priced by nothing
            pse_id = lot.pse[int(base[3])].id
            issues.append((base, "lot-lines", (("form", "pse-empty"), ("pse", pse_id))))
        for number, line in enumerate(lines):
            place = (*base, number)
            if line.id in first:
                params = (("form", "twice"), ("line", line.id), ("also", first[line.id]))
                issues.append(((*place, "id"), "lot-lines", params))
            first.setdefault(line.id, ".".join(str(part) for part in place))
            if model is PriceModel.SCHEDULE and line.quantity is None:
                issues.append((place, "lot-lines", (("form", "no-quantity"), ("line", line.id))))
            elif model is PriceModel.DPGF and line.quantity is not None:
                params = (("form", "dpgf-quantity"), ("line", line.id))
                issues.append(((*place, "quantity"), "lot-lines", params))
    return issues


def _rounds(spec: LotsFile) -> list[Issue]:
    """A round number given twice; a round whose deadline is earlier than the deadline of the
    round before it (round 1's is the consultation's ``deadline``), in number order."""
    issues: list[Issue] = []
    rounds = spec.consultation.rounds
    first_index: dict[int, int] = {}
    for index, step in enumerate(rounds):
        if step.number in first_index:
            also = str(first_index[step.number])
            params: Params = (("form", "round"), ("id", str(step.number)), ("also", also))
            issues.append((("consultation", "rounds", index, "number"), "duplicate-id", params))
        first_index.setdefault(step.number, index)
    order: list[tuple[int, Issue]] = []
    previous: tuple[int, date | datetime] | None = None
    if spec.consultation.deadline is not None:
        previous = (1, spec.consultation.deadline)
    for index in sorted(first_index.values(), key=lambda i: rounds[i].number):
        step = rounds[index]
        if previous is not None and _earlier(step.deadline, previous[1]):
            params = (
                ("round", str(step.number)),
                ("deadline_date", _iso(step.deadline)),
                ("previous", str(previous[0])),
                ("previous_date", _iso(previous[1])),
            )
            where = ("consultation", "rounds", index, "deadline")
            order.append((index, (where, "round-deadline-order", params)))
        previous = (step.number, step.deadline)
    return issues + [issue for _, issue in sorted(order)]  # in the file's order


def _earlier(one: date | datetime, other: date | datetime) -> bool:
    """Whether ``one`` is surely before ``other``: compared to the minute when both have a
    time, else by their days (a date alone is the whole day)."""
    if isinstance(one, datetime) and isinstance(other, datetime):
        return one < other
    day = one.date() if isinstance(one, datetime) else one
    other_day = other.date() if isinstance(other, datetime) else other
    return day < other_day


def _iso(moment: date | datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def _pse_ids(index: int, pse: tuple[PseSpec, ...]) -> list[Issue]:
    """A PSE id used twice in one lot (ids compared as headers are: ``PSE1`` is ``pse1``), and a
    PSE the buyer has not decided on (``retained`` has no default: the ranking depends on it)."""
    issues: list[Issue] = []
    first: dict[str, int] = {}
    for place, item in enumerate(pse):
        key = pse_key(item.id)
        if key in first:
            params: Params = (("form", "pse"), ("id", item.id), ("also", str(first[key])))
            issues.append((("lots", index, "pse", place, "id"), "duplicate-id", params))
        first.setdefault(key, place)
        if item.retained is None:
            params = (("pse", item.id), ("label", item.label))
            issues.append((("lots", index, "pse", place), "pse-undecided", params))
    return issues


def check_criteria(spec: CriteriaFile) -> list[Issue]:
    """The descriptor scales, then each set of criteria (the default one, then each of
    ``sets``) on its own: weights (or their absence in a hierarchy), the tree, the one price
    criterion, ids used twice, keys that do not apply, scales and thresholds, and the
    tie-break's criteria; last, a criterion marked with words in one set and otherwise in
    another."""
    issues = _scales(spec)
    issues += _criteria_set((), spec.criteria, spec.tie_break, spec)
    for name, criteria_set in spec.sets.items():
        where: Location = ("sets", name)
        issues += _criteria_set(where, criteria_set.criteria, criteria_set.tie_break, spec)
    issues += _scales_across_sets(spec)
    return issues


def _scales(spec: CriteriaFile) -> list[Issue]:
    """Each descriptor scale: some words, each a word (not a number, not mere punctuation),
    no two the same once case, accents and punctuation are set aside, each with its own mark,
    none negative, and a best one above 0 (it gives the criterion's full points)."""
    issues: list[Issue] = []
    params: Params
    for name, words in spec.scales.items():
        where: Location = ("scales", name)
        if not words:
            issues.append((where, "scale-empty", (("scale", repr(name)),)))
            continue
        keys: dict[str, str] = {}
        marks: dict[Decimal, str] = {}
        for word, mark in words.items():
            place = (*where, word)
            key = word_key(word)
            if not key:
                params = (("form", "empty"), ("word", repr(word)))
                issues.append((place, "scale-word", params))
            elif _is_number(word):
                params = (("form", "number"), ("word", repr(word)))
                issues.append((place, "scale-word", params))
            elif key in keys:
                params = (("form", "same"), ("word", repr(word)), ("first", repr(keys[key])))
                issues.append((place, "scale-word", params))
            keys.setdefault(key, word)
            if mark < 0:
                params = (("form", "negative"), ("word", repr(word)), ("mark_num", _figure(mark)))
                issues.append((place, "scale-mark", params))
            elif mark in marks:
                params = (
                    ("form", "same"),
                    ("word", repr(word)),
                    ("first", repr(marks[mark])),
                    ("mark_num", _figure(mark)),
                )
                issues.append((place, "scale-mark", params))
            marks.setdefault(mark, word)
        if max(words.values()) == 0:
            issues.append((where, "scale-mark", (("form", "zero"), ("scale", repr(name)))))
    return issues


def _is_number(word: str) -> bool:
    """A word that a cell could mean as a mark (``3``, ``2,5``): a number is read as a mark."""
    try:
        parse_number(word, examples="mark")
    except BadValue:
        return False
    return True


def _scales_across_sets(spec: CriteriaFile) -> list[Issue]:
    """A criterion id is one column of the workbook: marked on a descriptor scale in one set,
    it is marked on that scale in every set that marks it (numeric scales may differ)."""
    sets = [((), spec.criteria), *((("sets", n), s.criteria) for n, s in spec.sets.items())]
    first: dict[str, tuple[str | None, str | None]] = {}
    issues: list[Issue] = []
    for where, tree in sets:
        named = where[1] if where else None
        for place, criterion, _ in _tree(where, tree):
            if criterion.price is not None or criterion.sub_criteria is not None:
                continue
            scale = criterion.scale if isinstance(criterion.scale, str) else None
            if scale is not None and scale not in spec.scales:
                continue  # an unknown scale: said at its line
            seen = first.setdefault(criterion.id, (scale, str(named) if named else None))
            if seen[0] == scale:
                continue
            params: Params = (
                ("form", "default" if seen[1] is None else "named"),
                ("criterion", repr(criterion.id)),
                ("set", repr(seen[1])),
                ("here_part", "scale-here." + ("numeric" if scale is None else "words")),
                ("there_part", "scale-there." + ("numeric" if seen[0] is None else "words")),
                ("here", repr(scale)),
                ("there", repr(seen[0])),
            )
            issues.append(((*place, "scale"), "scale-differs", params))
    return issues


def check_lot_sets(lots: LotsFile, criteria: CriteriaFile) -> list[Issue]:
    """A lot's ``criteria`` must name a set of ``criteria.yaml``."""
    issues: list[Issue] = []
    for index, lot in enumerate(lots.lots):
        if lot.criteria is None or lot.criteria in criteria.sets:
            continue
        params: Params = (("found", repr(lot.criteria)),)
        if criteria.sets:
            params = (("form", "known"), *params, ("sets", ", ".join(criteria.sets)))
        else:
            params = (("form", "none"), *params)
        issues.append((("lots", index, "criteria"), "unknown-criteria-set", params))
    return issues


_Node = tuple[Location, CriterionSpec, int]  # where, the criterion, its depth (1: top level)


def _tree(where: Location, criteria: list[CriterionSpec]) -> list[_Node]:
    """Every criterion of a set, each parent before its children, with its place and depth."""
    nodes: list[_Node] = []

    def visit(location: Location, children: list[CriterionSpec], depth: int) -> None:
        for index, child in enumerate(children):
            place = (*location, index)
            nodes.append((place, child, depth))
            if child.sub_criteria is not None:
                visit((*place, "sub_criteria"), child.sub_criteria, depth + 1)

    visit((*where, "criteria"), criteria, 1)
    return nodes


def _criteria_set(
    where: Location, criteria: list[CriterionSpec], tie_break: list[str], spec: CriteriaFile
) -> list[Issue]:
    nodes = _tree(where, criteria)
    issues = _weights(where, criteria, nodes, tie_break, spec.ordering)
    params: Params
    priced = [c.id for c in criteria if c.price is not None]
    if len(priced) != 1:
        params = (("form", "some" if priced else "none"), ("ids", ", ".join(priced) or "none"))
        issues.append(((*where, "criteria"), "price-criterion", params))
    seen: dict[str, Location] = {}
    for place, criterion, depth in nodes:
        if criterion.id in seen:
            params = (("form", "criterion"), ("id", repr(criterion.id)))
            issues.append(((*place, "id"), "duplicate-id", params))
        seen.setdefault(criterion.id, place)
        issues += _node(place, criterion, depth)
        issues += _descriptor_scale(place, criterion, spec)
        issues += _threshold(place, criterion, spec)
    for index, criterion_id in enumerate(tie_break):
        if criterion_id not in seen:
            params = (
                ("form", "tie-break"),
                ("found", repr(criterion_id)),
                ("ids", ", ".join(seen)),
            )
            issues.append(((*where, "tie_break", index), "unknown-criterion", params))
    return issues


def _node(place: Location, criterion: CriterionSpec, depth: int) -> list[Issue]:
    """What one criterion of a tree may not hold: a price block below the top level or above
    sub-criteria, ``k`` without the gap formula, a scale where nothing is marked, a level
    below the deepest allowed."""
    issues: list[Issue] = []
    params: Params
    price, children = criterion.price, criterion.sub_criteria
    if price is not None and depth > 1:
        params = (("form", "nested"), ("criterion", repr(criterion.id)))
        issues.append(((*place, "price"), "price-criterion", params))
    if price is not None and children is not None:
        params = (("criterion", repr(criterion.id)),)
        issues.append(((*place, "sub_criteria"), "price-sub-criteria", params))
    if price is not None and price.k is not None and price.formula is not PriceFormula.GAP:
        params = (("form", "k-not-gap"), ("formula", price.formula.value))
        issues.append(((*place, "price", "k"), "invalid-value", params))
    if price is not None and criterion.scale is not None:
        params = (("form", "price-scale"), ("criterion", criterion.id))
        issues.append(((*place, "scale"), "invalid-value", params))
    elif children is not None and criterion.scale is not None:
        params = (("form", "parent-scale"), ("criterion", repr(criterion.id)))
        issues.append(((*place, "scale"), "invalid-value", params))
    if children is not None and depth == MAX_DEPTH:
        params = (("criterion", repr(criterion.id)), ("limit", str(MAX_DEPTH)))
        issues.append(((*place, "sub_criteria"), "too-deep", params))
    return issues


def _descriptor_scale(place: Location, criterion: CriterionSpec, spec: CriteriaFile) -> list[Issue]:
    """A scale named by a marked criterion must be one of ``scales`` (a name on the price
    criterion or on a parent is refused as any scale there, by :func:`_node`)."""
    name = criterion.scale
    if not isinstance(name, str) or criterion.price is not None or criterion.sub_criteria:
        return []
    if name in spec.scales:
        return []
    params: Params = (("found", repr(name)),)
    if spec.scales:
        params = (("form", "known"), *params, ("scales", ", ".join(spec.scales)))
    else:
        params = (("form", "none"), *params)
    return [((*place, "scale"), "unknown-scale", params)]


def _threshold(place: Location, criterion: CriterionSpec, spec: CriteriaFile) -> list[Issue]:
    """``min_points``: not on the price criterion (its points depend on the other offers'
    prices), not in a hierarchy (no points), and never above what the criterion can give."""
    threshold = criterion.min_points
    if threshold is None:
        return []
    at: Location = (*place, "min_points")
    label = (("criterion", repr(criterion.id)),)
    if criterion.price is not None:
        return [(at, "threshold-price", label)]
    if spec.ordering is Ordering.HIERARCHY:
        return [(at, "hierarchy-threshold", label)]
    if criterion.weight is None:
        return []
    top = spec.total * criterion.weight / 100
    if threshold <= top:
        return []
    params: Params = (
        *label,
        ("min_num", _figure(threshold)),
        ("max_num", _figure(top)),
        ("total_num", _figure(spec.total)),
        ("weight_num", _figure(criterion.weight)),
    )
    return [(at, "threshold-above-max", params)]


def _weights(
    where: Location,
    criteria: list[CriterionSpec],
    nodes: list[_Node],
    tie_break: list[str],
    ordering: Ordering,
) -> list[Issue]:
    """A hierarchy has no weights, no tie-break and no sub-criteria; a weighted ordering needs
    weights: the top-level ones sum to 100, a parent's children to the parent's own weight."""
    if ordering is Ordering.HIERARCHY:
        issues: list[Issue] = [
            ((*place, "weight"), "hierarchy-weight", (("criterion", c.id),))
            for place, c, _ in nodes
            if c.weight is not None
        ]
        issues += [
            ((*place, "sub_criteria"), "hierarchy-sub-criteria", (("criterion", repr(c.id)),))
            for place, c, _ in nodes
            if c.sub_criteria is not None
        ]
        if tie_break:
            ids = ", ".join(tie_break)
            issues.append(((*where, "tie_break"), "hierarchy-tie-break", (("ids", ids),)))
        return issues
    issues = [
        ((*place, "weight"), "missing-key", (("key", "weight"),))
        for place, c, _ in nodes
        if c.weight is None
    ]
    if all(c.weight is not None for c in criteria):
        total_weight = sum((c.weight or Decimal(0) for c in criteria), Decimal(0))
        if total_weight != 100:
            weights = " + ".join(str(c.weight) for c in criteria)
            params = (("weights_num", weights), ("total_num", str(total_weight)))
            issues.append(((*where, "criteria"), "weights-sum", params))
    for place, parent, _ in nodes:
        issue = _sub_weights(place, parent)
        if issue is not None:
            issues.append(issue)
    return issues


def _sub_weights(place: Location, parent: CriterionSpec) -> Issue | None:
    """The children of ``parent`` must weigh exactly what it weighs (a share of the total);
    children that add up to 100 under a parent that does not weigh 100 were written as
    percentages of it, and the message says what to write instead."""
    children = parent.sub_criteria
    if children is None or parent.weight is None or any(child.weight is None for child in children):
        return None
    weights = [child.weight or Decimal(0) for child in children]
    found = sum(weights, Decimal(0))
    if found == parent.weight:
        return None
    listed = " + ".join(_figure(w) for w in weights)
    params: Params
    if found == 100:
        converted = " + ".join(_figure(parent.weight * w / 100) for w in weights)
        params = (
            ("criterion", repr(parent.id)),
            ("weights_num", listed),
            ("parent_num", _figure(parent.weight)),
            ("converted_num", converted),
        )
        return ((*place, "sub_criteria"), "sub-weights-percent", params)
    params = (
        ("criterion", repr(parent.id)),
        ("parent_num", _figure(parent.weight)),
        ("weights_num", listed),
        ("total_num", _figure(found)),
    )
    return ((*place, "sub_criteria"), "sub-weights-sum", params)


def _figure(value: Decimal | None) -> str:
    """A weight as written, without trailing zeros or an exponent: 24, 22.5, 0.25."""
    if value is None:
        return "?"
    return format(value.normalize(), "f")


def check_columns(lots: LotsFile, criteria: CriteriaFile) -> tuple[list[Issue], list[Issue]]:
    """Documents and marked criteria become workbook columns: no two may be the same column.
    The same document in two lists, or the same criterion id in two sets, is one column."""
    from referent_ess.config.columns import ALIASES, OfferField, header_key

    # the owner of each column: (kind, name), kind being field, document or criterion
    taken = {
        header_key(name): ("field", field.value)
        for field in OfferField
        for name in (field.value, *ALIASES[field])
    }
    lots_issues: list[Issue] = []
    lists: list[tuple[Location, tuple[str, ...]]] = [
        (
            ("consultation", "required_documents"),
            document_ids(lots.consultation.required_documents) or (),
        )
    ]
    lists += [
        (("lots", index, "required_documents"), document_ids(lot.required_documents) or ())
        for index, lot in enumerate(lots.lots)
        if lot.required_documents is not None
    ]
    for where, documents in lists:
        for index, document in enumerate(documents):
            owner = taken.setdefault(header_key(document), ("document", document))
            if owner != ("document", document) or document in documents[:index]:
                params = (("form", "document"), ("document", repr(document)), *_owner(owner))
                lots_issues.append(((*where, index), "column-clash", params))
    criteria_issues: list[Issue] = []
    sets = [((), criteria.criteria), *((("sets", n), s.criteria) for n, s in criteria.sets.items())]
    for where, tree in sets:
        for place, criterion, _ in _tree(where, tree):
            if criterion.price is not None or criterion.sub_criteria is not None:
                continue  # not a column: computed, or the sum of its children
            owner = taken.setdefault(header_key(criterion.id), ("criterion", criterion.id))
            if owner != ("criterion", criterion.id):
                params = (("form", "criterion"), ("criterion", repr(criterion.id)), *_owner(owner))
                criteria_issues.append(((*place, "id"), "column-clash", params))
    if not lots_issues and not criteria_issues:
        criteria_issues += _short_labels(lots, sets)
    return lots_issues, criteria_issues


def _short_labels(
    lots: LotsFile, sets: Sequence[tuple[Location, list[CriterionSpec]]]
) -> list[Issue]:
    """A ``short_label`` is its criterion's header in the offers workbook: one that another
    column or a field is also read under (its key, see :class:`ColumnNames`) cannot be one.
    A ``label`` in the same case is only left unread, the column headed by its next usable
    name (letters and reports need the label as written); a short label, written for headers
    alone, is refused here, so that the template never writes a header that means two
    columns."""
    from referent_ess.config.columns import HEADERS, ColumnKind, ColumnNames, Named, OfferField

    documents: dict[str, list[str]] = {}
    for items in (
        lots.consultation.required_documents,
        *(lot.required_documents for lot in lots.lots),
    ):
        for item in items or ():
            labels = documents.setdefault(item if isinstance(item, str) else item.id, [])
            labels += [label for _, label in document_labels((item,))]
    criteria: dict[str, list[str]] = {}
    leaves = [
        (place, criterion)
        for where, tree in sets
        for place, criterion, _ in _tree(where, tree)
        if criterion.price is None and criterion.sub_criteria is None
    ]
    for _, criterion in leaves:
        names = criteria.setdefault(criterion.id, [])
        names += [n for n in (criterion.short_label, criterion.label) if n]
    named = [Named(ColumnKind.DOCUMENT, d, tuple(labels)) for d, labels in documents.items()]
    named += [Named(ColumnKind.MARK, c, tuple(names)) for c, names in criteria.items()]
    columns = ColumnNames(named)
    first = {(n.kind, n.id): (n.names or (n.id,))[0] for n in named}
    issues: list[Issue] = []
    for place, criterion in leaves:
        label = criterion.short_label
        others = () if label is None else columns.others((ColumnKind.MARK, criterion.id), label)
        if label is None or not others:
            continue
        kind, name = others[0]  # a field first, else a document or criterion by its name
        shown = HEADERS[OfferField(name)] if kind is ColumnKind.FIELD else first[kind, name]
        part = {ColumnKind.FIELD: "field", ColumnKind.DOCUMENT: "document"}.get(kind, "criterion")
        params = (
            ("form", "short-label"),
            ("label", repr(label)),
            ("owner_part", f"owner.{part}"),
            ("owner", repr(shown)),
        )
        issues.append(((*place, "short_label"), "column-clash", params))
    return issues


def _owner(owner: tuple[str, str]) -> Params:
    """The column already taken: a field (``the vat_rate column``), a required document or a
    criterion (named as quoted)."""
    kind, name = owner
    return (("owner_part", f"owner.{kind}"), ("owner", name if kind == "field" else repr(name)))
