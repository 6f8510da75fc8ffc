"""The Markdown of a letter read as Word blocks: markup becomes look, escapes become text."""

from referent_ess.render.markdown_text import md
from referent_ess.render.word.blocks import Bullets, Heading, Look, Paragraph, Run, Table
from referent_ess.render.word.from_markdown import blocks, inline


def test_escaped_text_reads_as_typed() -> None:
    for typed in ["**pas gras**", "a | b", "# titre", "- tiret", "x_y_", "\\chemin", "1. Un"]:
        assert inline(md(typed)) == (Run(typed),)


def test_bold_and_italic() -> None:
    assert inline("Statut : **admissible** et *italique*.") == (
        Run("Statut : "),
        Run("admissible", bold=True),
        Run(" et "),
        Run("italique", italic=True),
        Run("."),
    )


def test_every_kind_of_block() -> None:
    text = (
        "# Titre\n\n## Partie\n\nUne ligne\nqui continue.\n\n"
        "> **Beta**\\\n> 3 allée\\\n> \\\n> Angers\n\n"
        "- un ;\n- deux.\n\n"
        "| Critère | Points |\n|---|---:|\n| Prix \\| coût | 20,00 |\n"
    )
    assert blocks(text) == [
        Heading(1, (Run("Titre"),)),
        Heading(2, (Run("Partie"),)),
        Paragraph((Run("Une ligne qui continue."),)),
        Paragraph(
            (
                Run("Beta", bold=True, line_break=True),
                Run("3 allée", line_break=True),
                Run("", line_break=True),
                Run("Angers"),
            ),
            Look.ADDRESS,
        ),
        Bullets(((Run("un ;"),), (Run("deux."),))),
        Table(
            header=((Run("Critère"),), (Run("Points"),)),
            rows=(((Run("Prix | coût"),), (Run("20,00"),)),),
            numeric=frozenset({1}),
        ),
    ]
