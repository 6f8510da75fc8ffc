"""What ``lots.yaml`` and ``criteria.yaml`` may contain: pydantic models, every key checked and
unknown keys refused. A value that cannot be read raises :class:`BadValue`, whose code and
figures the loader keeps (:mod:`.loader`), so that it is worded like a cell of the workbook.

Every number has bounds, so that an absurd one is refused as too large rather than read: amounts
below 10¹² and to the cent, rates and ratios below 1, weights up to 100, any other number (lot
ids, points, marks) up to :data:`LARGEST_SETTING`; none but an amount has more than
:data:`MAX_DECIMALS` decimals (a weight of 10⁻¹⁰⁰⁰⁰⁰⁰ would make exact fractions of a million
digits), and a number of more than :data:`HUGE_DIGITS` digits is refused before any check.
"""

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    TypeAdapter,
)

from referent_ess.base.exact import CENT
from referent_ess.base.values import BadValue, Numbers, parse_number
from referent_ess.config.choices import (
    PROCEDURE_ALIASES,
    AbnormalMethod,
    CapBasis,
    MarksAggregate,
    Ordering,
    Prevails,
    PriceBasis,
    PriceFormula,
    PriceModel,
    Procedure,
    Sending,
    Variants,
)

LARGEST_SETTING = 1_000_000  # lot ids, points, marks, k: beyond, surely a typing error
MAX_DECIMALS = 6  # of a rate, a weight, points or marks (amounts: 2)
HUGE_DIGITS = 20  # a number this long is no setting at all, whichever the key


def is_huge(value: object) -> bool:
    """A number of more than :data:`HUGE_DIGITS` digits before its decimal point (checked
    without converting it to text: Python refuses to write an integer of 4300 digits)."""
    if isinstance(value, Decimal):
        # its exponent, not abs(): abs() of 1E+1000000 overflows the decimal context
        return value.is_finite() and not value.is_zero() and value.adjusted() >= HUGE_DIGITS
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) >= 10**HUGE_DIGITS
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**HUGE_DIGITS


def _huge_number() -> BadValue:
    return BadValue("invalid-value", (("form", "huge-number"), ("digits", str(HUGE_DIGITS))))


def _exact_decimal(value: Any) -> Any:
    """Money and weights as exact decimals; a YAML float 10000.10 gives the same as '10000.10'."""
    if isinstance(value, bool) or value is None:
        return value  # let pydantic say "expected a number"
    if is_huge(value):
        raise _huge_number()
    if isinstance(value, int | float | str | Decimal):
        return parse_number(value)  # a BadValue keeps its code and figures (see the loader)
    return value


def _whole_number(value: Any) -> Any:
    """A lot id or a count: an integer (pydantic checks it strictly), never a huge one."""
    if is_huge(value):
        raise _huge_number()
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
                params = (("form", "deadline-text"), ("found", repr(value)))
                raise BadValue("invalid-value", params) from None
    if is_huge(value):
        raise BadValue("invalid-value", (("form", "deadline-huge"), ("digits", str(HUGE_DIGITS))))
    if value is not None and not isinstance(value, date):
        raise BadValue("invalid-value", (("form", "deadline-type"), ("found", shown(value))))
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise BadValue("invalid-value", (("form", "deadline-zone"), ("found", value.isoformat())))
    return value


def _procedure(value: Any) -> Any:
    """A procedure as a buyer types it: « Appel d'offres ouvert », ``appel-offres-ouvert``,
    ``procédure adaptée``, ``MAPA``… (accents, case, spaces and apostrophes set aside); anything
    else is left to pydantic, which lists the accepted values."""
    if not isinstance(value, str):
        return value
    slug = unicodedata.normalize("NFKD", value.strip().lower())
    slug = "".join(c for c in slug if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", slug).strip("-")
    slug = re.sub(r"-(?:d|de|des|du)(?=-)", "", slug)  # appel-d-offres: appel-offres
    return PROCEDURE_ALIASES.get(slug, value)


def _to_the_cent(value: Decimal) -> Decimal:
    if value != value.quantize(CENT):
        params = (("form", "yaml"), ("found_num", str(value)), ("what_part", "amount.amount"))
        raise BadValue("too-many-decimals", params)
    return value


def shown(value: object) -> str:
    """A value as the file holds it: ``'net'`` for a text, ``1.5`` for a number of any kind."""
    if isinstance(value, Decimal) and value.is_finite() and -30 < value.adjusted() < 30:
        return f"{value:f}"  # 0.0000001 as written, not 1E-7
    if isinstance(value, Decimal | float):
        return str(value)
    return repr(value)


ExactDecimal = Annotated[Decimal, BeforeValidator(_exact_decimal)]
Money = Annotated[ExactDecimal, Field(gt=0, lt=10**12), AfterValidator(_to_the_cent)]
# a rate, a weight, points or marks: at most MAX_DECIMALS decimals
Figure = Annotated[ExactDecimal, Field(decimal_places=MAX_DECIMALS)]
Count = Annotated[int, Field(strict=True, gt=0, le=LARGEST_SETTING), BeforeValidator(_whole_number)]
IDENTIFIER_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*$"
Identifier = Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN)]


NumericScale = Annotated[Figure, Field(gt=0, le=LARGEST_SETTING)]
_NUMERIC_SCALE: TypeAdapter[Decimal] = TypeAdapter(NumericScale)
# a word's mark on a descriptor scale; a negative one is refused by the checks, with its word
DescriptorMark = Annotated[Figure, Field(le=LARGEST_SETTING)]
ScaleWords = dict[str, DescriptorMark]


def _scale(value: Any) -> Any:
    """A criterion's ``scale``: the name of a descriptor scale of ``scales`` (a text that starts
    with a letter: ``appreciation``), else a number (marks go from 0 to it), checked as any
    figure (its errors are pydantic's, at this key)."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip()[:1].isalpha():
        return value.strip()
    return _NUMERIC_SCALE.validate_python(value)


class Spec(BaseModel):
    """A part of a file: frozen, and no key it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentSpec(Spec):
    """A required document with the name letters and reports give it: ``{id, label}`` (the id
    is its column in the offers workbook)."""

    id: Identifier
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# the branches of a required document, named in pydantic's error locations (the loader leaves
# them out, so that a problem is located at the key as the file writes it)
UNION_TAGS = frozenset({"document-id", "document-with-label"})


def _document_branch(value: Any) -> str:
    return "document-with-label" if isinstance(value, dict | DocumentSpec) else "document-id"


RequiredDocument = Annotated[
    Annotated[Identifier, Tag("document-id")] | Annotated[DocumentSpec, Tag("document-with-label")],
    Discriminator(_document_branch),
]


def document_ids(items: tuple[RequiredDocument, ...] | None) -> tuple[str, ...] | None:
    """The ids of a list of required documents (None for no list)."""
    if items is None:
        return None
    return tuple(item if isinstance(item, str) else item.id for item in items)


def document_labels(items: tuple[RequiredDocument, ...] | None) -> tuple[tuple[str, str], ...]:
    """The (id, label) of the documents that have a label."""
    return tuple((item.id, item.label) for item in items or () if isinstance(item, DocumentSpec))


def _line_id(value: Any) -> Any:
    """A line id as written (``1.10``, ``A2``): YAML reads ``1.10`` as a number, kept as its
    text (exact: the reader keeps numbers as decimals)."""
    if isinstance(value, bool) or value is None:
        return value
    if is_huge(value):
        raise _huge_number()
    if isinstance(value, int | Decimal):
        return shown(value)
    if isinstance(value, float):
        return str(value)
    return value.strip() if isinstance(value, str) else value


LineId = Annotated[str, BeforeValidator(_line_id), StringConstraints(min_length=1, max_length=40)]
LARGEST_QUANTITY = 10**9  # a DQE's quantity: beyond, surely a typing error


class LineSpec(Spec):
    """A line of a lot's DQE (``price_model: schedule``: with its quantity) or of its DPGF
    (``price_model: dpgf``: without one, each offer states the line's amount)."""

    id: LineId
    label: str
    unit: str | None = None
    quantity: Annotated[Figure, Field(gt=0, le=LARGEST_QUANTITY)] | None = None


MAX_PSE = 20  # PSE of one lot: beyond, surely not what a consultation asks


class PseSpec(Spec):
    """A PSE (prestation supplémentaire éventuelle) of a lot: each offer prices it as a lump sum
    HT, or by its ``lines`` in the prices sheet (schedule or DPGF lot); ``retained`` has no
    default, since the buyer must decide before ranking."""

    id: Identifier
    label: str
    retained: bool | None = None  # not said: an error of the checks that says why (pse-undecided)
    # priced by lines in the prices sheet (a schedule or DPGF lot only), not as a lump sum
    lines: list[LineSpec] | None = None


class LotSpec(Spec):
    id: Count
    title: str
    cap_ht: Money | None = None
    cap_ttc: Money | None = None
    criteria: Identifier | None = None  # a named set of criteria.yaml's ``sets``
    required_documents: tuple[RequiredDocument, ...] | None = None  # replaces the consultation's
    # not said: allowed, as in a procédure adaptée whose documents are silent (art. R2151-8)
    variants: Variants | None = None
    variant_needs_base: bool = True  # a variant comes with its candidate's base offer
    price_model: PriceModel = PriceModel.DAY_RATE  # how its offers state their price
    # the lines of a schedule (DQE) or DPGF lot, in the order of the bordereau
    lines: list[LineSpec] | None = None
    # what prevails when a stated total differs from the one the lines make
    prevails: Prevails = Prevails.UNIT_PRICE
    pse: Annotated[tuple[PseSpec, ...], Field(max_length=MAX_PSE)] = ()


class AbnormalSpec(Spec):
    method: AbnormalMethod = AbnormalMethod.NONE
    ratio: Annotated[Figure, Field(gt=0, lt=1)] = Decimal("0.8")  # mean-ratio only


class RoundSpec(Spec):
    """A negotiation round after the first and the deadline of its offers (round 1's is the
    consultation's ``deadline``)."""

    number: Annotated[
        int, Field(strict=True, ge=2, le=LARGEST_SETTING), BeforeValidator(_whole_number)
    ]
    deadline: Annotated[date | datetime, BeforeValidator(_deadline)]


class MemberSpec(Spec):
    """A member of the commission that meets on the offers (``commission.members``)."""

    name: Annotated[str, Field(min_length=1)]
    role: str | None = None  # présidente, membre, rapporteur…


class CommissionSpec(Spec):
    """The commission (or jury) that examines the report and proposes the award: who it is,
    where and when it meets. Not the jury's decisions on offers, which the offers sheet holds."""

    name: str | None = None  # « Commission d'appel d'offres »; « La commission » when not said
    meeting_date: Annotated[date | datetime | None, BeforeValidator(_deadline)] = None
    place: str | None = None
    members: tuple[MemberSpec, ...] = ()


class BuyerSpec(Spec):
    """The buyer's details the letters print (``buyer:`` may also be its name alone)."""

    name: str
    address: str | None = None  # several lines: a YAML block (``|``)
    signatory: str | None = None
    signatory_title: str | None = None
    place: str | None = None  # « Fait à <place>, le <date> »
    reference: str | None = None  # « Réf. : … »
    sending: Sending | None = None
    platform: str | None = None  # the platform of an electronic sending (« via PLACE »)
    letter_base: str | None = None  # a .docx whose letterhead, styles, header, footer are kept


def _buyer_name(value: Any) -> Any:
    """``buyer: Les Ecossolies`` is ``buyer: {name: Les Ecossolies}``."""
    return {"name": value} if isinstance(value, str) else value


class ConsultationSpec(Spec):
    title: str
    buyer: Annotated[BuyerSpec | None, BeforeValidator(_buyer_name)] = None
    deadline: Annotated[date | datetime | None, BeforeValidator(_deadline)] = None
    vat_rate: Annotated[Figure, Field(ge=0, lt=1)] = Decimal("0.20")
    cap_basis: CapBasis = CapBasis.HT
    required_documents: tuple[RequiredDocument, ...] = ()
    offers: str | None = None
    abnormally_low: AbnormalSpec = AbnormalSpec()
    max_lots_per_candidate: Count | None = None
    # whether a lot's caps are checked against its base price plus the retained PSE (the
    # amount of the contract if every retained PSE is ordered), or against the base price only
    caps_include_pse: bool = True
    rounds: tuple[RoundSpec, ...] = ()  # the deadlines of the negotiation rounds after the first
    # how the consultation rules choose the lots a candidate keeps beyond the maximum (R2113-1)
    allocation_rule: str | None = None
    # the kind of procedure: what the letters say depends on it (README, « procedure »)
    procedure: Annotated[Procedure, BeforeValidator(_procedure)] = Procedure.ADAPTED
    # when and how the letters are sent: the standstill date of R2182-1 is counted from it
    sending_date: Annotated[date | None, BeforeValidator(_deadline)] = None
    # how the offers write numbers typed as text (7 800,00 or 7,800.00); never guessed
    numbers: Numbers | None = None
    commission: CommissionSpec | None = None  # the board that signs the report


class LotsFile(Spec):
    consultation: ConsultationSpec
    lots: Annotated[list[LotSpec], Field(min_length=1)]


class PriceSpec(Spec):
    formula: PriceFormula
    # TTC by default: the amounts the DAJ's fiche on price scoring (2024) says to compare
    basis: PriceBasis = PriceBasis.TTC
    k: Annotated[Figure, Field(gt=1, le=LARGEST_SETTING)] | None = None


class CriterionSpec(Spec):
    """A criterion, or a node of a criteria tree: its ``sub_criteria`` (weights in the same unit
    as the top-level ones, adding up to its own) are marked instead of it."""

    id: Identifier
    label: str
    short_label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = (
        None
    )
    weight: Annotated[Figure, Field(gt=0, le=100)] | None = None
    # a number: marks from 0 to it; a name: a descriptor scale of ``scales``
    scale: Annotated[Decimal | str | None, PlainValidator(_scale)] = None
    price: PriceSpec | None = None
    sub_criteria: Annotated[list["CriterionSpec"], Field(min_length=1)] | None = None
    # the consultation rules' eliminatory threshold, in points of the total
    min_points: Annotated[Figure, Field(gt=0, le=LARGEST_SETTING)] | None = None
    # takes the offer's environmental characteristics into account (art. L2152-7)
    environmental: bool = False
    # the weights of its sub-criteria are announced in the consultation rules
    sub_weights_announced: bool = False


class CriteriaSetSpec(Spec):
    """A named set of criteria (``sets:``): a lot that names it is evaluated on it."""

    criteria: Annotated[list[CriterionSpec], Field(min_length=1)]
    tie_break: list[Identifier] = []
    sub_weights_announced: bool = False  # of every criterion of the set


class CriteriaFile(Spec):
    total: Annotated[Figure, Field(gt=0, le=LARGEST_SETTING)] = Decimal(100)
    marks_scale: Annotated[Figure, Field(gt=0, le=LARGEST_SETTING)] = Decimal(5)
    marks_aggregate: MarksAggregate = MarksAggregate.MEAN
    marks_divergence: Annotated[Figure, Field(ge=0, le=LARGEST_SETTING)] | None = None
    ordering: Ordering = Ordering.WEIGHTED
    criteria: Annotated[list[CriterionSpec], Field(min_length=1)]
    tie_break: list[Identifier] = []
    sub_weights_announced: bool = False  # of every criterion of the default set
    sets: dict[Identifier, CriteriaSetSpec] = {}
    # descriptor scales: name → {word: mark}; a criterion names one as its ``scale``
    scales: dict[Identifier, ScaleWords | None] = {}


_NESTED_SPECS: dict[type[Spec], tuple[type[Spec], ...]] = {
    LotsFile: (LotsFile, ConsultationSpec, LotSpec, AbnormalSpec, BuyerSpec, LineSpec, PseSpec),
    CriteriaFile: (CriteriaFile, CriteriaSetSpec, CriterionSpec, PriceSpec),
}


def known_keys(model: type[Spec]) -> set[str]:
    """Every key a file may hold at any depth: the candidates for a "did you mean" hint."""
    return {key for spec in _NESTED_SPECS[model] for key in spec.model_fields}
