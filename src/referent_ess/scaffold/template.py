"""Where the CLI imports ``init`` and the template from until it calls :mod:`referent_ess.scaffold`
(``init_consultation``, ``write_template``) directly.

TODO(scaffold): remove once ``cli/`` no longer imports ``referent_ess.scaffold.template``.
"""

from referent_ess.scaffold.init import init_consultation
from referent_ess.scaffold.offers_template import build_template, write_template

__all__ = ["build_template", "init_consultation", "write_template"]
