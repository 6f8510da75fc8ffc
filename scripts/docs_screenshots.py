#!/usr/bin/env python3
"""Remake the screenshots of README (``docs/lettre-docx.png``, ``docs/rapport-docx.png``,
``docs/rapport-xlsx.png``) from the current sources and the ``examples/nettoyage-2026``
consultation.

Usage (from the repository's root, with its virtual environment)::

    .venv/bin/python scripts/docs_screenshots.py [--out docs]

A temporary copy of the example gets an « Adresse » column (fictional addresses, so that the
letter shows its recipient's block as a real one would); ``referent letters`` and ``referent
report`` write the Word letter of the second-ranked candidate of lot 3 (a rejection), the Word
report and the xlsx report; LibreOffice (``soffice --headless --convert-to pdf``) prints them
and ``pdftoppm`` rasterises one page of each (the xlsx report under an English locale, to
show that its money formats stay French): the letter's first page, the Word report's first
page, the xlsx report's lot 3 sheet (with its chart). The letters are dated the day the script
runs."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nettoyage-2026"
REJECTED = "Clair Horizon Propreté (SCOP)"  # lot 3, ranked second
STREETS = (
    "12 rue des Tanneurs",
    "4 allée des Peupliers",
    "27 boulevard de la Prairie",
    "8 impasse du Moulin",
    "15 quai des Chantiers",
    "3 place du Marché",
    "41 avenue des Acacias",
)


def with_addresses(folder: Path) -> None:
    """An « Adresse » column in the copy's offers workbook, one fictional address per row."""
    book = openpyxl.load_workbook(folder / "offres.xlsx")
    sheet = book.worksheets[0]
    column = sheet.max_column + 1
    sheet.cell(row=1, column=column, value="Adresse")
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value:
            street = STREETS[(row - 2) % len(STREETS)]
            sheet.cell(row=row, column=column, value=f"{street}\n44{row:03d} Rivebelle")
    book.save(folder / "offres.xlsx")


def referent(folder: Path, *arguments: str) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [sys.executable, "-m", "referent_ess", *arguments],
        cwd=folder,
        env=environment,
        check=True,
    )


def pdf(document: Path) -> Path:
    """``document`` printed by LibreOffice, next to it."""
    profile = document.parent / "lo-profile"  # its own profile: no clash with a running soffice
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(document.parent),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return document.with_suffix(".pdf")


def png(document: Path, page: int, dpi: int, target: Path) -> None:
    """Page ``page`` of ``document``'s PDF as ``target``."""
    stem = target.parent / f".{target.stem}-page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf(document)),
            str(stem),
        ],
        check=True,
    )
    Path(f"{stem}.png").replace(target)
    print(f"written: {target}")


def page_with(document: Path, text: str) -> int:
    """The first page of ``document``'s PDF whose text holds ``text``."""
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf(document)), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\f")
    return next(number for number, page in enumerate(pages, start=1) if text in page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    options = parser.parse_args()
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (LibreOffice, poppler-utils)")
    out = options.out.resolve()
    with tempfile.TemporaryDirectory(prefix="referent-docs-") as temporary:
        folder = Path(temporary) / "nettoyage-2026"
        shutil.copytree(EXAMPLE, folder)
        with_addresses(folder)
        referent(folder, "letters", "--out", "lettres", "--lot", "3", "--candidate", REJECTED)
        (letter,) = sorted((folder / "lettres").glob("*.docx"))
        png(letter, 1, 80, out / "lettre-docx.png")
        referent(folder, "report", "--out", "rapport.docx")
        png(folder / "rapport.docx", 1, 80, out / "rapport-docx.png")
        referent(folder, "report", "--out", "rapport.xlsx", "--lot", "3")
        # the xlsx report printed under an English locale: its formats must stay French
        os.environ["LANG"] = "en_US.UTF-8"
        page = page_with(folder / "rapport.xlsx", "Lot 3 — ")
        png(folder / "rapport.xlsx", page, 110, out / "rapport-xlsx.png")


if __name__ == "__main__":
    main()
