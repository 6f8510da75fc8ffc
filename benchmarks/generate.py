"""A seeded generator of realistic offers workbooks, with their configuration, for benchmarks.

``python benchmarks/generate.py ROWS LOTS FOLDER`` writes ``FOLDER/lots.yaml``,
``FOLDER/criteria.yaml`` and ``FOLDER/offers.xlsx``: ROWS offers spread over LOTS lots, with
French headers, day rates and days, VAT rates (some exempt), documents and marks, a few late or
incomplete offers, so that every part of the evaluation works as on real data. The same
arguments always give the same workbook.
"""

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

HEADER = [
    "Candidat",
    "N° lot",
    "Coût journalier HT",
    "Nombre de jours",
    "Taux TVA",
    "Date de réception",
    "note_contexte",
    "chantiers",
    "presentation_cv",
    "proposition_financiere",
    "context",
    "technical",
    "competence",
]


def write(rows: int, lots: int, folder: Path, seed: int = 2018) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    draw = random.Random(seed)
    lots_yaml = [
        "consultation:",
        "  title: Benchmark",
        "  deadline: 2018-03-23",
        "  vat_rate: 0.20",
        "  cap_basis: ttc",
        "  required_documents: [note_contexte, chantiers, presentation_cv, proposition_financiere]",
        "  offers: offers.xlsx",
        "  abnormally_low: {method: mean-ratio, ratio: 0.8}",
        "lots:",
    ]
    for lot in range(1, lots + 1):
        lots_yaml += [f"  - id: {lot}", f"    title: Lot {lot}", "    cap_ttc: 30000"]
    (folder / "lots.yaml").write_text("\n".join(lots_yaml) + "\n", encoding="utf-8")
    criteria = Path(__file__).resolve().parents[1] / "criteria.yaml"
    (folder / "criteria.yaml").write_text(criteria.read_text(encoding="utf-8"), encoding="utf-8")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("offers")
    sheet.append(HEADER)
    deadline = date(2018, 3, 23)
    for row in range(rows):
        lot = row % lots + 1
        late = draw.random() < 0.01
        received = deadline + timedelta(days=draw.randint(1, 3) if late else -draw.randint(0, 20))
        documents = ["non" if draw.random() < 0.01 else "oui" for _ in range(4)]
        marks = [draw.randint(0, 10) / 2 for _ in range(3)]
        sheet.append(
            [
                f"Structure {row:06d}",
                lot,
                draw.randint(35000, 70000) / 100,
                draw.randint(10, 40) / 2,
                "exonéré" if draw.random() < 0.2 else 0.2,
                received,
                *documents,
                *marks,
            ]
        )
    book.save(folder / "offers.xlsx")


def write_wide(folder: Path, cells: int = 20_000, rows: int = 20) -> tuple[Path, Path]:
    """``FOLDER/wide.csv``: ``rows`` offers of which the first has ``cells`` more cells right
    of the header (the hostile row of issue 12), and ``FOLDER/narrow.csv``, the same offers
    without them; with ``lots.yaml`` and ``criteria.yaml`` for both. Seeded like :func:`write`.
    """
    write(rows, 2, folder)
    book = load_workbook(folder / "offers.xlsx", read_only=True)
    table = [
        ["" if value is None else str(value) for value in row]
        for row in book["offers"].iter_rows(values_only=True)
    ]
    book.close()
    paths = []
    for name, extra in (("narrow.csv", 0), ("wide.csv", cells)):
        lines = [";".join(row + (["x"] * extra if number == 1 else [])) for number, row in
                 enumerate(table)]  # fmt: skip
        path = folder / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


if __name__ == "__main__":
    write(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
