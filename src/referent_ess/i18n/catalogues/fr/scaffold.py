"""French texts of ``init`` and ``template``: their errors, and what the offers workbook says.

``MESSAGES`` words the errors of ``init`` and ``template`` (the same keys as the English
catalogue). ``TEMPLATE`` holds the ``tpl.`` texts of the offers workbook: the notes of its
headers, the input messages and alerts of its validations, the lisez-moi sheet. A French buyer
fills that workbook, so it is French whatever ``--lang`` is: those keys have no English
counterpart (the catalogues' parity test leaves them out). The YAML files ``init`` writes are
French too; their comments are the package's ``scaffold/*.yaml.tmpl`` files, which read as the
files the buyer gets.
"""

MESSAGES: dict[str, str] = {
    "msg:bad-evaluators.empty": (
        "le nom d'un évaluateur est vide ; indiquez des noms comme Anne,Bruno"
    ),
    "msg:bad-evaluators.same": (
        "les évaluateurs {earlier} et {name} portent le même nom ; indiquez chacun une seule fois"
    ),
    "msg:output-holds-offers.one": (
        "{path} : le classeur contient une ligne d'offre ; referent template --update le "
        "régénère en conservant toutes les offres et notes saisies (l'ancien fichier est gardé "
        "à côté, en sauvegarde)"
    ),
    "msg:output-holds-offers.many": (
        "{path} : le classeur contient {rows} lignes d'offres ; referent template --update le "
        "régénère en conservant toutes les offres et notes saisies (l'ancien fichier est gardé "
        "à côté, en sauvegarde)"
    ),
    "msg:update-no-workbook": (
        "{path} : il n'y a pas de classeur à mettre à jour ; referent template sans --update en "
        "écrit un nouveau"
    ),
    "msg:template-not-xlsx": (
        "{path} : le modèle est un classeur .xlsx ; donnez au fichier à écrire l'extension .xlsx "
        "(LibreOffice l'ouvre, et peut ensuite l'enregistrer en .ods)"
    ),
    "msg:update-not-xlsx": (
        "{path} : template --update écrit un classeur .xlsx à la place du fichier mis à jour ; "
        "ouvrez ce fichier dans un tableur, enregistrez-le au format .xlsx, puis mettez à jour "
        "ce classeur"
    ),
    "msg:update-column-dropped.empty": (
        "la colonne {header} ne figure plus dans le modèle (la configuration ne la prévoit "
        "plus) ; elle était vide"
    ),
    "msg:update-column-dropped.one": (
        "la colonne {header} ne figure plus dans le modèle (la configuration ne la prévoit "
        "plus) ; sa seule cellule remplie est conservée dans la sauvegarde"
    ),
    "msg:update-column-dropped.many": (
        "la colonne {header} ne figure plus dans le modèle (la configuration ne la prévoit "
        "plus) ; ses {cells} cellules remplies sont conservées dans la sauvegarde"
    ),
    "msg:update-sheet-dropped": (
        "la feuille {name} ne fait pas partie du modèle et n'est pas reprise ; elle est "
        "conservée dans la sauvegarde"
    ),
    "msg:offers-not-proven-empty.template": (
        "{path} : {why_part}, donc rien ne prouve qu'il ne contient aucune offre ; referent ne "
        "remplace jamais un tel fichier, même avec --force : déplacez-le, ou écrivez le modèle "
        "dans un autre fichier (--out nouveau.xlsx)"
    ),
    "msg:offers-not-proven-empty.init": (
        "{path} : {why_part}, donc rien ne prouve qu'il ne contient aucune offre ; init ne "
        "remplace jamais un tel fichier, même avec --force : déplacez-le d'abord, ou choisissez "
        "un autre dossier"
    ),
    "part:unproven.encrypted": "le classeur est protégé par un mot de passe",
    "part:unproven.csv": "c'est un fichier CSV qui porte un nom de classeur",
    "part:unproven.unreadable": "le fichier ne peut pas être ouvert",
    "part:unproven.other-sheets": (
        "le classeur contient des feuilles qu'un modèle n'écrit jamais ({sheets}), qui peuvent "
        "contenir des offres ou des notes"
    ),
    "part:unproven.other": (
        "le fichier est endommagé, ou n'est pas un classeur que referent sait lire"
    ),
    "msg:init-lots": "--lots {lots} : une consultation a au moins un lot",
    "msg:init-not-a-folder": "{path} : c'est un fichier, pas un dossier",
    "msg:init-holds-offers.one": (
        "{path} : le classeur contient une ligne d'offre ; init ne le remplace jamais, même avec "
        "--force : choisissez un autre dossier, ou déplacez d'abord le classeur"
    ),
    "msg:init-holds-offers.many": (
        "{path} : le classeur contient {rows} lignes d'offres ; init ne le remplace jamais, même "
        "avec --force : choisissez un autre dossier, ou déplacez d'abord le classeur"
    ),
    "msg:init-exists": (
        "{path} : le fichier existe déjà ; ajoutez --force pour le remplacer, ou choisissez un "
        "autre dossier"
    ),
}

TEMPLATE: dict[str, str] = {
    # the workbook
    "tpl.book.title": "Offres — {title}",
    "tpl.refused": "Saisie refusée",  # the title of every validation's alert
    "tpl.positive.error": "Tapez {what} : un nombre supérieur à 0, par exemple {example}.",
    # words the columns share
    "tpl.lots.one": "lot {id}",
    "tpl.lots.range": "lots {first} à {last}",
    "tpl.lots.some": "lots {listed}",
    "tpl.lots.many": "lots {listed}… ({count} lots)",
    "tpl.either": "{listed} ou {last}",
    "tpl.and": "et",
    # a column that only some lots fill (their own criteria or documents)
    "tpl.lots_only.note.one": (
        "\nSeulement pour les offres du lot {lots} : pour les autres lots, la cellule est grisée "
        "et doit rester vide."
    ),
    "tpl.lots_only.note.other": (
        "\nSeulement pour les offres des lots {lots} : pour les autres lots, la cellule est "
        "grisée et doit rester vide."
    ),
    "tpl.lots_only.error.one": (
        "Cette colonne ne concerne que le lot {lots} : laissez-la vide pour les autres lots. "
        "{error}"
    ),
    "tpl.lots_only.error.other": (
        "Cette colonne ne concerne que les lots {lots} : laissez-la vide pour les autres lots. "
        "{error}"
    ),
    "tpl.deadline.none": "non fixée dans lots.yaml",
    "tpl.deadline.day": "{date} (jusqu'à la fin de ce jour)",
    # the offers sheet, one column at a time
    "tpl.candidate.note": (
        "Nom du candidat (la structure qui répond), écrit de la même façon sur chacune de ses "
        "lignes.\nExemple : Atelier Matières Vives (SCIC)"
    ),
    "tpl.candidate.title": "Candidat",
    "tpl.candidate.prompt": (
        "Nom du candidat, écrit de la même façon sur chacune de ses lignes. Une ligne par "
        "offre : un candidat qui répond à deux lots a deux lignes."
    ),
    "tpl.lot.note": (
        "Numéro du lot auquel l'offre répond ({lots}). Un candidat qui répond à deux lots a "
        "deux lignes.\nExemple : {example}"
    ),
    "tpl.lot.title": "N° du lot",
    "tpl.lot.prompt": "Choisissez le lot dans la liste ({lots}).",
    "tpl.lot.error": "Ce lot n'existe pas dans lots.yaml ({lots}) : choisissez-le dans la liste.",
    "tpl.day_rate.note": (
        "Coût d'une journée d'intervention, hors taxes, en euros (au plus 2 décimales)."
        "\nExemple : 450 ou 487,50"
    ),
    "tpl.day_rate.title": "Coût journalier HT",
    "tpl.day_rate.prompt": (
        "Coût d'une journée hors taxes, en euros, supérieur à 0 (au plus 2 décimales). "
        "Exemple : 450 ou 487,50."
    ),
    "tpl.day_rate.what": "le coût journalier HT",
    "tpl.day_rate.example": "450 ou 487,50",
    "tpl.days.note": (
        "Nombre de jours d'intervention proposés (une demi-journée : 0,5).\nExemple : 20 ou 21,5"
    ),
    "tpl.days.title": "Nombre de jours",
    "tpl.days.prompt": (
        "Nombre de jours proposés, supérieur à 0 (au plus 2 décimales). Exemple : 20 ou 21,5."
    ),
    "tpl.days.what": "le nombre de jours",
    "tpl.days.example": "20 ou 21,5",
    "tpl.vat.note": (
        "Taux de TVA de l'offre : {choices} (association non assujettie : le prix TTC est alors "
        "le prix HT). Vide : le taux de la consultation ({default}).\nExemple : 20 %"
    ),
    "tpl.vat.title": "Taux de TVA",
    "tpl.vat.prompt": (
        "Choisissez le taux dans la liste : {choices}. Laissez vide pour le taux de la "
        "consultation ({default})."
    ),
    "tpl.vat.error": "Taux de TVA inconnu : choisissez {choices} dans la liste.",
    "tpl.price.note": (
        "Facultatif : le montant total HT annoncé par le candidat, pour contrôle. Le prix retenu "
        "reste coût journalier × nombre de jours ; un écart de plus de 0,01 € est signalé."
        "\nExemple : 9 000,00"
    ),
    "tpl.price.title": "Montant HT (facultatif)",
    "tpl.price.prompt": (
        "Montant total HT annoncé par le candidat, pour contrôle : le prix retenu est coût "
        "journalier × nombre de jours. Exemple : 9000."
    ),
    "tpl.price.what": "le montant HT",
    "tpl.price.example": "9000 ou 9612,50",
    # every lot priced as a lump sum: the amount is the price
    "tpl.price_lump.note": (
        "Obligatoire : le prix forfaitaire de l'offre, hors taxes, en euros (au plus 2 "
        "décimales). C'est le prix comparé et contrôlé au regard du montant maximum du lot."
        "\nExemple : 9 000,00"
    ),
    "tpl.price_lump.title": "Montant HT",
    "tpl.price_lump.prompt": (
        "Prix forfaitaire de l'offre hors taxes, en euros, supérieur à 0 (au plus 2 décimales). "
        "Exemple : 9000."
    ),
    "tpl.price_lump.what": "le montant HT",
    "tpl.price_lump.example": "9000 ou 9612,50",
    # some lots priced as a lump sum, the others by day rate × days
    "tpl.price_mixed.note": (
        "{lots} (prix forfaitaire) : obligatoire, c'est le prix de l'offre. Autres lots : "
        "facultatif, le montant total HT annoncé, pour contrôle (le prix retenu est coût "
        "journalier × nombre de jours).\nExemple : 9 000,00"
    ),
    "tpl.price_mixed.title": "Montant HT",
    "tpl.price_mixed.prompt": (
        "Lot à prix forfaitaire : le prix de l'offre. Autres lots : facultatif, pour contrôle. "
        "Exemple : 9000."
    ),
    "tpl.price_mixed.what": "le montant HT",
    "tpl.price_mixed.example": "9000 ou 9612,50",
    # a deadline with a time asks for the time of reception too
    "tpl.received.note.day": (
        "Date de réception de l'offre. Date limite : {deadline} ; une offre reçue après est hors "
        "délai.\nExemple : 22/03/2018"
    ),
    "tpl.received.note.timed": (
        "Date de réception de l'offre et son heure (la date limite en a une). Date limite : "
        "{deadline} ; une offre reçue après est hors délai.\nExemple : 23/03/2018 17:30"
    ),
    "tpl.received.title": "Date de réception",
    "tpl.received.prompt.day": (
        "Date de réception de l'offre, jour en premier : 22/03/2018. Date limite : {deadline}."
    ),
    "tpl.received.prompt.timed": (
        "Date de réception de l'offre, jour en premier : 22/03/2018 17:30 (avec l'heure : la "
        "date limite en a une). Date limite : {deadline}."
    ),
    "tpl.received.error": (
        "Date invalide : tapez une date entre le {first} et le {last}, jour en premier, par "
        "exemple 22/03/2018."
    ),
    "tpl.document.note": (
        "Pièce exigée « {document} » : oui si elle figure dans l'offre, non sinon (vide = non). "
        "Une pièce manquante rend l'offre irrégulière (art. L2152-2).\nExemple : oui"
    ),
    "tpl.document.title": "Pièce {document}",
    "tpl.document.prompt": (
        "oui si la pièce « {document} » est dans l'offre, non sinon (vide = non)."
    ),
    "tpl.document.error": "Répondez oui ou non (choisissez dans la liste).",
    # the jury's own decision on an offer, and its reason (offers sheet only)
    "tpl.decision.note": (
        "Facultatif : la décision du jury d'écarter l'offre, à choisir dans la liste : "
        "irrégulière (elle ne respecte pas les exigences des documents de la consultation, "
        "art. L2152-2), inacceptable (son prix excède les crédits budgétaires alloués au "
        "marché, art. L2152-3) ou inappropriée (sans rapport avec le marché, art. L2152-4). "
        "Vide = pas de décision. Le motif est obligatoire dans la colonne suivante.\n"
        "Exemple : inappropriée"
    ),
    "tpl.decision.title": "Décision du jury",
    "tpl.decision.prompt": (
        "Vide, ou irrégulière, inacceptable ou inappropriée : l'offre n'est alors pas classée. "
        "Écrivez le motif dans la colonne suivante."
    ),
    "tpl.decision.error": "Choisissez irrégulière, inacceptable ou inappropriée dans la liste.",
    "tpl.pse.note": (
        "Obligatoire : le montant forfaitaire HT, en euros, de la prestation supplémentaire "
        "éventuelle (PSE) « {label} » proposé par le candidat. Il s'ajoute au prix de l'offre "
        "de base si la PSE est retenue (lots.yaml).\nExemple : 1 200,00"
    ),
    "tpl.pse.title": "{id} (montant HT)",
    "tpl.pse.prompt": "Montant HT de la PSE « {label} », supérieur à 0. Exemple : 1200.",
    "tpl.pse.what": "le montant HT de la PSE",
    "tpl.variant.note": (
        "Vide pour l'offre de base. Pour une variante, son libellé, le même à chaque tour de "
        "négociation ; deux variantes d'un candidat ont des libellés différents.\n"
        "Exemple : Visioconférence"
    ),
    "tpl.variant.title": "Variante",
    "tpl.variant.prompt": "Vide : offre de base. Sinon le libellé de la variante.",
    "tpl.round.note": (
        "Le tour de négociation de l'offre : 1 pour l'offre initiale, 2 pour l'offre remise "
        "après le premier tour de négociation, etc. Vide : 1. La dernière offre du candidat est "
        "celle qui est évaluée.\nExemple : 2"
    ),
    "tpl.round.title": "Tour de négociation",
    "tpl.round.prompt": "Un nombre entier à partir de 1 ; vide : 1 (offre initiale).",
    "tpl.round.error": "Le tour est un nombre entier à partir de 1, par exemple 2.",
    "tpl.reason.note": (
        "Obligatoire si le jury a pris une décision : pourquoi, en une ou deux phrases. Il est "
        "repris tel quel dans le rapport d'analyse des offres et dans la lettre de rejet.\n"
        "Exemple : Le mémoire technique décrit une prestation de nettoyage, sans rapport avec "
        "l'accompagnement demandé."
    ),
    "tpl.reason.title": "Motif de la décision",
    "tpl.reason.prompt": (
        "Le motif de la décision du jury, repris dans le rapport et la lettre au candidat."
    ),
    # a mark, in the offers sheet (one column per criterion) or in the marks sheet
    "tpl.mark.range": "de 0 à {scale}",
    "tpl.mark.ranges": "de 0 à l'échelle du critère ({scales})",
    "tpl.mark.scale": "{id} : {scale}",
    "tpl.mark.lot_scale": "lot {lot} : {scale}",
    "tpl.mark.weight": " ({weight} % des points)",  # none under ordering: hierarchy
    "tpl.mark.note": (
        "Note du jury pour le critère « {label} »{weight}, {range} (3,5 accepté)."
        "\nExemple : {example}"
    ),
    "tpl.mark.title": "Note {criterion}",
    "tpl.mark.word": "« {word} » ({mark})",
    "tpl.mark.note.words": (
        "Appréciation du jury pour le critère « {label} »{weight}, à choisir dans la liste : "
        "{words}. La note entre parenthèses est celle que donne l'appréciation ; referent "
        "accepte aussi cette note tapée en chiffres.\nExemple : {example}"
    ),
    "tpl.mark.prompt.words": (
        "Choisissez l'appréciation du jury pour le critère « {label} » : {words}."
    ),
    "tpl.mark.error.words": "Appréciation inconnue : choisissez-la dans la liste ({words}).",
    "tpl.mark.prompt": "Note du jury pour le critère « {label} », {range} (3,5 accepté).",
    "tpl.mark.error": "Note hors barème : tapez un nombre {range}.",
    "tpl.comment.note": (
        "Facultatif : la justification de la note « {criterion} », reprise à côté de la note "
        "dans le rapport d'analyse des offres.\nExemple : Bonne connaissance des acteurs du "
        "territoire."
    ),
    "tpl.comment.title": "Justification {criterion}",
    "tpl.comment.prompt": (
        "Facultatif : pourquoi cette note au critère {criterion}. Repris dans le rapport "
        "d'analyse des offres."
    ),
    # the marks sheet: one row per offer, criterion and evaluator
    "tpl.marks.candidate.note": (
        "Nom du candidat, écrit exactement comme dans la feuille offers.\nExemple : Atelier "
        "Matières Vives (SCIC)"
    ),
    "tpl.marks.candidate.prompt": (
        "Choisissez un candidat de la feuille offers (remplissez-la d'abord)."
    ),
    "tpl.marks.candidate.error": (
        "Ce candidat n'est pas dans la feuille offers : choisissez-le dans la liste."
    ),
    "tpl.marks.lot.note": "Numéro du lot de l'offre notée ({lots}).\nExemple : {example}",
    "tpl.marks.lot.prompt": "Choisissez le lot de l'offre notée ({lots}).",
    "tpl.marks.criterion.note": (
        "Critère noté, tel que la liste le nomme : {criteria}.\nExemple : {example}"
    ),
    "tpl.marks.criterion.entry": "« {header} » ({label})",
    "tpl.marks.criterion.entry.same": "« {header} »",  # the header is the label
    "tpl.marks.criterion.title": "Critère",
    "tpl.marks.criterion.prompt": "Choisissez le critère dans la liste : {ids}.",
    "tpl.marks.criterion.error": ("Critère inconnu : choisissez-le dans la liste."),
    "tpl.marks.evaluator.note": (
        "Membre du jury qui donne la note : {names}.\nExemple : {example}"
    ),
    "tpl.marks.evaluator.title": "Évaluateur",
    "tpl.marks.evaluator.prompt": "Choisissez l'évaluateur dans la liste : {names}.",
    "tpl.marks.evaluator.error": "Évaluateur inconnu : choisissez-le dans la liste ({names}).",
    "tpl.marks.mark.note": (
        "La note de cet évaluateur pour ce critère, {range} (3,5 accepté). Les notes des "
        "évaluateurs sont agrégées (moyenne ou médiane, criteria.yaml).\nExemple : 4"
    ),
    "tpl.marks.mark.title": "Note",
    "tpl.marks.mark.scale": "{ids} : {words}",
    "tpl.marks.mark.note.words": (
        "L'appréciation de cet évaluateur pour ce critère, à choisir dans la liste ({words}) ; "
        "referent accepte aussi la note entre parenthèses. Les notes des évaluateurs sont "
        "agrégées (moyenne ou médiane, criteria.yaml).\nExemple : {example}"
    ),
    "tpl.marks.mark.note.mixed": (
        "La note de cet évaluateur pour ce critère : une appréciation de la liste pour les "
        "critères notés par appréciation ({words}), un nombre {range} pour les autres (3,5 "
        "accepté ; le tableur demande alors de confirmer ce qui n'est pas dans la liste). Les "
        "notes des évaluateurs sont agrégées (moyenne ou médiane, criteria.yaml).\nExemple : "
        "{example}"
    ),
    "tpl.marks.mark.prompt.words": "Choisissez l'appréciation dans la liste : {words}.",
    "tpl.marks.mark.prompt.mixed": (
        "Une appréciation de la liste ({words}), ou pour les autres critères un nombre {range}."
    ),
    "tpl.marks.mark.error.words": (
        "Appréciation inconnue : choisissez-la dans la liste ({words})."
    ),
    "tpl.marks.mark.error.mixed": (
        "Ce n'est pas une appréciation de la liste : est-ce bien la note d'un critère noté "
        "{range} ? Sinon, choisissez une appréciation ({words})."
    ),
    "tpl.marks.mark.prompt": "Note de l'évaluateur pour ce critère, {range} (3,5 accepté).",
    "tpl.marks.comment.note": (
        "Facultatif : la justification de la note, reprise dans le rapport d'analyse.\n"
        "Exemple : Enjeux du territoire bien identifiés."
    ),
    "tpl.marks.comment.title": "Commentaire",
    "tpl.marks.comment.prompt": (
        "Facultatif : pourquoi cette note. Repris dans le rapport d'analyse des offres."
    ),
    # the lisez-moi sheet: how to fill the workbook, then what to run
    "tpl.readme.title": "Classeur des offres — {title}",
    "tpl.readme.how": "Comment le remplir",
    "tpl.readme.how.rows": (
        "• Feuille offers : une ligne par offre et par lot. Un candidat qui répond à deux lots a "
        "deux lignes, avec le même nom écrit de la même façon."
    ),
    "tpl.readme.how.notes": (
        "• Chaque en-tête porte une note (survolez-le) qui explique la colonne, avec un exemple. "
        "Ne renommez pas les en-têtes : referent les reconnaît."
    ),
    "tpl.readme.how.checks": (
        "• Les cellules refusent une saisie impossible (un lot inconnu, un montant négatif, une "
        "note hors barème) : le message dit quoi taper."
    ),
    "tpl.readme.columns": "Les colonnes",
    "tpl.readme.candidate": "• Candidat : le nom de la structure qui répond.",
    "tpl.readme.lot": "• N° lot : le lot de l'offre ({lots}).",
    "tpl.readme.price": (
        "• Coût journalier HT : le prix d'une journée hors taxes, en euros ; Nombre de jours : "
        "les jours proposés (0,5 pour une demi-journée). Le prix HT de l'offre est coût "
        "journalier × nombre de jours."
    ),
    "tpl.readme.vat": (
        "• Taux de TVA : {choices} (une association non assujettie à la TVA : prix TTC = prix "
        "HT). Vide : le taux de la consultation ({default})."
    ),
    "tpl.readme.amount": (
        "• Montant HT (facultatif) : le total annoncé par le candidat, pour contrôle ; un écart "
        "avec coût journalier × nombre de jours est signalé."
    ),
    "tpl.readme.received": (
        "• Date de réception : le jour (et l'heure) où l'offre est arrivée. Date limite : "
        "{deadline} ; une offre reçue après est hors délai."
    ),
    "tpl.readme.documents": (
        "• Pièces exigées ({documents}) : oui si la pièce est dans l'offre, non sinon (vide = "
        "non). Une pièce manquante rend l'offre irrégulière (art. L2152-2)."
    ),
    "tpl.readme.scale": "« {header} » {range}",
    "tpl.readme.scale.long": "« {header} » ({label}) {range}",
    "tpl.readme.only_lots": " (lots {lots} seulement)",
    "tpl.readme.words": "par appréciation : {words}",
    "tpl.readme.lot_documents": "lot {lot} : {documents}",
    "tpl.readme.none": "aucune",
    "tpl.readme.marks_sheet": (
        "• Les notes du jury ne vont pas dans la feuille offers mais dans la feuille marks : une "
        "ligne par candidat, lot, critère et évaluateur ({evaluators}). referent en fait la "
        "moyenne (ou la médiane, selon criteria.yaml) et signale les notes trop éloignées."
    ),
    "tpl.readme.marks_scales": "• Barème des notes : {scales}. 3,5 est accepté.",
    "tpl.readme.marks_columns": (
        "• Notes du jury, une colonne par critère : {scales}. 3,5 est accepté. La colonne "
        "« <critère> commentaire » (facultative) justifie la note."
    ),
    "tpl.readme.decision": (
        "• Décision du jury et Motif de la décision (facultatifs) : si le jury écarte une offre "
        "comme irrégulière (art. L2152-2), inacceptable (art. L2152-3) ou inappropriée "
        "(art. L2152-4), choisissez le mot dans la liste et écrivez le motif à côté : il est "
        "obligatoire, et repris dans le rapport et la lettre de rejet. referent enregistre la "
        "décision du jury, il ne la prend pas. Les décisions se saisissent dans la feuille "
        "offers seulement."
    ),
    "tpl.readme.price_criterion": (
        "• Le critère « {label} » n'est pas noté à la main : referent le calcule à partir des prix."
    ),
    "tpl.readme.lots": "Les lots",
    "tpl.readme.lot_caps": "• Lot {id} — {title} : montant maximum {cap_ht} HT / {cap_ttc} TTC.",
    "tpl.readme.next": "Ensuite",
    "tpl.readme.validate": "1. Vérifier le classeur (chaque erreur est donnée avec sa cellule) :",
    "tpl.readme.score": "2. Calculer les points et le classement de chaque lot :",
    # init
    "tpl.init.lot_title": "Titre du lot {number} (à renommer)",
    # the prix sheet: one row per offer and line of a lot priced line by line
    "tpl.prix.candidate.note": (
        "Nom du candidat, écrit exactement comme dans la feuille offers. Copiez le bloc des "
        "lignes du lot une fois par candidat.\nExemple : Atelier Matières Vives (SCIC)"
    ),
    "tpl.prix.lot.note": "Lot chiffré ligne par ligne ({lots}).\nExemple : 2",
    "tpl.prix.lot.prompt": "Choisissez le lot dans la liste ({lots}).",
    "tpl.prix.lot.error": (
        "Ce lot n'est pas chiffré ligne par ligne dans lots.yaml ({lots}) : choisissez-le dans "
        "la liste."
    ),
    "tpl.prix.variant.note": (
        "Vide pour l'offre de base ; sinon le libellé de la variante, comme dans la feuille offers."
    ),
    "tpl.prix.round.note": "Tour de négociation de l'offre, comme dans la feuille offers.",
    "tpl.prix.line.note": (
        "Numéro de la ligne du bordereau, tel que lots.yaml le donne (lines).\nExemple : 1.2"
    ),
    "tpl.prix.line.prompt": "Le numéro de ligne de lots.yaml : ne le modifiez pas.",
    "tpl.prix.label.note": "Désignation de la ligne (pour information : lots.yaml fait foi).",
    "tpl.prix.unit.note": "Unité de la ligne (pour information : lots.yaml fait foi).",
    "tpl.prix.quantity.note": (
        "Quantité du DQE (pour information : l'outil prend celle de lots.yaml)."
    ),
    "tpl.prix.info.title": "Pour information",
    "tpl.prix.info.prompt": "Recopié de lots.yaml : l'outil ne lit pas cette colonne.",
    "tpl.prix.unit_price.note": (
        "Bordereau (price_model: schedule) : prix unitaire HT de la ligne, au centime. "
        "L'outil calcule prix unitaire × quantité, arrondi au centime ligne par ligne.\n"
        "Exemple : 12,50"
    ),
    "tpl.prix.amount.note": (
        "DPGF (price_model: dpgf) : montant HT de la ligne. Bordereau : le montant de la "
        "ligne indiqué dans l'offre, facultatif (comparé à prix unitaire × quantité).\n"
        "Exemple : 1250,00"
    ),
    "tpl.prix.price.title": "Prix HT",
    "tpl.prix.price.prompt": "Un montant HT positif, au centime (ex. 12,50).",
    "tpl.prix.price.error": "Tapez un montant HT positif, au centime, sans texte.",
    "tpl.readme.prix": (
        "• Feuille prix (lots {lots}, chiffrés ligne par ligne) : une ligne par offre et par "
        "ligne du bordereau. Copiez le bloc des lignes du lot une fois par candidat, puis tapez "
        "le candidat et le prix unitaire HT (bordereau) ou le montant HT de la ligne (DPGF). "
        "Les quantités sont celles de lots.yaml ; le montant HT de la feuille offers, s'il est "
        "indiqué, est comparé à la somme des lignes."
    ),
    "tpl.price_lines.note": (
        "Facultatif : le total HT annoncé par le candidat. Le prix retenu est la somme des "
        "lignes de la feuille prix ; un total qui en diffère est signalé (erreur matérielle)."
        "\nExemple : 9 000,00"
    ),
    "tpl.price_lines.title": "Montant HT (facultatif)",
    "tpl.price_lines.prompt": (
        "Facultatif : le total HT annoncé, comparé à la somme des lignes de la feuille prix."
    ),
    "tpl.price_lines.what": "le montant HT",
    "tpl.price_lines.example": "9000 ou 9612,50",
    "tpl.price_lines.also": (
        "Lots {lots} (chiffrés ligne par ligne, feuille prix) : facultatif, le total HT annoncé, "
        "comparé à la somme des lignes."
    ),
}
