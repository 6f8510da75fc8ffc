"""Reading ``lots.yaml`` and ``criteria.yaml`` into a :class:`~.model.Config`.

Each file is read (:mod:`.yaml_reader`), validated (:mod:`.schema`), then checked across keys
(:mod:`.checks`); every problem of both files is reported at once, each as
``file:line: key.path: message``, before the specs are resolved into the frozen model.
"""

import difflib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from referent_ess.base.exact import derive_cap_ht, price_ttc
from referent_ess.base.values import BadValue
from referent_ess.config.checks import (
    Issue,
    Params,
    check_columns,
    check_criteria,
    check_lot_sets,
    check_lots,
)
from referent_ess.config.model import (
    BuyerDetails,
    Commission,
    Config,
    Consultation,
    CriteriaSet,
    Criterion,
    DescriptorScale,
    Lot,
    Member,
    PriceRule,
    Pse,
    ScheduleLine,
)
from referent_ess.config.schema import (
    HUGE_DIGITS,
    IDENTIFIER_PATTERN,
    UNION_TAGS,
    BuyerSpec,
    CommissionSpec,
    CriteriaFile,
    CriterionSpec,
    LineSpec,
    LotsFile,
    Spec,
    document_ids,
    document_labels,
    is_huge,
    known_keys,
    shown,
)
from referent_ess.config.yaml_reader import YamlDocument, read_yaml
from referent_ess.problems.errors import ConfigError
from referent_ess.problems.problem import Problem

SpecT = TypeVar("SpecT", bound=Spec)


def load_config(lots_path: Path, criteria_path: Path) -> Config:
    """Read, check and resolve both files; raise :class:`ConfigError` listing every problem."""
    lots_doc = read_yaml(lots_path)
    criteria_doc = read_yaml(criteria_path)
    lots_file, lots_issues = _validate(LotsFile, lots_doc) if not lots_doc.problems else (None, [])
    criteria_file, criteria_issues = (
        _validate(CriteriaFile, criteria_doc) if not criteria_doc.problems else (None, [])
    )
    if lots_file is not None:
        lots_issues += check_lots(lots_file)
    if criteria_file is not None:
        criteria_issues += check_criteria(criteria_file)
    if lots_file is not None and criteria_file is not None:
        lots_issues += check_lot_sets(lots_file, criteria_file)
    if lots_file is not None and criteria_file is not None and not criteria_issues:
        clashes_in_lots, clashes_in_criteria = check_columns(lots_file, criteria_file)
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
        found = type(doc.data).__name__.replace("Decimal", "float")  # YAML numbers are exact
        kind = found if found in ("list", "str", "int", "float", "bool") else "other"
        params = (
            ("form", "empty" if doc.data is None else "other"),
            ("keys", ", ".join(model.model_fields)),
            ("found", found),
            ("type_part", f"type.{kind}"),
        )
        return None, [((), "not-a-mapping", params)]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [
            (
                tuple(part for part in err["loc"] if part not in UNION_TAGS),
                *code_and_params(err, model),
            )
            for err in exc.errors()
        ]


def code_and_params(err: Any, model: type[Spec]) -> tuple[str, Params]:
    """The code and figures of one pydantic error of ``model``'s file; a :class:`BadValue` keeps
    its own. Public, so that every kind of error pydantic raises can be tested."""
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        known = sorted(known_keys(model))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            return "unknown-key", (("form", "close"), ("key", repr(key)), ("close", repr(close[0])))
        return "unknown-key", (("form", "known"), ("key", repr(key)), ("known", ", ".join(known)))
    if kind == "missing":
        return "missing-key", (("key", str(err["loc"][-1])),)
    found: Params = (("found_part", "found.none"),)
    if kind == "value_error":
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, BadValue):  # a number read as in the offers workbook
            return cause.code, cause.params
    else:
        found = _found(err.get("input"))
    worded = _pydantic_params(kind, err.get("ctx") or {})
    if not worded:  # a case the catalogues do not word: pydantic's own words
        worded = (("form", "other"), ("detail", str(err["msg"]).removeprefix("Value error, ")))
    return "invalid-value", worded + found


def _found(value: object) -> Params:
    """The clause that says what the file holds: a value, a date that YAML read as one, or a
    number too long to be shown."""
    if isinstance(value, date):
        return (("found_part", "found.date"), ("found", value.isoformat()))
    if is_huge(value):
        return (("found_part", "found.huge"), ("digits", str(HUGE_DIGITS)))
    if isinstance(value, str | int | float | bool | Decimal):
        return (("found_part", "found.value"), ("found", shown(value)))
    return (("found_part", "found.none"),)


_LIMITS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt"}
_LIMITS |= {"less_than_equal": "le", "decimal_max_places": "decimal_places"}
_PLAIN_KINDS = {"decimal_parsing", "int_parsing", "int_from_float", "string_type"}
_PLAIN_KINDS |= {"bool_parsing", "list_type", "dict_type", "date_from_datetime_inexact"}
_PLAIN_KINDS |= {"int_type", "decimal_type", "tuple_type"}


def _pydantic_params(kind: str, ctx: dict[str, Any]) -> Params:
    """The figures of a pydantic message, for the catalogues; none for a kind they do not
    word."""
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


def _located(doc: YamlDocument, issues: Iterable[Issue]) -> list[Problem]:
    return [
        Problem(
            code,
            params=params,
            file=str(doc.path),
            row=doc.line_of(location),
            field=".".join(str(part) for part in location) or None,
        )
        for location, code, params in issues
    ]


def _buyer_details(buyer: BuyerSpec | None, folder: Path) -> BuyerDetails:
    """The buyer's details beyond its name (none when ``buyer:`` is a plain name)."""
    if buyer is None:
        return BuyerDetails()
    lines = tuple(" ".join(line.split()) for line in (buyer.address or "").splitlines())
    return BuyerDetails(
        address=tuple(line for line in lines if line),
        signatory=buyer.signatory,
        signatory_title=buyer.signatory_title,
        place=buyer.place,
        reference=buyer.reference,
        sending=buyer.sending,
        platform=buyer.platform,
        letter_base=folder / buyer.letter_base if buyer.letter_base else None,
    )


def _schedule_lines(lines: list[LineSpec] | None) -> tuple[ScheduleLine, ...]:
    """The lines of a lot's DQE or DPGF, or of one of its PSE (a DPGF line: quantity 1)."""
    return tuple(
        ScheduleLine(line.id, line.label, line.unit, line.quantity or Decimal(1))
        for line in lines or ()
    )


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
            cap_ttc=lot.cap_ttc if lot.cap_ttc is not None else price_ttc(_given(lot.cap_ht), vat),
            criteria_set=lot.criteria,
            required_documents=document_ids(lot.required_documents),
            variants=lot.variants,
            variant_needs_base=lot.variant_needs_base,
            price_model=lot.price_model,
            lines=_schedule_lines(lot.lines),
            prevails=lot.prevails,
            pse=tuple(
                Pse(p.id, p.label.strip(), p.retained is True, _schedule_lines(p.lines))
                for p in lot.pse
            ),
        )
        for lot in sorted(lots.lots, key=lambda lot: lot.id)
    )
    consultation = Consultation(
        title=spec.title,
        buyer=spec.buyer.name if spec.buyer is not None else None,
        deadline=spec.deadline,
        vat_rate=vat,
        cap_basis=spec.cap_basis,
        required_documents=document_ids(spec.required_documents) or (),
        document_labels=(
            *document_labels(spec.required_documents),
            *(pair for lot in lots.lots for pair in document_labels(lot.required_documents)),
        ),
        offers=(lots_doc.path.parent / spec.offers) if spec.offers else None,
        abnormally_low=spec.abnormally_low.method,
        abnormally_low_ratio=spec.abnormally_low.ratio,
        max_lots_per_candidate=spec.max_lots_per_candidate,
        round_deadlines=tuple(sorted(((r.number, r.deadline) for r in spec.rounds), key=_first)),
        allocation_rule=(spec.allocation_rule or "").strip() or None,
        procedure=spec.procedure,
        sending_date=spec.sending_date,
        caps_include_pse=spec.caps_include_pse,
        numbers=spec.numbers,
        commission=_commission(spec.commission),
        buyer_details=_buyer_details(spec.buyer, lots_doc.path.parent),
    )
    return Config(
        consultation=consultation,
        lots=resolved_lots,
        total=criteria.total,
        default_set=_criteria_set(
            None, criteria.criteria, criteria.tie_break, criteria, criteria.sub_weights_announced
        ),
        lots_path=lots_doc.path,
        criteria_path=criteria_doc.path,
        lots_sha256=lots_doc.sha256,
        criteria_sha256=criteria_doc.sha256,
        marks_aggregate=criteria.marks_aggregate,
        marks_divergence=criteria.marks_divergence,
        ordering=criteria.ordering,
        named_sets=tuple(
            _criteria_set(
                name, named.criteria, named.tie_break, criteria, named.sub_weights_announced
            )
            for name, named in criteria.sets.items()
        ),
    )


def _criteria_set(
    name: str | None,
    criteria: list[CriterionSpec],
    tie_break: list[str],
    file: CriteriaFile,
    announced: bool,
) -> CriteriaSet:
    return CriteriaSet(
        name=name,
        criteria=tuple(_criterion(c, file, announced) for c in criteria),
        tie_break=tuple(tie_break),
    )


def _criterion(spec: CriterionSpec, file: CriteriaFile, announced: bool = False) -> Criterion:
    """A criterion of the tree; ``announced``: the set says its sub-weights are announced."""
    descriptors = None
    scale = spec.scale if spec.scale is not None else file.marks_scale
    if isinstance(scale, str):  # a descriptor scale: its highest mark is the criterion's scale
        descriptors = DescriptorScale(scale, tuple((file.scales[scale] or {}).items()))
        scale = descriptors.maximum
    return Criterion(
        id=spec.id,
        label=spec.label,
        short_label=spec.short_label,
        weight=spec.weight if spec.weight is not None else Decimal(0),  # none in a hierarchy
        scale=scale,
        price=(
            PriceRule(spec.price.formula, spec.price.basis, spec.price.k or Decimal(2))
            if spec.price is not None
            else None
        ),
        sub_criteria=tuple(_criterion(c, file, announced) for c in spec.sub_criteria or ()),
        descriptors=descriptors,
        min_points=spec.min_points,
        environmental=spec.environmental,
        sub_weights_announced=announced or spec.sub_weights_announced,
    )


def _given(value: Decimal | None) -> Decimal:
    assert value is not None  # check_lots refused a lot with neither cap
    return value


def _first(pair: tuple[int, object]) -> int:
    return pair[0]


def _commission(spec: CommissionSpec | None) -> Commission | None:
    """The commission of lots.yaml, its texts tidied (an empty text is no text)."""
    if spec is None:
        return None

    def tidy(text: str | None) -> str | None:
        return " ".join(text.split()) or None if text is not None else None

    members = tuple(Member(tidy(m.name) or m.name.strip(), tidy(m.role)) for m in spec.members)
    return Commission(tidy(spec.name), spec.meeting_date, tidy(spec.place), members)
