"""Text from the inputs made inert in Markdown: the one escaping of every Markdown the tool writes
(``score``/``rank``/``check-budget``/``validate --format markdown``, and the letters).

A candidate, a lot title or a criterion label is typed by someone else: in a document it must
read as typed, never as markup. ``<img src=x onerror=…>`` would be HTML, ``[x](javascript:…)``
a link, ``|`` a new table cell, a line break a new paragraph, ``# …`` or ``1. …`` at the start
of a line a heading or a list.
"""

import re

# `_` only at a word's edge: snake_case ids stay readable, `_emphasis_` stays inert; `&` only
# where it would start an entity (`&lt;` is `<`): "Dupont & Cie" stays as typed
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~]|&(?=#?[0-9A-Za-z]+;)|(?<!\w)_|_(?!\w))")
# what makes a line a list item: `- x`, `+ x`, `1. x`, `1) x` (never `-600.00` nor `1.5`)
_LIST_ITEM = re.compile(r"^(?:(?P<bullet>[-+])|[0-9]{1,9}(?P<number>[.)]))(?= |$)")
# what makes a line a rule, or the underline of a heading: `---`, `===`, `- - -`
_RULE = re.compile(r"[-= ]+")


def md(text: str) -> str:
    """``text`` inert in Markdown, on one line: every character that could start markup is
    escaped with a backslash (which Markdown then hides), and every run of white space, line
    breaks included, is one space."""
    line = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    item = _LIST_ITEM.match(line)
    if item:
        marker = item.start("bullet") if item.group("bullet") else item.start("number")
    elif _RULE.fullmatch(line):
        marker = 0
    else:
        return line
    return line[:marker] + "\\" + line[marker:]
