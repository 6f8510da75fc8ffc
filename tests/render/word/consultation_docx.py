"""A small consultation with every detail a letter prints: the buyer as a mapping in lots.yaml,
and the candidates' addresses in the offers file (shared by the Word tests)."""

from pathlib import Path

from consultation_text import CRITERIA_YAML

BUYER_LOTS_YAML = """\
consultation:
  title: Entretien des espaces verts
  buyer:
    name: Mairie de Test
    address: |
      1 place de la Mairie
      44000 Nantes
    signatory: Jean Dupont
    signatory_title: Le maire
    place: Nantes
    reference: MAPA-2026-07
    sending: electronic
    platform: la plateforme PLACE
  deadline: 2027-03-23
  vat_rate: 0.20
  cap_basis: ht
  required_documents: [cv]
lots:
  - id: 1
    title: Parcs
    cap_ht: 10000
  - id: 2
    title: Cimetières
    cap_ht: 5000
"""

# lot 1: Alpha 4 000 HT, quality 4 -> 60 x 4/5 + 40 x 4000/4000 = 48 + 40 = 88
#        Beta  5 000 HT, quality 3 -> 36 + 40 x 4000/5000 = 36 + 32 = 68
# lot 2: Gamma 3 000 HT, quality 5 -> 60 + 40 = 100
#        Alpha 3 500 HT, quality 3 -> 36 + 40 x 3000/3500 = 36 + 34,29 = 70,29
OFFERS_CSV = (
    "candidate;lot;day_rate_ht;days;vat_rate;cv;quality;Adresse du candidat\n"
    'Alpha;1;400;10;0.2;oui;4;"12 rue des Lilas\n44100 Nantes"\n'
    'Beta;1;500;10;0.2;oui;3;"  3 allée   des Chênes \n\n49000 Angers"\n'
    "Gamma;2;300;10;0.2;oui;5;\n"
    'Alpha;2;350;10;0.2;oui;3;"12 rue des Lilas\n44100 Nantes"\n'
)


def write_consultation(folder: Path, lots_text: str = BUYER_LOTS_YAML) -> list[str]:
    """The files of the consultation in ``folder``: the arguments that give them to a command."""
    lots, criteria, offers = folder / "lots.yaml", folder / "criteria.yaml", folder / "offres.csv"
    lots.write_text(lots_text, encoding="utf-8")
    criteria.write_text(CRITERIA_YAML.format(formula="proportional", basis="ht"), encoding="utf-8")
    offers.write_text(OFFERS_CSV, encoding="utf-8")
    return [str(offers), "--lots", str(lots), "--criteria", str(criteria)]
