"""The fast writers of ``score``/``rank`` (issue 17) write the same bytes as the general path:
the JSON document against ``to_json(evaluation_dict(…))`` (every offer through ``offer_dict``),
each CSV row against ``_csv_row``, on the bundled examples (schedules, DPGF, PSE, variants and
rounds in travaux-2027) and on hostile consultations built here (names that JSON must escape,
unreadable cells, offers without a lot, a hierarchy)."""

import json
from pathlib import Path

import pytest

from referent_ess import api
from referent_ess.evaluation.lookup import chosen_lots
from referent_ess.evaluation.results import Evaluation
from referent_ess.render import csv_doc, json_doc
from referent_ess.render.cells import node_columns

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "2018": (ROOT / "lots.yaml", ROOT / "criteria.yaml", ROOT / "examples" / "offers-2018.xlsx"),
    **{
        name: (
            ROOT / "examples" / name / "lots.yaml",
            ROOT / "examples" / name / "criteria.yaml",
            ROOT / "examples" / name / "offres.xlsx",
        )
        for name in ("nettoyage-2026", "travaux-2027")
    },
}

LOTS = """\
consultation:
  title: "Consultation \\"hostile\\" \\\\ é"
  deadline: 2018-03-23
  vat_rate: 0.20
  cap_basis: {cap_basis}
  required_documents: [cv]
  abnormally_low: {{method: mean-ratio, ratio: 0.8}}
lots:
  - {{id: 1, title: "Lot « un »", cap_ht: 10000}}
  - {{id: 2, title: Lot two, cap_ht: 5000, cap_ttc: 6000}}
"""
WEIGHTED = """\
total: 100
marks_scale: 5
criteria:
  - {id: quality, label: "Qualité \\"technique\\" à 100 %", weight: 60}
  - {id: price, label: Prix, weight: 40, price: {formula: proportional}}
tie_break: [price]
"""
HIERARCHY = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Qualité}
  - {id: price, label: Prix, price: {formula: proportional}}
"""
OFFERS = (
    "candidate;lot;day_rate_ht;days;vat_rate;cv;quality\n"
    'Quote "q";1;400;10;0.2;oui;4\n'
    "Back\\slash;1;500,5;10;0.055;oui;3\n"
    "Ctl\x01x;1;450;9.5;;oui;5\n"
    "=SUM(A1);1;0;10;0.2;oui;2\n"
    "Zoë Ünïcode;1;abc;10;0.2;oui;4\n"
    "Sans note;1;420;10;0.2;oui;\n"
    "Trop cher;1;2000;10;0.2;oui;5\n"
    "Sans cv;1;410;10;0.2;non;5\n"
    "Égal un;2;300;10;0.2;oui;3\n"
    "Égal deux;2;300;10;0.2;oui;3\n"
    "Décimales;2;123.456;3;0.2;oui;1\n"
    "Très bas;2;20;10;0.2;oui;2\n"
    "Encore;2;310;10;0.2;oui;2\n"
    "Autre A;2;320;10;0.2;oui;2\n"
    "Autre B;2;330;10;0.2;oui;4\n"
    "Autre C;2;340;10;0.2;oui;5\n"
    "Nulle part;3;300;10;0.2;oui;3\n"
    "Sans lot;;300;10;0.2;oui;3\n"
)


def _consultation(tmp_path: Path, criteria: str, cap_basis: str) -> Evaluation:
    (tmp_path / "lots.yaml").write_text(LOTS.format(cap_basis=cap_basis), encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    (tmp_path / "offers.csv").write_text(OFFERS, encoding="utf-8")
    return api.score(tmp_path / "lots.yaml", tmp_path / "criteria.yaml", tmp_path / "offers.csv")


@pytest.fixture(
    params=[
        *EXAMPLES,
        "hostile-weighted-ht",
        "hostile-weighted-both",
        "hostile-hierarchy-ttc",
    ]
)
def evaluation(request: pytest.FixtureRequest, tmp_path: Path) -> Evaluation:
    name: str = request.param
    if name in EXAMPLES:
        return api.score(*EXAMPLES[name])
    _, ordering, cap_basis = name.split("-")
    return _consultation(tmp_path, WEIGHTED if ordering == "weighted" else HIERARCHY, cap_basis)


def test_the_json_is_the_general_paths(evaluation: Evaluation) -> None:
    fast = json_doc.evaluation_json(evaluation)
    assert fast == json_doc.to_json(json_doc.evaluation_dict(evaluation))
    json.loads(fast)  # and it is JSON


def test_a_chosen_lot_is_the_general_paths_too(evaluation: Evaluation) -> None:
    first = evaluation.lots[0].lot.id
    fast = json_doc.evaluation_json(evaluation, [first])
    assert fast == json_doc.to_json(json_doc.evaluation_dict(evaluation, [first]))


def test_a_lots_offers_written_a_few_at_a_time_are_the_general_paths(
    evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # two offers a piece: every lot of more than two offers is written in several pieces
    monkeypatch.setattr(json_doc, "_OFFERS_PER_PART", 2)
    parts = list(json_doc.evaluation_json_parts(evaluation))
    largest = max(len(lot.offers) for lot in evaluation.lots)
    pieces = sum(2 + (len(lot.offers) + 1) // 2 for lot in evaluation.lots)  # around, offers
    assert len(parts) == 2 + pieces  # the header, each lot's pieces, the end
    assert largest > 2
    assert "".join(parts) == json_doc.to_json(json_doc.evaluation_dict(evaluation))


def test_each_csv_row_is_the_general_paths(evaluation: Evaluation) -> None:
    config = evaluation.config
    columns = node_columns(config)
    extra = [c.name for c in evaluation.book.columns if c.name in ("variant", "round")]
    extra.sort(key=("variant", "round").index)
    rows = csv_doc._Rows(config, columns, extra)
    for lot in chosen_lots(evaluation, None):
        for result in lot.offers:
            general = csv_doc._csv_row(lot.lot.id, lot, result, config, columns, extra)
            assert rows.row(lot, result) == general
    for result in evaluation.unplaced:
        general = csv_doc._csv_row(None, None, result, config, columns, extra)
        assert rows.row(None, result) == general


def test_the_hostile_consultation_reaches_the_unusual_cases(tmp_path: Path) -> None:
    """The hostile sheet does hold what the fast path must leave to the general one."""
    evaluation = _consultation(tmp_path, WEIGHTED, "both")
    results = evaluation.offers
    assert evaluation.unplaced  # offers without a readable lot
    assert any(r.reasons for r in results)  # not admissible: reasons written
    assert any(r.warnings for r in results)
    assert any(len(r.budget) == 2 for r in results)  # cap_basis: both
    assert any(r.total is None for r in results)
    text = json_doc.evaluation_json(evaluation)
    assert '"Quote \\"q\\""' in text
    assert '"Back\\\\slash"' in text
    assert '"Zoë Ünïcode"' in text
