"""Text that goes into the offers workbook: what an .xlsx can hold, within Excel's limits."""

from openpyxl.cell.cell import Cell, MergedCell

from referent_ess.base.writable import writable


def clean(text: str) -> str:
    """``text`` with every character an .xlsx file cannot hold replaced by U+FFFD."""
    return writable(text)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis showing the cut: Excel "repairs" (drops)
    a validation whose texts are too long."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def set_text(cell: Cell | MergedCell, text: str) -> None:
    """Text from the configuration stays text: openpyxl would store ``=…`` as a formula."""
    cell.value = clean(text)[:32767]
    if cell.data_type == "f":
        cell.data_type = "s"
