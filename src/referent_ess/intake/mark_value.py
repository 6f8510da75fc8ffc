"""Reading one mark cell: a number from 0 to the criterion's scale, or, for a criterion marked on
a descriptor scale, one of its words (matched ignoring case, accents, surrounding spaces and
punctuation: ``tres satisfaisant``, ``TRÈS SATISFAISANT.``) or exactly one of its marks.

The offers sheet (a column per criterion) and the marks sheet (a row per mark) read marks
alike."""

import json
from collections.abc import Callable
from decimal import Decimal

from referent_ess.base.values import BadValue, parse_number
from referent_ess.config.model import DescriptorScale

MarkParser = Callable[[object], Decimal]


def mark_parser(scale: Decimal, descriptors: DescriptorScale | None) -> MarkParser:
    """What reads a mark cell of a criterion on ``scale`` (or on ``descriptors``); it raises
    :class:`BadValue` with the cell's problem."""
    if descriptors is None:

        def parse_mark(value: object) -> Decimal:
            mark = parse_number(value, examples="mark")
            if not 0 <= mark <= scale:
                params = (("found_num", str(mark)), ("scale_num", str(scale)))
                raise BadValue("mark-out-of-range", params)
            return mark

        return parse_mark
    return _word_parser(descriptors)


def _word_parser(descriptors: DescriptorScale) -> MarkParser:
    listed = json.dumps(
        [[word, format(mark.normalize(), "f")] for word, mark in descriptors.words],
        ensure_ascii=False,
    )
    marks = {mark: mark for mark in descriptors.marks}  # 3.0 typed is the scale's own 3

    def parse_word(value: object) -> Decimal:
        if isinstance(value, str):
            mark = descriptors.mark_of(value)
            if mark is not None:
                return mark
            try:
                number = parse_number(value, examples="mark")
            except BadValue:
                params = (("form", "word"), ("found", repr(value)), ("scale_words", listed))
                raise BadValue("unknown-mark-word", params) from None
        else:
            number = parse_number(value, examples="mark")  # a boolean, an error: said as such
        found = marks.get(number)
        if found is None:
            params = (("form", "number"), ("found_num", str(number)), ("scale_words", listed))
            raise BadValue("unknown-mark-word", params)
        return found

    return parse_word
