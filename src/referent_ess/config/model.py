"""The consultation as the rest of the tool uses it: small frozen objects, every lot's two caps
and every criterion's scale already known (:mod:`.loader` builds them from the two files).

A lot is evaluated on a :class:`CriteriaSet`: the default one (``criteria:`` of
``criteria.yaml``) or the named set the lot gives (``sets:``). A set's criteria form a tree:
a criterion with ``sub_criteria`` is not marked, its leaves are; its points are exactly the sum
of its children's, and its weight the sum of theirs (every weight is a share of the total).
Ask :meth:`Config.criteria_for` and :meth:`Config.documents_for`, never a set directly.

A marked criterion is marked from 0 to its ``scale``, or on a :class:`DescriptorScale` (words
that stand for marks: « Satisfaisant » for 3), whose highest mark is then its scale. Any
criterion of a weighted set may announce a threshold, ``min_points``: an offer with fewer points
on it is eliminated (the consultation rules' own rule)."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from referent_ess.base.normalise import word_key
from referent_ess.base.values import Numbers
from referent_ess.config.choices import (
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
from referent_ess.config.columns import ColumnKind, ColumnNames, Named

MAX_DEPTH = 3  # levels of a criteria tree: criteria, sub-criteria, and theirs


@dataclass(frozen=True)
class ScheduleLine:
    """A line of a lot's DQE (schedule: its quantity) or DPGF (no quantity: each offer states
    the line's amount, as a unit price of quantity 1)."""

    id: str
    label: str
    unit: str | None = None
    quantity: Decimal = Decimal(1)


@dataclass(frozen=True)
class Pse:
    """A PSE (prestation supplémentaire éventuelle) of a lot: an optional item each offer prices
    as a lump sum HT, or line by line in the prices sheet; the retained ones are added to the
    base price to compare the offers."""

    id: str
    label: str
    retained: bool
    # its lines, priced in the prices sheet like the lot's own (none: a lump sum in the offers
    # sheet's PSE column)
    lines: tuple[ScheduleLine, ...] = ()


@dataclass(frozen=True)
class Lot:
    id: int
    title: str
    cap_ht: Decimal
    cap_ttc: Decimal
    criteria_set: str | None = None  # the named set it is evaluated on; None: the default one
    required_documents: tuple[str, ...] | None = None  # None: the consultation's
    # None (not said): allowed, as in a procédure adaptée whose documents are silent (R2151-8)
    variants: Variants | None = None
    variant_needs_base: bool = True  # a variant needs its candidate's base offer on the lot
    # day rate HT × days (the default), or one amount HT per offer (``lump_sum``)
    price_model: PriceModel = PriceModel.DAY_RATE
    lines: tuple[ScheduleLine, ...] = ()  # a schedule's DQE or a DPGF's lines, in order
    prevails: Prevails = Prevails.UNIT_PRICE  # when a stated total differs from the lines'

    def line(self, line_id: str) -> ScheduleLine | None:
        return self._lines_by_id.get(line_id)

    @cached_property
    def _lines_by_id(self) -> dict[str, ScheduleLine]:
        return {line.id: line for line in self.lines}

    pse: tuple[Pse, ...] = ()  # its PSE, in the order listed

    @property
    def retained_pse(self) -> tuple[Pse, ...]:
        return tuple(p for p in self.pse if p.retained)

    def pse_by_id(self, pse_id: str) -> Pse | None:
        return next((p for p in self.pse if p.id == pse_id), None)

    @property
    def lump_sum_pse(self) -> tuple[Pse, ...]:
        """The PSE priced as a lump sum in the offers sheet (not by lines)."""
        return tuple(p for p in self.pse if not p.lines)

    @property
    def all_lines(self) -> tuple[ScheduleLine, ...]:
        """The lot's own lines, then its PSE's: every line the prices sheet may price."""
        return self.lines + tuple(line for p in self.pse for line in p.lines)


@dataclass(frozen=True)
class PriceRule:
    formula: PriceFormula
    basis: PriceBasis
    k: Decimal  # only used by the gap formula


@dataclass(frozen=True)
class DescriptorScale:
    """A named scale of ``criteria.yaml``'s ``scales``: words that stand for marks, in the order
    listed (« Très satisfaisant » 5, « Satisfaisant » 3…). No two words give the same mark and
    no two are the same word once case, accents, spaces and punctuation are set aside (the
    checks refuse both), so a word gives one mark and a mark has one word; its highest mark is
    the scale of the criteria marked on it."""

    name: str
    words: tuple[tuple[str, Decimal], ...]  # (word as written, its mark), in the order listed

    @cached_property
    def maximum(self) -> Decimal:
        return max(mark for _, mark in self.words)

    def mark_of(self, text: str) -> Decimal | None:
        """The mark of a word as typed (``tres satisfaisant``, ``TRÈS SATISFAISANT.``)."""
        return self._by_key.get(word_key(text))

    def word_for(self, mark: object) -> str | None:
        """The word of a mark, if it is exactly one of the scale's marks."""
        for word, value in self.words:
            if value == mark:
                return word
        return None

    @cached_property
    def marks(self) -> frozenset[Decimal]:
        return frozenset(mark for _, mark in self.words)

    @cached_property
    def _by_key(self) -> dict[str, Decimal]:
        return {word_key(word): mark for word, mark in self.words}


@dataclass(frozen=True)
class Criterion:
    """A criterion, or a node of a criteria tree. ``weight`` is its share of the total (in %),
    whatever its depth; a node's weight is the sum of its children's. ``min_points``, when the
    consultation rules announce one, is the threshold of points (of the total, like a weight)
    below which an offer is eliminated."""

    id: str
    label: str
    weight: Decimal
    scale: Decimal  # marks go from 0 to scale (unused by the price criterion and by a parent)
    price: PriceRule | None = None
    sub_criteria: tuple["Criterion", ...] = ()
    descriptors: DescriptorScale | None = None  # marked with words; scale is its maximum
    min_points: Decimal | None = None
    environmental: bool = False  # takes the offer's environmental characteristics into account
    sub_weights_announced: bool = False  # its sub-criteria's weights are in the consultation rules
    short_label: str | None = None  # the name table headers give it (criteria.yaml)

    @property
    def header(self) -> str:
        """The name of its column in a table: its ``short_label``, else its label (never its
        id: ids are the configuration's words, not the buyer's)."""
        return self.short_label or self.label

    @property
    def is_price(self) -> bool:
        return self.price is not None

    @property
    def is_leaf(self) -> bool:
        return not self.sub_criteria

    @property
    def is_marked(self) -> bool:
        """Marked by the jury: a leaf that is not the price criterion."""
        return not self.sub_criteria and self.price is None

    def walk(self) -> Iterator["Criterion"]:
        """This node, then every node below it, depth first, in the order listed."""
        yield self
        for child in self.sub_criteria:
            yield from child.walk()

    def leaves(self) -> tuple["Criterion", ...]:
        return tuple(node for node in self.walk() if node.is_leaf)

    def word_for(self, mark: object) -> str | None:
        """The word of a mark on a descriptor scale (None on a numeric scale, or for a mark that
        is none of the scale's: the mean of several evaluators' marks, say)."""
        return None if self.descriptors is None else self.descriptors.word_for(mark)


@dataclass(frozen=True)
class CriteriaSet:
    """The criteria one lot is evaluated on: the tree, and the tie-break (ids of any node)."""

    name: str | None  # None: the default set (criteria.yaml's top-level ``criteria:``)
    criteria: tuple[Criterion, ...]  # the top-level criteria, in order
    tie_break: tuple[str, ...] = ()

    @cached_property
    def nodes(self) -> tuple[Criterion, ...]:
        """Every criterion of the tree, each parent before its children, in the order listed."""
        return tuple(node for criterion in self.criteria for node in criterion.walk())

    @cached_property
    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(node for node in self.nodes if node.is_leaf)

    @cached_property
    def marked(self) -> tuple[Criterion, ...]:
        """The leaves the jury marks: every leaf but the price criterion."""
        return tuple(node for node in self.nodes if node.is_marked)

    @cached_property
    def thresholds(self) -> tuple[Criterion, ...]:
        """The criteria (at any depth) that announce a ``min_points``, parents before their
        children."""
        return tuple(node for node in self.nodes if node.min_points is not None)

    @cached_property
    def price_criterion(self) -> Criterion:
        return next(c for c in self.criteria if c.is_price)

    @property
    def is_flat(self) -> bool:
        """No criterion has sub-criteria."""
        return all(c.is_leaf for c in self.criteria)

    def node(self, criterion_id: str) -> Criterion | None:
        return self._by_id.get(criterion_id)

    def parent_of(self, criterion_id: str) -> Criterion | None:
        """The node right above ``criterion_id``; None for a top-level criterion."""
        return self._parents.get(criterion_id)

    def depth_of(self, criterion_id: str) -> int:
        """1 for a top-level criterion, 2 for a sub-criterion, and so on."""
        depth, parent = 1, self.parent_of(criterion_id)
        while parent is not None:
            depth, parent = depth + 1, self.parent_of(parent.id)
        return depth

    @cached_property
    def _by_id(self) -> dict[str, Criterion]:
        return {node.id: node for node in self.nodes}

    @cached_property
    def _parents(self) -> dict[str, Criterion]:
        return {child.id: node for node in self.nodes for child in node.sub_criteria}


@dataclass(frozen=True)
class Member:
    name: str
    role: str | None


@dataclass(frozen=True)
class Commission:
    """The board that examines the report, proposes the award and signs (``commission:``)."""

    name: str | None
    meeting_date: date | datetime | None
    place: str | None
    members: tuple[Member, ...]


@dataclass(frozen=True)
class BuyerDetails:
    """What the letters print of the buyer beyond its name (``buyer:`` as a mapping in
    ``lots.yaml``); every field may be missing, and the letters then leave its line out."""

    address: tuple[str, ...] = ()  # its lines
    signatory: str | None = None
    signatory_title: str | None = None
    place: str | None = None
    reference: str | None = None
    sending: Sending | None = None
    platform: str | None = None
    letter_base: Path | None = None  # resolved against lots.yaml's folder


@dataclass(frozen=True)
class Consultation:
    title: str
    buyer: str | None  # its name
    deadline: date | datetime | None
    vat_rate: Decimal
    cap_basis: CapBasis
    required_documents: tuple[str, ...]
    offers: Path | None  # the default workbook, already resolved against lots.yaml's folder
    abnormally_low: AbnormalMethod = AbnormalMethod.NONE
    abnormally_low_ratio: Decimal = Decimal("0.8")
    max_lots_per_candidate: int | None = None
    allocation_rule: str | None = None  # the rules' answer when a candidate would win too many
    # the deadline of each negotiation round after the first, by its number
    round_deadlines: tuple[tuple[int, date | datetime], ...] = ()
    # the name letters and reports give a required document (``{id, label}`` in lots.yaml)
    document_labels: tuple[tuple[str, str], ...] = ()
    procedure: Procedure = Procedure.ADAPTED
    sending_date: date | None = None  # the letters' date when None
    caps_include_pse: bool = True  # caps checked against base + retained PSE (else base only)
    numbers: Numbers | None = None  # how the offers write numbers as text: never guessed
    commission: Commission | None = None  # who signs the report, when and where they meet
    buyer_details: BuyerDetails = BuyerDetails()

    def deadline_of(self, round_number: int) -> date | datetime | None:
        """The deadline of an offer of that round: the consultation's for round 1, the round's
        own (if given) for a later one."""
        if round_number <= 1:
            return self.deadline
        return dict(self.round_deadlines).get(round_number)


@dataclass(frozen=True)
class Config:
    """Everything the two YAML files say, checked and resolved."""

    consultation: Consultation
    lots: tuple[Lot, ...]
    total: Decimal
    default_set: CriteriaSet  # criteria.yaml's top-level criteria and tie_break
    lots_path: Path
    criteria_path: Path
    lots_sha256: str
    criteria_sha256: str
    marks_aggregate: MarksAggregate = MarksAggregate.MEAN
    marks_divergence: Decimal | None = None  # None: 40 % of each criterion's scale
    ordering: Ordering = Ordering.WEIGHTED
    named_sets: tuple[CriteriaSet, ...] = ()  # criteria.yaml's ``sets``, in the order listed

    def lot(self, lot_id: int) -> Lot | None:
        return self._lots_by_id.get(lot_id)

    def price_model_for(self, lot_id: int | None) -> PriceModel | None:
        """How the offers of the lot state their price; None for an unknown lot or None."""
        lot = self._lots_by_id.get(lot_id) if lot_id is not None else None
        return None if lot is None else lot.price_model

    @cached_property
    def price_models(self) -> frozenset[PriceModel]:
        """The price models some lot uses."""
        return frozenset(lot.price_model for lot in self.lots)

    @cached_property
    def pse_columns(self) -> tuple[Pse, ...]:
        """The PSE some lot declares, each id once (as the first lot that declares it gives
        it): the PSE columns of the offers sheet."""
        seen: dict[str, Pse] = {}
        for lot in self.lots:
            for pse in lot.pse:
                seen.setdefault(pse.id, pse)
        return tuple(seen.values())

    @cached_property
    def lump_sum_pse_ids(self) -> frozenset[str]:
        """The PSE some lot prices as a lump sum: the columns the offers sheet must have (a PSE
        priced by lines in every lot that declares it is priced in the prices sheet)."""
        return frozenset(p.id for lot in self.lots for p in lot.lump_sum_pse)

    def criteria_for(self, lot_id: int | None) -> CriteriaSet:
        """The criteria the lot is evaluated on (the default set for an unknown lot or None)."""
        lot = self._lots_by_id.get(lot_id) if lot_id is not None else None
        if lot is None or lot.criteria_set is None:
            return self.default_set
        return self._sets_by_name[lot.criteria_set]

    def document_label(self, document: str) -> str:
        """The name a person reads for a required document: its label, else its id (the
        column of the offers workbook)."""
        return dict(self.consultation.document_labels).get(document, document)

    def documents_for(self, lot_id: int | None) -> tuple[str, ...]:
        """The documents an offer for the lot must hold (the consultation's, unless the lot
        gives its own list)."""
        lot = self._lots_by_id.get(lot_id) if lot_id is not None else None
        if lot is None or lot.required_documents is None:
            return self.consultation.required_documents
        return lot.required_documents

    @cached_property
    def sets_in_use(self) -> tuple[CriteriaSet, ...]:
        """The sets some lot is evaluated on: the default one first, then the named ones in
        the order listed."""
        names = {lot.criteria_set for lot in self.lots}
        every = (self.default_set, *self.named_sets)
        return tuple(s for s in every if s.name in names)

    @cached_property
    def uniform(self) -> bool:
        """Every lot shares one set of criteria and one list of documents."""
        return len(self.sets_in_use) == 1 and all(
            lot.required_documents is None
            or lot.required_documents == self.consultation.required_documents
            for lot in self.lots
        )

    @cached_property
    def mark_columns(self) -> tuple[Criterion, ...]:
        """The leaves some lot marks, each id once: the mark columns of the offers sheet, in
        the order of the sets in use (a leaf of two sets as the first one gives it)."""
        seen: dict[str, Criterion] = {}
        for criteria in self.sets_in_use:
            for leaf in criteria.marked:
                seen.setdefault(leaf.id, leaf)
        return tuple(seen.values())

    @cached_property
    def document_columns(self) -> tuple[str, ...]:
        """The documents some lot requires, each once: the consultation's list, then those
        only some lots give."""
        in_use = {d for lot in self.lots for d in self.documents_for(lot.id)}
        listed = (
            *self.consultation.required_documents,
            *(d for lot in self.lots for d in self.documents_for(lot.id)),
        )
        return tuple(d for d in dict.fromkeys(listed) if d in in_use)

    @cached_property
    def column_names(self) -> ColumnNames:
        """The headers of the documents' and marked criteria's columns (their labels, where
        usable) and what reads them (ids and labels)."""
        labels = dict(self.consultation.document_labels)
        named = [
            Named(ColumnKind.DOCUMENT, d, (labels[d],) if d in labels else ())
            for d in self.document_columns
        ]
        for criterion in self.mark_columns:
            names: dict[str, None] = {}
            for criteria in self.sets_in_use:
                leaf = criteria.node(criterion.id)
                if leaf is not None and leaf.is_marked:
                    names.update(dict.fromkeys(n for n in (leaf.short_label, leaf.label) if n))
            # the first set that marks it gives it first, as mark_columns does
            first = tuple(n for n in (criterion.short_label, criterion.label) if n)
            named.append(
                Named(ColumnKind.MARK, criterion.id, tuple(dict.fromkeys((*first, *names))))
            )
        return ColumnNames(named)

    def with_set(self, criteria: "CriteriaSet") -> "Config":
        """The same consultation with ``criteria`` in place of the set of the same name (what
        an analysis asks: the lot under other weights, or another price formula)."""
        if criteria.name is None:
            return replace(self, default_set=criteria)
        named = tuple(criteria if s.name == criteria.name else s for s in self.named_sets)
        return replace(self, named_sets=named)

    def lots_marking(self, criterion_id: str) -> tuple[int, ...]:
        """The ids of the lots whose set marks ``criterion_id``."""
        return tuple(
            lot.id
            for lot in self.lots
            if any(c.id == criterion_id for c in self.criteria_for(lot.id).marked)
        )

    @cached_property
    def _sets_by_name(self) -> dict[str | None, CriteriaSet]:
        return {s.name: s for s in (self.default_set, *self.named_sets)}

    @cached_property
    def _lots_by_id(self) -> dict[int, Lot]:
        return {lot.id: lot for lot in self.lots}
