"""The consultation as configured in ``lots.yaml`` and ``criteria.yaml``.

Two layers: pydantic models describe what the files may contain (every key checked, unknown keys
refused), then :func:`load_config` resolves them into small frozen objects the rest of the tool
uses (both caps of every lot known, every criterion's scale known). Every problem in the files is
reported at once, each as ``file:line: key.path: message``.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from referent_ess.base.exact import CENT
from referent_ess.base.values import BadValue, parse_number
from referent_ess.config.choices import (
    AbnormalMethod,
    CapBasis,
    MarksAggregate,
    Ordering,
    PriceBasis,
    PriceFormula,
)
from referent_ess.config.yaml_reader import Location, YamlDocument, read_yaml
from referent_ess.problems.errors import ConfigError
from referent_ess.problems.problem import Problem


def _exact_decimal(value: Any) -> Any:
    """Money and weights as exact decimals; a YAML float 10000.10 gives the same as '10000.10'."""
    if isinstance(value, bool) or value is None:
        return value  # let pydantic say "expected a number"
    if isinstance(value, int | float | str | Decimal):
        return parse_number(value)  # a BadValue keeps its code and figures (_code_and_message)
    return value


def _deadline(value: Any) -> Any:
    """A date (the end of that day) or an exact local date-time; never a bare number."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise BadValue(
                    "invalid-value",
                    f"{value!r} is not a date; expected 2018-03-23 or 2018-03-23 12:00",
                    (("form", "deadline-text"), ("found", repr(value))),
                ) from None
    if value is not None and not isinstance(value, date):
        raise BadValue(
            "invalid-value",
            f"found {value!r}, expected a date such as 2018-03-23",
            (("form", "deadline-type"), ("found", repr(value))),
        )
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise BadValue(
            "invalid-value",
            "give the deadline in local time, without a time zone",
            (("form", "deadline-zone"), ("found", value.isoformat())),
        )
    return value


def _to_the_cent(value: Decimal) -> Decimal:
    if value != value.quantize(CENT):
        raise BadValue(
            "too-many-decimals",
            f"found {value}, expected an amount with at most 2 decimals",
            (("form", "yaml"), ("found_num", str(value)), ("what_part", "amount.amount")),
        )
    return value


ExactDecimal = Annotated[Decimal, BeforeValidator(_exact_decimal)]
Money = Annotated[ExactDecimal, Field(gt=0, lt=10**12), AfterValidator(_to_the_cent)]
IDENTIFIER_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*$"
Identifier = Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN)]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LotSpec(_Spec):
    id: Annotated[int, Field(strict=True, gt=0)]
    title: str
    cap_ht: Money | None = None
    cap_ttc: Money | None = None


class AbnormalSpec(_Spec):
    method: AbnormalMethod = AbnormalMethod.NONE
    ratio: Annotated[ExactDecimal, Field(gt=0, lt=1)] = Decimal("0.8")  # mean-ratio only


class ConsultationSpec(_Spec):
    title: str
    buyer: str | None = None
    deadline: Annotated[date | datetime | None, BeforeValidator(_deadline)] = None
    vat_rate: Annotated[ExactDecimal, Field(ge=0, lt=1)] = Decimal("0.20")
    cap_basis: CapBasis = CapBasis.HT
    required_documents: tuple[Identifier, ...] = ()
    offers: str | None = None
    abnormally_low: AbnormalSpec = AbnormalSpec()
    max_lots_per_candidate: Annotated[int, Field(strict=True, gt=0)] | None = None


class LotsFile(_Spec):
    consultation: ConsultationSpec
    lots: Annotated[list[LotSpec], Field(min_length=1)]


class PriceSpec(_Spec):
    formula: PriceFormula
    basis: PriceBasis = PriceBasis.HT
    k: Annotated[ExactDecimal, Field(gt=1)] | None = None


class CriterionSpec(_Spec):
    id: Identifier
    label: str
    weight: Annotated[ExactDecimal, Field(gt=0, le=100)] | None = None
    scale: Annotated[ExactDecimal, Field(gt=0)] | None = None
    price: PriceSpec | None = None


class CriteriaFile(_Spec):
    total: Annotated[ExactDecimal, Field(gt=0)] = Decimal(100)
    marks_scale: Annotated[ExactDecimal, Field(gt=0)] = Decimal(5)
    marks_aggregate: MarksAggregate = MarksAggregate.MEAN
    marks_divergence: Annotated[ExactDecimal, Field(ge=0)] | None = None
    ordering: Ordering = Ordering.WEIGHTED
    criteria: Annotated[list[CriterionSpec], Field(min_length=1)]
    tie_break: list[Identifier] = []


# ---- the resolved configuration the rest of the tool uses ---------------------------------------


@dataclass(frozen=True)
class Lot:
    id: int
    title: str
    cap_ht: Decimal
    cap_ttc: Decimal


@dataclass(frozen=True)
class PriceRule:
    formula: PriceFormula
    basis: PriceBasis
    k: Decimal  # only used by the gap formula


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    weight: Decimal
    scale: Decimal  # marks go from 0 to scale (unused by the price criterion)
    price: PriceRule | None = None

    @property
    def is_price(self) -> bool:
        return self.price is not None


@dataclass(frozen=True)
class Consultation:
    title: str
    buyer: str | None
    deadline: date | datetime | None
    vat_rate: Decimal
    cap_basis: CapBasis
    required_documents: tuple[str, ...]
    offers: Path | None  # the default workbook, already resolved against lots.yaml's folder
    abnormally_low: AbnormalMethod = AbnormalMethod.NONE
    abnormally_low_ratio: Decimal = Decimal("0.8")
    max_lots_per_candidate: int | None = None


@dataclass(frozen=True)
class Config:
    """Everything the two YAML files say, checked and resolved."""

    consultation: Consultation
    lots: tuple[Lot, ...]
    total: Decimal
    criteria: tuple[Criterion, ...]
    tie_break: tuple[str, ...]
    lots_path: Path
    criteria_path: Path
    lots_sha256: str
    criteria_sha256: str
    marks_aggregate: MarksAggregate = MarksAggregate.MEAN
    marks_divergence: Decimal | None = None  # None: 40 % of each criterion's scale
    ordering: Ordering = Ordering.WEIGHTED

    @cached_property
    def price_criterion(self) -> Criterion:
        return next(c for c in self.criteria if c.is_price)

    @cached_property
    def marked_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.is_price)

    def lot(self, lot_id: int) -> Lot | None:
        return self._lots_by_id.get(lot_id)

    @cached_property
    def _lots_by_id(self) -> dict[int, Lot]:
        return {lot.id: lot for lot in self.lots}


# ---- loading ----------------------------------------------------------------------------------

Params = tuple[tuple[str, str], ...]
# where, code, message (in English), and the figures of the message for the other languages
Issue = tuple[Location, str, str] | tuple[Location, str, str, Params]
SpecT = TypeVar("SpecT", bound=_Spec)


def load_config(lots_path: Path, criteria_path: Path) -> Config:
    """Read, check and resolve both files; raise :class:`ReferentError` listing every problem."""
    lots_doc = read_yaml(lots_path)
    criteria_doc = read_yaml(criteria_path)
    lots_file, lots_issues = _validate(LotsFile, lots_doc) if not lots_doc.problems else (None, [])
    criteria_file, criteria_issues = (
        _validate(CriteriaFile, criteria_doc) if not criteria_doc.problems else (None, [])
    )
    if lots_file is not None:
        lots_issues += _check_lots(lots_file)
    if criteria_file is not None:
        criteria_issues += _check_criteria(criteria_file)
    if lots_file is not None and criteria_file is not None and not criteria_issues:
        clashes_in_lots, clashes_in_criteria = _check_columns(lots_file, criteria_file)
        lots_issues += clashes_in_lots
        criteria_issues += clashes_in_criteria
    problems = [
        *lots_doc.problems,
        *_located(lots_doc, lots_issues),
        *criteria_doc.problems,
        *_located(criteria_doc, criteria_issues),
    ]
    if problems or lots_file is None or criteria_file is None:
        raise ConfigError(problems)
    return _resolve(lots_file, criteria_file, lots_doc, criteria_doc)


def _validate(model: type[SpecT], doc: YamlDocument) -> tuple[SpecT | None, list[Issue]]:
    if not isinstance(doc.data, dict):
        found = "an empty file" if doc.data is None else f"a {type(doc.data).__name__}"
        keys = ", ".join(model.model_fields)
        message = f"expected a mapping of keys ({keys}), found {found}"
        form = "empty" if doc.data is None else "other"
        found_type = type(doc.data).__name__
        kind = found_type if found_type in ("list", "str", "int", "float", "bool") else "other"
        params = (
            ("form", form),
            ("keys", keys),
            ("found", found_type),
            ("type_part", f"type.{kind}"),
        )
        return None, [((), "not-a-mapping", message, params)]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [(tuple(err["loc"]), *_code_and_message(err, model)) for err in exc.errors()]


def _code_and_message(err: Any, model: type[_Spec]) -> tuple[str, str, Params]:
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        known = sorted(_known_keys(model))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            params: Params = (("form", "close"), ("key", repr(key)), ("close", repr(close[0])))
            return "unknown-key", f"unknown key {key!r} (did you mean {close[0]!r}?)", params
        params = (("form", "known"), ("key", repr(key)), ("known", ", ".join(known)))
        return "unknown-key", f"unknown key {key!r}; known keys: {', '.join(known)}", params
    if kind == "missing":
        return "missing-key", "required key is missing", (("key", str(err["loc"][-1])),)
    message = str(err["msg"]).removeprefix("Value error, ")
    value = err.get("input")
    if kind == "value_error":
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, BadValue):  # a number read as in the offers workbook
            return cause.code, cause.message, cause.params
        return "invalid-value", message, ()
    found: Params = (("found_part", "found.none"),)
    if isinstance(value, date):
        message += f" (found the date {value.isoformat()}: quote it to keep it as text)"
        found = (("found_part", "found.date"), ("found", value.isoformat()))
    elif isinstance(value, str | int | float | bool | Decimal):
        message += f" (found {value!r})"
        found = (("found_part", "found.value"), ("found", repr(value)))
    worded = _pydantic_params(kind, err.get("ctx") or {})
    return "invalid-value", message, worded + found if worded else ()


_LIMITS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt"}
_LIMITS |= {"less_than_equal": "le", "decimal_max_places": "decimal_places"}
_PLAIN_KINDS = {"decimal_parsing", "int_parsing", "int_from_float", "string_type"}
_PLAIN_KINDS |= {"bool_parsing", "list_type", "dict_type", "date_from_datetime_inexact"}
_PLAIN_KINDS |= {"int_type", "decimal_type", "tuple_type"}


def _pydantic_params(kind: str, ctx: dict[str, Any]) -> Params:
    """The figures of a pydantic message, for the catalogues; none (English only) for a kind
    the catalogues do not word."""
    if kind in _LIMITS:
        limit = str(ctx[_LIMITS[kind]])
        form = f"{kind}_one" if kind == "decimal_max_places" and limit == "1" else kind
        return (("form", form), ("limit_num", limit))
    if kind == "enum":
        expected = str(ctx["expected"])
        choices = expected.replace(" or ", ", ")
        return (("form", kind), ("expected", expected), ("choices", choices))
    if kind in _PLAIN_KINDS:
        return (("form", kind),)
    if kind == "model_type":
        return (("form", kind), ("class_name", str(ctx["class_name"])))
    if kind == "too_short" and ctx.get("min_length") == 1 and ctx.get("field_type") == "List":
        return (("form", "too_short_list_one"), ("actual", str(ctx["actual_length"])))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == IDENTIFIER_PATTERN:
        return (("form", "identifier"), ("pattern", repr(IDENTIFIER_PATTERN)))
    return ()


_NESTED_SPECS: dict[type[_Spec], tuple[type[_Spec], ...]] = {
    LotsFile: (LotsFile, ConsultationSpec, LotSpec, AbnormalSpec),
    CriteriaFile: (CriteriaFile, CriterionSpec, PriceSpec),
}


def _known_keys(model: type[_Spec]) -> set[str]:
    """Every key a file may hold at any depth: the candidates for a "did you mean" hint."""
    return {key for spec in _NESTED_SPECS[model] for key in spec.model_fields}


def _located(doc: YamlDocument, issues: Iterable[Issue]) -> list[Problem]:
    return [
        Problem(
            issue[1],
            issue[2],
            file=str(doc.path),
            row=doc.line_of(issue[0]),
            field=".".join(str(part) for part in issue[0]) or None,
            params=issue[3] if len(issue) == 4 else (),
        )
        for issue in issues
    ]


def derive_cap_ht(cap_ttc: Decimal, vat_rate: Decimal) -> Decimal:
    """HT = TTC / (1 + VAT), to the cent, half up."""
    return (cap_ttc / (1 + vat_rate)).quantize(CENT, ROUND_HALF_UP)


def derive_cap_ttc(cap_ht: Decimal, vat_rate: Decimal) -> Decimal:
    """TTC = HT × (1 + VAT), to the cent, half up."""
    return (cap_ht * (1 + vat_rate)).quantize(CENT, ROUND_HALF_UP)


def _check_lots(spec: LotsFile) -> list[Issue]:
    issues: list[Issue] = []
    vat = spec.consultation.vat_rate
    first_index: dict[int, int] = {}
    for index, lot in enumerate(spec.lots):
        if lot.id in first_index:
            issues.append(
                (
                    ("lots", index, "id"),
                    "duplicate-id",
                    f"lot id {lot.id} is used twice (also lots.{first_index[lot.id]})",
                    (("form", "lot"), ("id", str(lot.id)), ("also", str(first_index[lot.id]))),
                )
            )
        first_index.setdefault(lot.id, index)
        if lot.cap_ht is None and lot.cap_ttc is None:
            issues.append(
                (
                    ("lots", index),
                    "missing-cap",
                    "give cap_ht, cap_ttc or both",
                    (("lot", str(lot.id)),),
                )
            )
        elif lot.cap_ht is not None and lot.cap_ttc is not None:
            tolerance = 1 + vat  # a cap rounded to whole euros on either side
            gap = abs(lot.cap_ht * (1 + vat) - lot.cap_ttc)
            if gap > tolerance:
                issues.append(
                    (
                        ("lots", index, "cap_ttc"),
                        "cap-mismatch",
                        f"cap_ht {lot.cap_ht:.2f} × (1 + {vat}) = {lot.cap_ht * (1 + vat):.2f} "
                        f"differs from cap_ttc {lot.cap_ttc:.2f} by {gap:.2f} € (more than the "
                        f"{tolerance:.2f} € that "
                        "rounding to whole euros allows); correct one of them or give only one",
                        (
                            ("cap_ht_money", f"{lot.cap_ht:.2f}"),
                            ("vat_num", str(vat)),
                            ("product_money", f"{lot.cap_ht * (1 + vat):.2f}"),
                            ("cap_ttc_money", f"{lot.cap_ttc:.2f}"),
                            ("gap_money", f"{gap:.2f}"),
                            ("tolerance_money", f"{tolerance:.2f}"),
                        ),
                    )
                )
    return issues


def _check_criteria(spec: CriteriaFile) -> list[Issue]:
    issues: list[Issue] = []
    if spec.ordering is Ordering.HIERARCHY:
        issues += [
            (
                ("criteria", index, "weight"),
                "hierarchy-weight",
                "ordering: hierarchy compares the criteria in the order listed, without "
                "weights: remove weight",
                (("criterion", c.id),),
            )
            for index, c in enumerate(spec.criteria)
            if c.weight is not None
        ]
        if spec.tie_break:
            issues.append(
                (
                    ("tie_break",),
                    "hierarchy-tie-break",
                    "ordering: hierarchy already breaks ties criterion by criterion: remove "
                    "tie_break",
                    (("ids", ", ".join(spec.tie_break)),),
                )
            )
    else:
        issues += [
            (
                ("criteria", index, "weight"),
                "missing-key",
                "required key is missing",
                (("key", "weight"),),
            )
            for index, c in enumerate(spec.criteria)
            if c.weight is None
        ]
        total_weight = sum((c.weight or Decimal(0) for c in spec.criteria), Decimal(0))
        if total_weight != 100 and all(c.weight is not None for c in spec.criteria):
            weights = " + ".join(str(c.weight) for c in spec.criteria)
            issues.append(
                (
                    ("criteria",),
                    "weights-sum",
                    f"weights must sum to 100, found {weights} = {total_weight}",
                    (("weights_num", weights), ("total_num", str(total_weight))),
                )
            )
    priced = [i for i, c in enumerate(spec.criteria) if c.price is not None]
    if len(priced) != 1:
        ids = ", ".join(spec.criteria[i].id for i in priced) or "none"
        issues.append(
            (
                ("criteria",),
                "price-criterion",
                f"exactly one criterion must have a price: block, found {ids}",
                (("form", "some" if priced else "none"), ("ids", ids)),
            )
        )
    seen: dict[str, int] = {}
    for index, criterion in enumerate(spec.criteria):
        if criterion.id in seen:
            issues.append(
                (
                    ("criteria", index, "id"),
                    "duplicate-id",
                    f"criterion id {criterion.id!r} is used twice",
                    (("form", "criterion"), ("id", repr(criterion.id))),
                )
            )
        seen.setdefault(criterion.id, index)
        price = criterion.price
        if price is not None and price.k is not None and price.formula is not PriceFormula.GAP:
            issues.append(
                (
                    ("criteria", index, "price", "k"),
                    "invalid-value",
                    "k is only used by the gap formula",
                    (("form", "k-not-gap"), ("formula", price.formula.value)),
                )
            )
        if price is not None and criterion.scale is not None:
            issues.append(
                (
                    ("criteria", index, "scale"),
                    "invalid-value",
                    "the price criterion is not marked: remove scale",
                    (("form", "price-scale"), ("criterion", criterion.id)),
                )
            )
    for index, criterion_id in enumerate(spec.tie_break):
        if criterion_id not in seen:
            issues.append(
                (
                    ("tie_break", index),
                    "unknown-criterion",
                    f"unknown criterion {criterion_id!r}; expected one of {', '.join(seen)}",
                    (
                        ("form", "tie-break"),
                        ("found", repr(criterion_id)),
                        ("ids", ", ".join(seen)),
                    ),
                )
            )
    return issues


def _check_columns(lots: LotsFile, criteria: CriteriaFile) -> tuple[list[Issue], list[Issue]]:
    """Documents and marked criteria become workbook columns: no two may be the same column."""
    from referent_ess.config.columns import ALIASES, OfferField, header_key

    # the owner of each column: (kind, name), kind being field, document or criterion
    taken = {
        header_key(name): ("field", field.value)
        for field in OfferField
        for name in (field.value, *ALIASES[field])
    }
    lots_issues: list[Issue] = []
    for index, document in enumerate(lots.consultation.required_documents):
        location = ("consultation", "required_documents", index)
        owner = taken.setdefault(header_key(document), ("document", document))
        if (
            owner != ("document", document)
            or document in (lots.consultation.required_documents[:index])
        ):
            message = (
                f"document {document!r} would be the same column as {_owner(owner)}; rename it"
            )
            params = (("form", "document"), ("document", repr(document)), *_owner_params(owner))
            lots_issues.append((location, "column-clash", message, params))
    criteria_issues: list[Issue] = []
    for index, criterion in enumerate(criteria.criteria):
        if criterion.price is not None:
            continue
        owner = taken.setdefault(header_key(criterion.id), ("criterion", criterion.id))
        if owner != ("criterion", criterion.id) or any(
            c.id == criterion.id for c in criteria.criteria[:index]
        ):
            message = (
                f"criterion id {criterion.id!r} would be the same column as {_owner(owner)}; "
                "rename it"
            )
            params = (
                ("form", "criterion"),
                ("criterion", repr(criterion.id)),
                *_owner_params(owner),
            )
            criteria_issues.append((("criteria", index, "id"), "column-clash", message, params))
    return lots_issues, criteria_issues


def _owner(owner: tuple[str, str]) -> str:
    """The column already taken, in English: ``the vat_rate column``, ``criterion 'quality'``."""
    kind, name = owner
    if kind == "field":
        return f"the {name} column"
    return f"required document {name!r}" if kind == "document" else f"criterion {name!r}"


def _owner_params(owner: tuple[str, str]) -> Params:
    kind, name = owner
    return (("owner_part", f"owner.{kind}"), ("owner", name if kind == "field" else repr(name)))


def _resolve(
    lots: LotsFile, criteria: CriteriaFile, lots_doc: YamlDocument, criteria_doc: YamlDocument
) -> Config:
    spec = lots.consultation
    vat = spec.vat_rate
    resolved_lots = tuple(
        Lot(
            id=lot.id,
            title=lot.title,
            cap_ht=lot.cap_ht
            if lot.cap_ht is not None
            else derive_cap_ht(_given(lot.cap_ttc), vat),
            cap_ttc=lot.cap_ttc
            if lot.cap_ttc is not None
            else derive_cap_ttc(_given(lot.cap_ht), vat),
        )
        for lot in sorted(lots.lots, key=lambda lot: lot.id)
    )
    consultation = Consultation(
        title=spec.title,
        buyer=spec.buyer,
        deadline=spec.deadline,
        vat_rate=vat,
        cap_basis=spec.cap_basis,
        required_documents=spec.required_documents,
        offers=(lots_doc.path.parent / spec.offers) if spec.offers else None,
        abnormally_low=spec.abnormally_low.method,
        abnormally_low_ratio=spec.abnormally_low.ratio,
        max_lots_per_candidate=spec.max_lots_per_candidate,
    )
    resolved_criteria = tuple(
        Criterion(
            id=c.id,
            label=c.label,
            weight=c.weight if c.weight is not None else Decimal(0),  # none in a hierarchy
            scale=c.scale if c.scale is not None else criteria.marks_scale,
            price=(
                PriceRule(c.price.formula, c.price.basis, c.price.k or Decimal(2))
                if c.price is not None
                else None
            ),
        )
        for c in criteria.criteria
    )
    return Config(
        consultation=consultation,
        lots=resolved_lots,
        total=criteria.total,
        criteria=resolved_criteria,
        tie_break=tuple(criteria.tie_break),
        lots_path=lots_doc.path,
        criteria_path=criteria_doc.path,
        lots_sha256=lots_doc.sha256,
        criteria_sha256=criteria_doc.sha256,
        marks_aggregate=criteria.marks_aggregate,
        marks_divergence=criteria.marks_divergence,
        ordering=criteria.ordering,
    )


def _given(value: Decimal | None) -> Decimal:
    assert value is not None  # _check_lots refused a lot with neither cap
    return value
