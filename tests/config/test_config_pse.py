"""lots.yaml's PSE: each lot's list (id, label, retained), ``retained`` with no default (the
buyer decides before ranking), ids unique in a lot, and ``caps_include_pse`` (default true)."""

from pathlib import Path

import pytest

from pse_consultation import CRITERIA, LOTS
from referent_ess.config.loader import load_config
from referent_ess.config.model import Config, Pse
from referent_ess.problems.errors import ConfigError


def loaded(tmp_path: Path, lots: str) -> Config:
    (tmp_path / "lots.yaml").write_text(lots, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(CRITERIA, encoding="utf-8")
    return load_config(tmp_path / "lots.yaml", tmp_path / "criteria.yaml")


def refused(tmp_path: Path, lots: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        loaded(tmp_path, lots)
    path = str(tmp_path / "lots.yaml")
    return [line.replace(path, "lots.yaml") for line in caught.value.lines]


def test_each_lot_keeps_its_pse_in_order_and_caps_include_them_by_default(tmp_path: Path) -> None:
    config = loaded(tmp_path, LOTS)
    one, two = config.lots
    assert one.pse == (
        Pse("PSE1", "Nettoyage des vitres", True),
        Pse("PSE2", "Espaces verts", False),
    )
    assert one.retained_pse == (Pse("PSE1", "Nettoyage des vitres", True),)
    assert two.pse == (Pse("PSE3", "Formation", True),)
    assert config.consultation.caps_include_pse is True
    assert [p.id for p in config.pse_columns] == ["PSE1", "PSE2", "PSE3"]


def test_caps_include_pse_false_is_kept(tmp_path: Path) -> None:
    lots = LOTS.replace("  cap_basis: ht\n", "  cap_basis: ht\n  caps_include_pse: false\n")
    assert loaded(tmp_path, lots).consultation.caps_include_pse is False


def test_a_lot_without_pse_has_none(tmp_path: Path) -> None:
    config = loaded(tmp_path, "consultation: {title: T}\nlots: [{id: 1, title: A, cap_ht: 5}]\n")
    assert config.lots[0].pse == ()
    assert config.pse_columns == ()


LOT_HEAD = "consultation: {title: T}\nlots:\n  - id: 1\n    title: A\n    cap_ht: 5\n    pse:\n"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (  # retained not said: the buyer must decide, at the PSE's line
            "      - {id: PSE1, label: Vitres}\n",
            [
                'lots.yaml:7: lots.0.pse.0: say whether the PSE PSE1 ("Vitres") is retained: add '
                "retained: true or retained: false (the compared price, and so the ranking, "
                "depend on it; there is no default) [pse-undecided]"
            ],
        ),
        (  # one id twice, as headers compare them (PSE1 and pse1)
            "      - {id: PSE1, label: Vitres, retained: true}\n"
            "      - {id: pse1, label: Autre, retained: false}\n",
            [
                "lots.yaml:8: lots.0.pse.1.id: PSE id pse1 is used twice in this lot (also "
                "pse.0) [duplicate-id]"
            ],
        ),
        (  # a word the YAML reader cannot take for true or false
            "      - {id: PSE1, label: Vitres, retained: oui}\n",
            [
                "lots.yaml:7: lots.0.pse.0.retained: Input should be a valid boolean, unable to "
                "interpret input (found 'oui') [invalid-value]"
            ],
        ),
        (  # an id that cannot head a column
            "      - {id: 1PSE, label: Vitres, retained: true}\n",
            [
                "lots.yaml:7: lots.0.pse.0.id: String should match pattern "
                "'^[A-Za-z][A-Za-z0-9_]*$' (found '1PSE') [invalid-value]"
            ],
        ),
    ],
)
def test_a_bad_pse_is_refused_at_its_line(tmp_path: Path, items: str, expected: list[str]) -> None:
    assert refused(tmp_path, LOT_HEAD + items) == expected


def test_more_pse_than_a_lot_may_declare_is_refused(tmp_path: Path) -> None:
    items = "".join(f"      - {{id: P{i}, label: L{i}, retained: false}}\n" for i in range(21))
    assert refused(tmp_path, LOT_HEAD + items) == [
        "lots.yaml:6: lots.0.pse: Tuple should have at most 20 items after validation, not 21 "
        "[invalid-value]"
    ]
