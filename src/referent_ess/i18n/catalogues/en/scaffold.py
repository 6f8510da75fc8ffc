"""English texts of ``init`` and ``template``: their errors. The files they write (the offers
workbook, the YAML files) are French whatever the language: their texts are in the French
catalogue only (``fr/scaffold.py``)."""

MESSAGES: dict[str, str] = {
    "msg:bad-evaluators.empty": "an evaluator's name is empty; give names such as Anne,Bruno",
    "msg:bad-evaluators.same": (
        "the evaluators {earlier} and {name} are the same name; give each once"
    ),
    "msg:output-holds-offers.one": (
        "{path}: holds an offer row; referent template --update regenerates it keeping every "
        "offer and mark typed (the previous file is kept beside it as a backup)"
    ),
    "msg:output-holds-offers.many": (
        "{path}: holds {rows} offer rows; referent template --update regenerates it keeping "
        "every offer and mark typed (the previous file is kept beside it as a backup)"
    ),
    "msg:update-no-workbook": (
        "{path}: there is no workbook to update; referent template without --update writes a "
        "new one"
    ),
    "msg:update-not-xlsx": (
        "{path}: template --update writes an .xlsx workbook over the file it updates; open this "
        "file in a spreadsheet, save it as .xlsx, then update that workbook"
    ),
    "msg:update-column-dropped.empty": (
        "the column {header} is not in the new template (the configuration no longer has it); "
        "it held nothing"
    ),
    "msg:update-column-dropped.one": (
        "the column {header} is not in the new template (the configuration no longer has it); "
        "its one filled cell is in the backup"
    ),
    "msg:update-column-dropped.many": (
        "the column {header} is not in the new template (the configuration no longer has it); "
        "its {cells} filled cells are in the backup"
    ),
    "msg:update-sheet-dropped": (
        "the sheet {name} is not part of the template and is not carried over; it is in the backup"
    ),
    "msg:offers-not-proven-empty.template": (
        "{path}: {why_part}, so nothing proves it holds no offers; referent never replaces such a "
        "file, even with --force: move it away, or write the template to another file (--out "
        "new.xlsx)"
    ),
    "msg:offers-not-proven-empty.init": (
        "{path}: {why_part}, so nothing proves it holds no offers; init never replaces such a "
        "file, even with --force: move it away first, or choose another folder"
    ),
    "part:unproven.encrypted": "it is protected by a password",
    "part:unproven.csv": "it is a CSV file under a workbook's name",
    "part:unproven.unreadable": "it cannot be opened",
    "part:unproven.other-sheets": (
        "it holds sheets a template never writes ({sheets}), which may hold offers or marks"
    ),
    "part:unproven.other": "it is damaged, or not a workbook referent can read",
    "msg:init-lots": "--lots {lots}: a consultation has at least one lot",
    "msg:init-not-a-folder": "{path}: is a file, not a folder",
    "msg:init-holds-offers.one": (
        "{path}: holds an offer row; init never replaces it, even with --force: choose another "
        "folder, or move the workbook away first"
    ),
    "msg:init-holds-offers.many": (
        "{path}: holds {rows} offer rows; init never replaces it, even with --force: choose "
        "another folder, or move the workbook away first"
    ),
    "msg:init-exists": (
        "{path}: already exists; pass --force to replace it, or choose another folder"
    ),
}
