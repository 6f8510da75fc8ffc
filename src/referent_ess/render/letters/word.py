"""The letters as Word documents: the Markdown each letter is (its templates and paragraphs, the
one source of its content) read as blocks and written with python-docx, on the buyer's own
.docx when there is one (``--base``, or ``buyer.letter_base`` in ``lots.yaml``)."""

from pathlib import Path

from referent_ess.config.model import Consultation
from referent_ess.render.word.base import checked_base
from referent_ess.render.word.blocks import Heading, plain
from referent_ess.render.word.document import word_document
from referent_ess.render.word.from_markdown import blocks


def letters_as_docx(
    letters: dict[str, str], consultation: Consultation, base: Path | None = None
) -> dict[str, bytes]:
    """Each Markdown letter (``lot-3-x.md``) as a Word letter (``lot-3-x.docx``), on the
    buyer's ``base`` if given, checked once before any letter is written."""
    base_bytes = checked_base(base) if base is not None else None
    out: dict[str, bytes] = {}
    for name, text in letters.items():
        content = blocks(text)
        title = next((plain(b.runs) for b in content if isinstance(b, Heading)), name)
        out[name.removesuffix(".md") + ".docx"] = word_document(
            content, title=title, author=consultation.buyer, base=base_bytes
        )
    return out
