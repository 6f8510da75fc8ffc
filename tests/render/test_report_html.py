"""The HTML offer-analysis report: content, self-containment, escaping, and a real browser.

The pure tests read the HTML as text. The browser test renders it in headless Chromium (Debian's
``chromium`` package, driven through its command line: no Python dependency) and is skipped when
no browser is installed.

Expected winners are written by hand from ``tests/test_example_known_answers.py``.
"""

import html
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from referent_ess import api, i18n
from referent_ess.evaluation.results import Evaluation
from referent_ess.render.html.report import build_report_html
from referent_ess.render.run_info import RunInfo, run_info

ROOT = Path(__file__).resolve().parents[2]
RUN_AT = datetime(2025, 11, 28, 17, 35)
ARGV = ["referent", "report", "--out", "rapport.html"]

# lot -> (winner, total, price HT, price TTC), French formats (narrow no-break space in amounts)
WINNERS: dict[int, tuple[str, str, str, str]] = {
    # compared TTC (criteria.yaml): the VAT-exempt association, 81 against 63 + 210/13 = 79.15
    1: ("Association Trame Solidaire", "81,00", "7\u202f560,00\u00a0€", "7\u202f560,00\u00a0€"),
    2: ("SCIC Nourrir l'Estuaire", "83,77", "8\u202f100,00\u00a0€", "9\u202f720,00\u00a0€"),
    3: (
        "Les Bâtisseurs Solidaires (SCOP)",
        "88,31",
        "11\u202f760,00\u00a0€",
        "14\u202f112,00\u00a0€",
    ),
    4: (
        "Les Bâtisseurs Solidaires (SCOP)",
        "80,18",
        "11\u202f880,00\u00a0€",
        "14\u202f256,00\u00a0€",
    ),
}

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return api.score(ROOT / "lots.yaml", ROOT / "criteria.yaml")


@pytest.fixture(scope="module")
def report(example: Evaluation) -> str:
    return build_report_html(example, run_info(example, RUN_AT, ARGV))


def _text(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed, entities decoded."""

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    collector = Collect()
    collector.feed(fragment)
    # only ASCII whitespace: the no-break spaces of French amounts and dates are kept
    return re.sub(r"[ \t\r\n]+", " ", " ".join(collector.parts)).strip()


def _winner_rows(document: str) -> list[str]:
    """The visible text of every highlighted winner row."""
    rows = re.findall(r'<tr class="winner">(.*?)</tr>', document, flags=re.DOTALL)
    return [_text(row) for row in rows]


def _lot_section(document: str, lot_id: int) -> str:
    match = re.search(
        rf'<section class="lot" id="lot-{lot_id}".*?</section>', document, flags=re.DOTALL
    )
    assert match is not None, f"no section for lot {lot_id}"
    return match.group(0)


# ---- pure tests -------------------------------------------------------------------------------


def test_french_self_contained_document(report: str) -> None:
    assert report.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert '<meta charset="utf-8">' in report
    assert "Rapport d'analyse des offres" in report
    assert "@page" in report
    assert "size: A4" in report
    assert "margin: 15mm" in report


@pytest.mark.parametrize("lot_id", sorted(WINNERS))
def test_winner_row_of_each_lot(report: str, lot_id: int) -> None:
    candidate, total, price_ht, price_ttc = WINNERS[lot_id]
    (row,) = _winner_rows(_lot_section(report, lot_id))
    assert row.startswith(f"1 {candidate} attributaire pressenti {price_ht} {price_ttc}")
    assert f" {total} " in f" {row} "


def test_summary_names_each_winner_with_total_and_price(report: str) -> None:
    match = re.search(r'<table class="summary-table">.*?</table>', report, flags=re.DOTALL)
    assert match is not None
    rows = re.findall(r"<tr[^>]*>.*?</tr>", match.group(0), flags=re.DOTALL)[1:]
    assert len(rows) == len(WINNERS)
    for row, (candidate, total, price_ht, price_ttc) in zip(rows, WINNERS.values(), strict=True):
        text = _text(row)
        assert f"{candidate} {total} {price_ht} HT {price_ttc} TTC" in text


def test_lot_3_ranking_tie_and_comments(report: str) -> None:
    section = _lot_section(report, 3)
    text = _text(section)
    order = [
        "Les Bâtisseurs Solidaires (SCOP)",
        "Atelier Matières Vives (SCIC)",
        "Échelle Habitat (SCOP)",
        "Habiter Autrement 44",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    assert "Égalité exacte à 81,00 points entre Atelier Matières Vives (SCIC) et" in text
    assert "(20,00 ; 18,00)" in text
    assert "Pmin = 10\u202f800,00\u00a0€" in text  # 9000.00 HT × 1.2, the lowest TTC
    # the jury's comment beside the points it justifies
    assert "30,00 / 30 Excellente connaissance des acteurs de l'habitat nantais" in text


def test_offers_not_ranked_with_french_status_and_legal_basis(report: str) -> None:
    lot_4 = _text(_lot_section(report, 4))
    # no spreadsheet row in the table a board reads: it is in the audit part
    assert "Second Souffle Conseil irrégulière" in lot_4
    assert "Ligne" not in lot_4
    assert "pièce exigée manquante : présentation et CV de l'intervenant (cellule J5)" in lot_4
    assert "art. L2152-2" in lot_4
    assert "Recyclerie Coopérative de l'Ouest (SCIC) inacceptable" in lot_4
    assert "prix TTC de 15\u202f600,00\u00a0€ supérieur au montant maximum TTC" in lot_4
    assert "de 600,00\u00a0€" in lot_4
    assert "art. L2152-3" in lot_4
    lot_1 = _text(_lot_section(report, 1))
    assert "Parenthèse Familles Conseil hors délai" in lot_1
    assert "reçue le 26\u00a0mars\u00a02018, après la date limite" in lot_1
    assert "art. R2143-2 et R2151-5" in lot_1


def test_no_network_no_script(report: str) -> None:
    assert "<script" not in report.lower()
    assert "http://" not in report
    assert "https://" not in report
    assert "@import" not in report
    assert "url(" not in report
    assert not re.search(r"\ssrc\s*=", report, flags=re.IGNORECASE)
    hrefs = re.findall(r'\shref\s*=\s*"([^"]*)"', report, flags=re.IGNORECASE)
    assert hrefs
    assert all(href.startswith("#") for href in hrefs), hrefs
    assert not re.search(r"\son[a-z]+\s*=", report, flags=re.IGNORECASE)  # no event handlers
    assert "default-src 'none'" in report  # the browser itself refuses any load


def test_every_in_page_link_has_a_target(report: str) -> None:
    targets = set(re.findall(r'\sid="([^"]+)"', report))
    links = set(re.findall(r'\shref="#([^"]+)"', report))
    assert links <= targets


def test_one_accessible_chart_per_lot_with_ranked_offers(report: str) -> None:
    assert report.count("<svg") == 4
    for lot_id in WINNERS:
        section = _lot_section(report, lot_id)
        (svg,) = re.findall(r"<svg.*?</svg>", section, flags=re.DOTALL)
        assert 'role="img"' in svg
        assert f'<title id="lot-{lot_id}-graphique-titre">' in svg
        assert WINNERS[lot_id][1] in svg  # the winner's total is labelled
    lot_3 = re.findall(r"<svg.*?</svg>", _lot_section(report, 3), flags=re.DOTALL)[0]
    # 4 ranked offers x 4 criteria segments, plus 4 legend swatches
    assert lot_3.count("<rect") == 4 * 4 + 4


def test_method_and_audit(report: str, example: Evaluation) -> None:
    text = _text(report)
    assert "Méthode d'analyse" in text
    assert "demi supérieur (0,125 → 0,13)" in text
    assert "« Prix de la prestation », puis « Note de contexte" in text
    assert "Traçabilité" in text
    assert "referent report --out rapport.html" in text
    for item in run_info(example, RUN_AT, ARGV).inputs:
        assert item.sha256 in report
        assert str(item.path) in text
    assert "28\u00a0novembre\u00a02025 à\u00a017\u00a0h\u00a035" in text


def test_same_inputs_same_report(example: Evaluation, report: str) -> None:
    assert build_report_html(example, run_info(example, RUN_AT, ARGV)) == report


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_french_whatever_the_language_of_the_run(
    example: Evaluation, report: str, lang: str
) -> None:
    with i18n.language(lang):
        assert build_report_html(example, run_info(example, RUN_AT, ARGV)) == report
    assert "Synthèse" in report
    assert "Summary" not in report


def test_balanced_markup(report: str) -> None:
    """Every element the builder opens is closed, in order: no stray tag breaks the layout.
    (A self-closing ``<rect/>`` is opened and closed by HTMLParser itself.)"""
    void = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}

    class Check(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack, f"</{tag}> closes nothing"
            assert self.stack.pop() == tag, f"</{tag}> closes another element"

    checker = Check()
    checker.feed(report)
    assert checker.stack == []


def test_lot_option_restricts_the_report(example: Evaluation) -> None:
    only_3 = build_report_html(example, run_info(example, RUN_AT, ARGV), lot_ids=[3])
    assert 'id="lot-3"' in only_3
    assert 'id="lot-1"' not in only_3
    assert only_3.count("<svg") == 1
    assert "Association Trame Solidaire" not in only_3


def _write_csv(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "offers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _evaluate_csv(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path, lines: list[str]
) -> tuple[Evaluation, RunInfo]:
    lots, criteria = make_config()
    evaluation = api.score(lots, criteria, _write_csv(tmp_path, lines))
    return evaluation, run_info(evaluation, RUN_AT, ARGV)


def test_hostile_text_is_shown_as_text(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    comment = "<img src=x onerror=alert(2)>"
    evaluation, run = _evaluate_csv(
        make_config,
        tmp_path,
        [
            "candidate;lot;day_rate_ht;days;vat_rate;cv;quality;quality_comment",
            f"{HOSTILE};1;400;10;20;oui;4;{comment}",
            "Honnête & Fils;1;500;10;20;oui;3;ok",
            f"{HOSTILE} bis;1;450;10;20;non;3;",
        ],
    )
    document = build_report_html(evaluation, run)
    assert "<script" not in document.lower()
    assert "<img" not in document.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=alert(2)&gt;" in document
    assert "Honnête &amp; Fils" in document
    (row,) = _winner_rows(document)
    assert row.startswith(f"1 {HOSTILE} attributaire pressenti")
    assert f"{HOSTILE} bis irrégulière" in _text(document)  # not ranked, escaped too
    assert f"4 1 {HOSTILE} bis" in _text(document)  # its row, in the audit part


def test_a_nameless_offer_is_named_in_french(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    """The workbook's row 2 has no name (a data error to correct): the French report names it
    in French, as the xlsx report does."""
    evaluation, run = _evaluate_csv(
        make_config,
        tmp_path,
        [
            "candidate;lot;day_rate_ht;days;vat_rate;cv;quality",
            ";1;400;10;20;oui;4",
            "Beta;1;500;10;20;oui;3",
        ],
    )
    document = build_report_html(evaluation, run)
    assert "(sans nom, ligne 2) à corriger" in _text(document)
    assert "(row 2)" not in document


def test_provisional_and_empty_lots(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path
) -> None:
    evaluation, run = _evaluate_csv(
        make_config,
        tmp_path,
        [
            "candidate;lot;day_rate_ht;days;vat_rate;cv;quality",
            "Alpha;1;400;10;20;oui;4",
            "Beta;1;douze;10;20;oui;3",  # a typing error: lot 1 is provisional
        ],
    )
    document = build_report_html(evaluation, run)
    text = _text(document)
    assert _winner_rows(document) == []  # no winner while the ranking is provisional
    assert "Classement provisoire" in text
    assert "Beta à corriger" in text  # one label per status (issue 11)
    assert "Aucune offre admissible" in text  # lot 2 received no offer
    assert document.count("<svg") == 1


# ---- in a real browser ------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed: apt-get install chromium")
    return browser


def _run_chromium(browser: str, tmp_path: Path, name: str, *args: str) -> tuple[str, str]:
    """Run headless Chromium with its own throw-away profile; return stdout and stderr."""
    profile = tmp_path / f"profile-{name}"
    completed = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout, completed.stderr


def _console_messages(stderr: str) -> list[str]:
    """Lines Chromium logs for the page's console.

    With ``--enable-logging=stderr --v=0``, Chromium logs every console message, whatever its
    level, as ``[pid:tid:time:INFO:CONSOLE:line] "message", source: url (line)``: an uncaught
    exception shows as ``INFO:CONSOLE:1] "Uncaught ReferenceError: …"``, a load refused by the
    Content Security Policy as ``INFO:CONSOLE:2] "Loading the image '…' violates …"`` (checked
    once with a deliberately broken page). The level is not printed (``console.error`` is logged
    as INFO too), and unrelated ``ERROR:dbus…`` lines come from the sandbox, so the marker is
    ``CONSOLE``. The report has no script: any console line at all is a failure.
    """
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


def test_renders_in_headless_chromium(chromium: str, tmp_path: Path, report: str) -> None:
    page = tmp_path / "rapport.html"
    page.write_text(report, encoding="utf-8")
    url = page.resolve().as_uri()

    screenshot = tmp_path / "rapport.png"
    _, stderr = _run_chromium(
        chromium,
        tmp_path,
        "screenshot",
        "--enable-logging=stderr",
        "--v=0",
        f"--screenshot={screenshot}",
        "--window-size=1200,1600",
        url,
    )
    assert _console_messages(stderr) == []
    assert screenshot.exists()
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000

    dom, stderr = _run_chromium(
        chromium, tmp_path, "dom", "--enable-logging=stderr", "--v=0", "--dump-dom", url
    )
    assert _console_messages(stderr) == []
    rows = _winner_rows(dom)
    assert len(rows) == len(WINNERS)
    for row, (candidate, total, price_ht, price_ttc) in zip(rows, WINNERS.values(), strict=True):
        assert row.startswith(f"1 {candidate} attributaire pressenti {price_ht} {price_ttc}")
        assert f" {total} " in f" {row} "
    assert dom.count("<svg") == len(WINNERS)
    # the criterion headers as the browser holds them: whole, never cut with an ellipsis
    heads = re.findall(r'<span class="crit-label"[^>]*>([^<]*)</span>', dom)
    assert "Note de contexte" in [html.unescape(h) for h in heads]
    assert not any("…" in h for h in heads)


def test_a_lot_compared_ht_with_mixed_vat_rates_is_pointed_out(tmp_path: Path) -> None:
    """The example scored HT on purpose: lot 1's admissible offers are at 0 % (the association)
    and 20 %; compared TTC, the association (81) would rank first instead of Cap Services
    (HT: 63 + 20 × 7560/7800 = 82.38; TTC: 63 + 20 × 7560/9360 = 79.15)."""
    text = (ROOT / "criteria.yaml").read_text(encoding="utf-8")
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(text.replace("      basis: ttc\n", "      basis: ht\n"), encoding="utf-8")
    evaluation = api.score(ROOT / "lots.yaml", criteria)
    document = build_report_html(evaluation, run_info(evaluation, RUN_AT, ARGV))
    lot_1 = _text(_lot_section(document, 1))
    assert (
        "Lot 1 : les prix sont comparés HT alors que les taux de TVA des offres diffèrent : "
        "comparés TTC, ce que paie l'acheteur, le classement peut changer (lot 1 : les prix "
        "sont comparés HT alors que les taux de TVA de ses offres admissibles diffèrent ; "
        "comparés TTC, ce que paie l'acheteur, le premier rang reviendrait à Association Trame "
        "Solidaire au lieu de Cap Services Coop (SCOP))"
    ) in lot_1
    assert "comparés TTC, ce que paie" not in _text(_lot_section(document, 3))  # all at 20 %


@pytest.mark.parametrize(
    ("label", "header"),
    [
        # one clause of 62 characters: whole, wrapped by the page, never cut
        (
            "Qualité de l'organisation des prestations et des interventions",
            "Qualité de l'organisation des prestations et des interventions",
        ),
        # a long label: its first clause, whole
        (
            "Valeur technique, organisation des prestations et moyens humains",
            "Valeur technique",
        ),
        ("Méthodologie (note méthodologique détaillée du candidat)", "Méthodologie"),
    ],
)
def test_criterion_headers_are_never_cut(
    make_config: Callable[..., tuple[Path, Path]], tmp_path: Path, label: str, header: str
) -> None:
    criteria_text = (
        "criteria:\n"
        f'  - {{id: quality, label: "{label}", weight: 60}}\n'
        "  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}\n"
    )
    lots, criteria = make_config(criteria_text=criteria_text)
    offers = _write_csv(
        tmp_path, ["candidate,lot,day_rate_ht,days,vat_rate,cv,quality", "Alpha,1,400,10,0.2,oui,4"]
    )
    evaluation = api.score(lots, criteria, offers)
    document = build_report_html(evaluation, run_info(evaluation, RUN_AT, ARGV))
    heads = re.findall(r'<span class="crit-label" title="[^"]*">([^<]*)</span>', document)
    assert heads
    assert {html.unescape(h) for h in heads} == {header, "Prix"}
    assert "…" not in "".join(heads)
    assert "overflow-wrap: break-word" in document  # a long word wraps instead


def test_the_method_section_lists_the_legal_checks(report: str) -> None:
    # 8 recommendations on the example (tests/cli/test_lint_cli.py), each with its code
    method = report[report.index('id="methode"') :]
    assert "Contrôle juridique de la méthode de notation (referent lint)" in method
    assert "Constats : 8 recommandations." in method
    assert method.count("<code>lint-price-neutralised</code>") == 3
    assert method.count("<code>lint-appraisal</code>") == 4
    assert method.count("<code>lint-environmental-criterion</code>") == 1
    assert "<td>lot 3</td>" in method
