"""English texts of ``init`` and ``template``: their errors. The files they write (the offers
workbook, the YAML files) are French whatever the language: their texts are in the French
catalogue only (``fr/scaffold.py``)."""

MESSAGES: dict[str, str] = {
    "msg:bad-evaluators.empty": "an evaluator's name is empty; give names such as Anne,Bruno",
    "msg:bad-evaluators.same": (
        "the evaluators {earlier} and {name} are the same name; give each once"
    ),
    "msg:output-holds-offers": (
        "{path}: holds {rows} offer row(s); write the template to another file (--out "
        "new.xlsx) and copy the offers across, so that nothing typed is lost"
    ),
    "msg:init-lots": "--lots {lots}: a consultation has at least one lot",
    "msg:init-not-a-folder": "{path}: is a file, not a folder",
    "msg:init-holds-offers": (
        "{path}: holds {rows} offer row(s); init never replaces it, even with --force: choose "
        "another folder, or move the workbook away first"
    ),
    "msg:init-exists": (
        "{path}: already exists; pass --force to replace it, or choose another folder"
    ),
}
