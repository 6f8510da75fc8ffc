"""Layer 4: starting a consultation: ``init`` and the offers template.

- :mod:`.offers_template`: the workbook (``build_template``), and writing it without ever
  replacing typed offers (``write_template``, ``refuse_filled_workbook``);
- :mod:`.template_columns`: its columns and their typing rules; :mod:`.readme_sheet`: its
  lisez-moi sheet; :mod:`.cell_text`: text within what an .xlsx cell holds;
- :mod:`.update_template`: ``update_template`` (``template --update``), the workbook regenerated
  for a changed configuration with every typed offer and mark carried over;
- :mod:`.init`: ``init_consultation``, with ``lots.yaml.tmpl`` and ``criteria.yaml.tmpl``.

What these write is French whatever ``--lang`` is; the texts are the French catalogue's
(``i18n/catalogues/fr/scaffold.py``).
"""

from referent_ess.scaffold.init import init_consultation
from referent_ess.scaffold.offers_template import (
    build_template,
    refuse_filled_workbook,
    write_template,
)
from referent_ess.scaffold.update_template import Update, update_template

__all__ = [
    "Update",
    "build_template",
    "init_consultation",
    "refuse_filled_workbook",
    "update_template",
    "write_template",
]
