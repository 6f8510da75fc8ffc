"""What pydantic cannot see in one key: the checks across keys of ``lots.yaml`` and
``criteria.yaml`` (caps that disagree, weights that do not sum to 100, ids used twice, columns
that would clash in the offers sheet). Each finding is an :data:`Issue`: where, code, figures."""

from decimal import Decimal

from referent_ess.config.choices import Ordering, PriceFormula
from referent_ess.config.schema import CriteriaFile, LotsFile
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
    return issues


def check_criteria(spec: CriteriaFile) -> list[Issue]:
    """Weights (or their absence in a hierarchy), the one price criterion, ids used twice, keys
    that do not apply, and the tie-break's criteria."""
    issues = _weights(spec)
    params: Params
    priced = [i for i, c in enumerate(spec.criteria) if c.price is not None]
    if len(priced) != 1:
        ids = ", ".join(spec.criteria[i].id for i in priced) or "none"
        params = (("form", "some" if priced else "none"), ("ids", ids))
        issues.append((("criteria",), "price-criterion", params))
    seen: dict[str, int] = {}
    for index, criterion in enumerate(spec.criteria):
        if criterion.id in seen:
            params = (("form", "criterion"), ("id", repr(criterion.id)))
            issues.append((("criteria", index, "id"), "duplicate-id", params))
        seen.setdefault(criterion.id, index)
        price = criterion.price
        if price is not None and price.k is not None and price.formula is not PriceFormula.GAP:
            params = (("form", "k-not-gap"), ("formula", price.formula.value))
            issues.append((("criteria", index, "price", "k"), "invalid-value", params))
        if price is not None and criterion.scale is not None:
            params = (("form", "price-scale"), ("criterion", criterion.id))
            issues.append((("criteria", index, "scale"), "invalid-value", params))
    for index, criterion_id in enumerate(spec.tie_break):
        if criterion_id not in seen:
            params = (
                ("form", "tie-break"),
                ("found", repr(criterion_id)),
                ("ids", ", ".join(seen)),
            )
            issues.append((("tie_break", index), "unknown-criterion", params))
    return issues


def _weights(spec: CriteriaFile) -> list[Issue]:
    """A hierarchy has no weights and no tie-break; a weighted ordering needs weights that sum
    to 100."""
    if spec.ordering is Ordering.HIERARCHY:
        issues: list[Issue] = [
            (("criteria", index, "weight"), "hierarchy-weight", (("criterion", c.id),))
            for index, c in enumerate(spec.criteria)
            if c.weight is not None
        ]
        if spec.tie_break:
            ids = ", ".join(spec.tie_break)
            issues.append((("tie_break",), "hierarchy-tie-break", (("ids", ids),)))
        return issues
    issues = [
        (("criteria", index, "weight"), "missing-key", (("key", "weight"),))
        for index, c in enumerate(spec.criteria)
        if c.weight is None
    ]
    total_weight = sum((c.weight or Decimal(0) for c in spec.criteria), Decimal(0))
    if total_weight != 100 and all(c.weight is not None for c in spec.criteria):
        weights = " + ".join(str(c.weight) for c in spec.criteria)
        params = (("weights_num", weights), ("total_num", str(total_weight)))
        issues.append((("criteria",), "weights-sum", params))
    return issues


def check_columns(lots: LotsFile, criteria: CriteriaFile) -> tuple[list[Issue], list[Issue]]:
    """Documents and marked criteria become workbook columns: no two may be the same column."""
    from referent_ess.config.columns import ALIASES, OfferField, header_key

    # the owner of each column: (kind, name), kind being field, document or criterion
    taken = {
        header_key(name): ("field", field.value)
        for field in OfferField
        for name in (field.value, *ALIASES[field])
    }
    lots_issues: list[Issue] = []
    documents = lots.consultation.required_documents
    for index, document in enumerate(documents):
        owner = taken.setdefault(header_key(document), ("document", document))
        if owner != ("document", document) or document in documents[:index]:
            params = (("form", "document"), ("document", repr(document)), *_owner(owner))
            location = ("consultation", "required_documents", index)
            lots_issues.append((location, "column-clash", params))
    criteria_issues: list[Issue] = []
    for index, criterion in enumerate(criteria.criteria):
        if criterion.price is not None:
            continue
        owner = taken.setdefault(header_key(criterion.id), ("criterion", criterion.id))
        if owner != ("criterion", criterion.id) or any(
            c.id == criterion.id for c in criteria.criteria[:index]
        ):
            params = (("form", "criterion"), ("criterion", repr(criterion.id)), *_owner(owner))
            criteria_issues.append((("criteria", index, "id"), "column-clash", params))
    return lots_issues, criteria_issues


def _owner(owner: tuple[str, str]) -> Params:
    """The column already taken: a field (``the vat_rate column``), a required document or a
    criterion (named as quoted)."""
    kind, name = owner
    return (("owner_part", f"owner.{kind}"), ("owner", name if kind == "field" else repr(name)))
