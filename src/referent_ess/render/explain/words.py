"""The typed values of an explanation's steps, written: in words in the run's language (through
the catalogue and :mod:`referent_ess.i18n.numbers`), or raw for the JSON's figures.

Nothing is decided here: which sentence, which clause and which figures were chosen when the
steps were built (:mod:`referent_ess.analysis.explain`); this module only writes them.
"""

from collections.abc import Mapping
from fractions import Fraction

from referent_ess import i18n
from referent_ess.analysis.explain.terms import (
    AbnormalNote,
    AwardNote,
    ExactMoney,
    FormulaName,
    Joiner,
    LegalBasis,
    Listed,
    LotWarningText,
    MaxPoints,
    Moment,
    Money,
    Notation,
    Ordinal,
    Percent,
    Phrase,
    Points,
    ProvisionalNote,
    Quantity,
    Rate,
    ReasonText,
    Sentence,
    Step,
    Value,
    WarningText,
)
from referent_ess.evaluation.results import Ground
from referent_ess.i18n import numbers, tr
from referent_ess.render import phrases


def step_text(step: Step) -> str:
    """One step as a sentence in the run's language."""
    return "".join(worded(value) for value in step.words)


def figures(step: Step) -> dict[str, str]:
    """One step's figures as data: the same strings in every language."""
    return {name: raw(value) for name, value in step.figures.items()}


def worded(value: Value) -> str:
    """A value as people read it in the run's language."""
    match value:
        case str():
            return value
        case int() | Fraction():  # a rank, a count, an exact value (750/49): no language
            return str(value)
        case Money(amount):
            return numbers.money(amount)
        case ExactMoney(amount):
            return numbers.exact_money(amount)
        case Quantity(count):
            return numbers.quantity(count)
        case Rate(rate):
            return numbers.exact_number(rate)
        case Percent(rate):
            # no-break space before % in French, as in the rest of this catalogue
            return tr("ex.percent", value=numbers.quantity(rate * 100))
        case Points(points):
            return numbers.number(points)
        case MaxPoints(points):
            return numbers.short(points)
        case Moment(moment):
            return numbers.when(moment)
        case Ordinal(position):
            return numbers.ordinal(position)
        case Phrase(key, params):
            return tr(key, **_worded(params))
        case Notation(template, params):
            return template.format(**_worded(params)) if params else template
        case Listed(items, joiner, distinct):
            texts = [worded(item) for item in items]
            return _joined(list(dict.fromkeys(texts)) if distinct else texts, joiner)
        case Sentence(inner):
            text = worded(inner)
            text = text[:1].upper() + text[1:]
            return text if text.endswith(".") else text + "."
        case FormulaName(formula):
            return phrases.formula_name(formula)
        case LegalBasis(ground):
            return _legal_basis(ground)
        case AwardNote(lot):
            note = phrases.award_note(lot)
            assert note is not None
            return note
        case ProvisionalNote(evaluation, lot):
            return phrases.provisional_note(evaluation, [lot])
        case AbnormalNote(evaluation):
            return phrases.abnormal_text(evaluation)
        case ReasonText(result, index):
            return list(phrases.excluded_reasons(result))[index]
        case WarningText(result, index):
            warning = result.warnings[index]
            return i18n.message(warning.code, warning.params)
        case LotWarningText(lot, index):
            warning = lot.warnings[index]
            return i18n.message(warning.code, warning.params)
    raise TypeError(f"not a value of an explanation: {value!r}")


def raw(value: Value) -> str:
    """A figure as data: what ``--format json`` holds, the same in every language."""
    match value:
        case str():
            return value
        case int() | Fraction():
            return str(value)
        case Money(amount):
            return numbers.money_raw(amount)
        case ExactMoney(exact) | Rate(exact):
            text = numbers.decimal_raw(exact)
            assert text is not None
            return text
        case Quantity(count):
            text = numbers.quantity_raw(count)
            assert text is not None
            return text
        case Points(points):
            return str(numbers.points(points))
        case Notation(template, params):
            return template.format(**{name: raw(item) for name, item in params.items()})
        case LegalBasis(ground):
            return _legal_basis(ground, "fr")  # the Code's words, as score's JSON holds them
    raise TypeError(f"not a figure: {value!r}")


def _legal_basis(ground: Ground, lang: str | None = None) -> str:
    text = phrases.legal_basis_of(ground, lang=lang)
    assert text is not None
    return text


def _worded(params: Mapping[str, Value]) -> dict[str, str]:
    return {name: worded(value) for name, value in params.items()}


def _joined(items: list[str], joiner: Joiner) -> str:
    if joiner is Joiner.SERIES:
        return numbers.listed(items)
    if joiner is Joiner.SEMICOLON:
        return tr("ex.semicolon").join(items)
    return {Joiner.NOTHING: "", Joiner.COMMA: ", ", Joiner.PLUS: " + "}[joiner].join(items)
