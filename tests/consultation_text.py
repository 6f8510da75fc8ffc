"""The small test consultation: its lots.yaml and criteria.yaml texts and its offers header.

A module of its own (not conftest.py) so that a test can import them whichever folders pytest
collects: a second ``conftest`` (tests/scaffold has one) would shadow the first by name.
"""

from collections.abc import Callable
from pathlib import Path

LOTS_YAML = """\
consultation:
  title: Test consultation
  deadline: 2018-03-23
  vat_rate: 0.20
  cap_basis: {cap_basis}
  required_documents: [cv]
lots:
  - id: 1
    title: Lot one
    cap_ht: 10000
  - id: 2
    title: Lot two
    cap_ht: 5000
    cap_ttc: 6000
"""

CRITERIA_YAML = """\
total: 100
marks_scale: 5
criteria:
  - id: quality
    label: Quality
    weight: 60
  - id: price
    label: Price
    weight: 40
    price:
      formula: {formula}
      basis: {basis}
tie_break: [price]
"""

HIERARCHY_CRITERIA_YAML = """\
ordering: hierarchy
criteria:
  - {id: quality, label: Qualité}
  - {id: price, label: Prix, price: {formula: proportional}}
"""

HEADER = ["candidate", "lot", "day_rate_ht", "days", "vat_rate", "cv", "quality"]

WorkbookMaker = Callable[..., Path]
