"""Text that goes into the offers workbook: what an .xlsx can hold, within Excel's limits."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell


def clean(text: str) -> str:
    """``text`` without the control characters an .xlsx file cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis showing the cut: Excel "repairs" (drops)
    a validation whose texts are too long."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def set_text(cell: Cell | MergedCell, text: str) -> None:
    """Text from the configuration stays text: openpyxl would store ``=…`` as a formula."""
    cell.value = clean(text)[:32767]
    if cell.data_type == "f":
        cell.data_type = "s"
