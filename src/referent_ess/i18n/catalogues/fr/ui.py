"""French texts: the words of tables, Markdown and the terminal: headings, columns, statuses,
notes, lists."""

MESSAGES: dict[str, str] = {
    # les offres modifiées au cours d'une négociation
    "rounds.title": "Négociation : offre initiale → offre finale",
    "rounds.line": "{candidate} : offre initiale ({initial}) → offre finale ({final})",
    "rounds.state": "tour {round} : {price} HT, {outcome}",
    "rounds.state.no_price": "tour {round} : {outcome}",
    "rounds.ranked": "rang {rank}, {total} points",
    "rounds.regularised": (
        " — offre régularisée au cours de la négociation (art. R2152-1 du Code de la commande "
        "publique)"
    ),
    # an offer that is a variant of its candidate's base offer
    # an offer whose candidate cell is empty, named by its row
    "offer.nameless": "(sans nom, ligne {row})",
    "offer.variant": "variante « {variant} » de {candidate}",
    # fichiers et lots
    "inputs": "Fichiers : {files} (feuille « {sheet} », SHA-256 {sha}…)",
    "inputs.csv": "Fichiers : {files} (SHA-256 {sha}…)",
    "lot.title": "Lot {id} — {title}",
    "lot.caps": "montant maximum {ht} HT / {ttc} TTC",
    "lot.ranked_count": "{n} {n:offre admissible classée|offres admissibles classées}",
    "lot.provisional": (
        "CLASSEMENT PROVISOIRE : des offres n'ont pas pu être évaluées (erreurs de saisie, voir "
        "plus bas) ; aucun attributaire n'est désigné avant leur correction"
    ),
    "lot.no_admissible": "Aucune offre admissible.",
    "lot.not_ranked": "Offres non classées",
    "lot.unplaced": "Offres sans lot valide",
    "lot.award": "Attribution : {candidate} — {note}",
    "lot.warning": "Avertissement ({code}) — {message}.",
    "lot.abnormal": (
        "Offres anormalement basses : moins de {n} offres admissibles, la méthode retenue "
        "({method}) ne s'applique pas ; apprécier les prix au cas par cas"
    ),
    "abnormal.method.none": "aucune",
    "abnormal.method.mean-ratio": "comparaison à la moyenne des autres offres",
    "abnormal.method.mean-sigma": "moyenne moins un écart type",
    "abnormal.method.ffb": "double moyenne, dite méthode de la FFB",
    "md.caps": "Montant maximum : {ht} HT / {ttc} TTC",
    "md.provisional": "**Classement provisoire** : des offres n'ont pas pu être évaluées.",
    "md.budget_title": "Contrôle budgétaire — {title}",
    "col.lot": "Lot",
    "col.basis": "Base",
    "md.row": "ligne {row}",
    "md.offer_note": "{candidate} : {note}",
    "md.excluded": "{candidate} ({row}) : {status} — {reasons}",
    "md.not_ranked": "Offres non classées :",
    # colonnes
    "col.rank": "Rang",
    "col.candidate": "Candidat",
    "col.price_ht": "Prix\nHT",
    "col.price_ttc": "Prix\nTTC",
    "col.total": "Total",
    "col.gap": "Écart",
    "col.row": "Ligne",
    "col.status": "Statut",
    "col.reasons": "Motifs",
    "col.day_rate": "Coût jour.\nHT",
    "col.days": "Jours",
    "col.vat": "TVA",
    "col.cap": "Montant max.",
    "col.margin": "Marge",
    "col.check": "Contrôle",
    "col.note": "Note",
    "col.severity": "Gravité",
    "col.where": "Où",
    "col.field": "Champ",
    "col.code": "Code",
    "col.message": "Message",
    # statuts, verdicts, gravités
    "status.admissible": "admissible",
    "status.late": "hors délai",
    "status.incomplete": "irrégulière",
    "status.over_cap": "inacceptable",
    "status.below_threshold": "sous le seuil éliminatoire",
    "status.invalid": "à corriger",
    "status.irregular": "irrégulière",
    "status.unacceptable": "inacceptable",
    "status.inappropriate": "inappropriée",
    "verdict.ok": "OK",
    "verdict.over": "DÉPASSE",
    "verdict.unchecked": "NON CONTRÔLÉE",
    "severity.error": "erreur",
    "severity.warning": "avertissement",
    "budget.checked": "{n} {n:offre contrôlée|offres contrôlées}",
    "budget.over": "{n} au-dessus du montant maximum",
    "budget.unchecked": "{n} impossible{n:|s} à contrôler : {names}",
    "budget.no_lot": "pas de lot valide, donc pas de montant maximum",
    "budget.no_price": "pas de prix : coût journalier ou nombre de jours illisible",
    "budget.no_amount": "pas de prix : montant forfaitaire HT illisible",
    "budget.no_lines": "pas de prix : des lignes manquent dans la feuille des prix",
    "budget.no_ttc": "pas de prix TTC : taux de TVA illisible",
    "budget.checked_on": "contrôle en {basis}",
    "budget.unplaced": "Offres sans lot valide (aucun montant maximum à contrôler)",
    "budget.abnormally_low": "anormalement basse ?",
    "more_ranked": (
        "… et {n} {n:autre offre classée|autres offres classées} : --all les montre toutes (ou "
        "--format csv/json)"
    ),
    "more_excluded": (
        "… et {n} {n:autre offre non classée|autres offres non classées} : --all les montre toutes"
    ),
    # le début d'une ligne sur la sortie d'erreur, et ce qui suit les avertissements affichés
    "prefix.error": "erreur : ",
    "prefix.warning": "avertissement : ",
    "cli.more_warnings": "… et {n} de plus : `referent validate` les liste tous",
    "cli.written": "écrit : {path}",
    "cli.reading": "lecture des offres : {task.completed} lignes",
    "cli.written_letters.one": "écrit : 1 lettre dans {folder}",
    "cli.written_letters.many": "écrit : {n} lettres dans {folder}",
    "cli.updated": (
        "mis à jour : {path} (lignes d'offres conservées : {offers} ; lignes de notes "
        "conservées : {marks}) ; l'ancien fichier est gardé sous le nom {backup}"
    ),
    "cli.update_hint.one": (
        "il manque une colonne dont la configuration a besoin : referent template --update "
        "--out {path} l'ajoute en conservant toutes les offres et notes saisies (l'ancien "
        "fichier est gardé en sauvegarde)"
    ),
    "cli.update_hint.many": (
        "il manque {n} colonnes dont la configuration a besoin : referent template --update "
        "--out {path} les ajoute en conservant toutes les offres et notes saisies (l'ancien "
        "fichier est gardé en sauvegarde)"
    ),
    "cli.next_steps": (
        "Ensuite : 1. dans lots.yaml, donnez à chaque lot son intitulé et son montant maximum "
        "(cap_ht ou cap_ttc), et la date limite ; 2. dans criteria.yaml, les pondérations de "
        "votre consultation ; 3. si vous avez changé les lots, les pièces ou les critères, "
        "{where}referent template --update (offers.xlsx leur correspond alors, sans rien perdre "
        "de ce qui est saisi) ; 4. saisissez "
        "les offres, les notes du jury et ses décisions (offre irrégulière, inacceptable ou "
        "inappropriée, avec leur motif) dans offers.xlsx ; 5. {where}referent validate, puis "
        "referent score."
    ),
    "cli.placeholder_ocid": (
        "le fichier OCDS utilise le préfixe d'ocid provisoire ocds-xxxxxx ; indiquez le vôtre "
        "avec --ocid-prefix avant de publier (l'Open Contracting Partnership en attribue un)"
    ),
    "provisional": (
        "{path} : le classement {lots} est provisoire : {n} "
        "{n:offre non évaluée|offres non évaluées} à cause "
        "d'erreurs de saisie ({rows}) ; corrigez-les (voir `referent validate`) avant de décider"
    ),
    "provisional.lot": "du lot {which}",
    "provisional.lots": "des lots {which}",
    "provisional.row": "ligne {rows}",
    "provisional.rows": "lignes {rows}",
    "problems": "Problèmes",
    "valid": (
        "valide : {errors} {errors:erreur|erreurs}, {warnings} "
        "{warnings:avertissement|avertissements}"
    ),
    "not_valid": (
        "non valide : {errors} {errors:erreur|erreurs}, {warnings} "
        "{warnings:avertissement|avertissements}"
    ),
    "no_ground": "donnée à corriger dans le classeur, pas un motif de rejet",
    # notes sous un classement
    "note.price": (
        "Points du critère « {criterion} » : méthode {formula} sur le prix {basis} des offres "
        "admissibles, {expression}, avec {figures}."
    ),
    "note.pse.retained": (
        " PSE retenues, comprises dans le prix comparé (offre de base + PSE) : {retained}."
    ),
    "note.pse.none": " Aucune PSE n'est retenue : le prix comparé est celui de l'offre de base.",
    "note.pse.left": " Non retenues : {left}.",
    "note.pse.caps_base": " Les montants maximums sont comparés au prix de l'offre de base seul.",
    "note.pse.quoted": "« {label} »",
    "budget.pse.included": "prix avec les PSE retenues : {retained}",
    "budget.pse.none": "aucune PSE retenue : prix des offres de base",
    "budget.pse.base": "prix des offres de base, sans les PSE (caps_include_pse: false)",
    "note.vat_mix": " Les taux de TVA diffèrent ({rates}) : les prix sont comparés {basis}.",
    "note.tree": "Sous-critères de {parent} : {children}.",
    "note.tree.node": "« {label} » (/{maximum})",
    "note.tie": "Égalité exacte à {total} points entre {names}",
    "note.tie_decided": " : départagés par les points du critère « {criterion} » ({figures})",
    "note.tie_undecided": " : les critères de départage ne les séparent pas",
    "note.tie_shared": " ; {names} restent ex æquo au rang {rank}",
    "and": "et",
    # les mots que plusieurs rendus partagent (render.phrases) : statuts expliqués, formules de
    # prix, bases de prix, dates limites, motifs dans la voix du rapport
    "status.explained.admissible": "offre admissible, classée",
    "status.explained.late": "offre reçue après la date limite de réception des offres",
    "status.explained.incomplete": (
        "offre irrégulière : une pièce exigée par le règlement de la consultation manque"
    ),
    "status.explained.over_cap": (
        "offre inacceptable : son prix dépasse les crédits budgétaires alloués au lot"
    ),
    "status.explained.below_threshold": (
        "offre éliminée : sous un seuil éliminatoire annoncé au règlement de la consultation "
        "(sa règle propre, sans article du Code)"
    ),
    "status.explained.invalid": (
        "offre non évaluée : le classeur contient une erreur de saisie à corriger"
    ),
    "status.explained.irregular": (
        "offre déclarée irrégulière par le jury : elle ne respecte pas les exigences des "
        "documents de la consultation ou méconnaît la législation applicable"
    ),
    "status.explained.unacceptable": (
        "offre déclarée inacceptable par le jury : son prix excède les crédits budgétaires "
        "alloués au marché"
    ),
    "status.explained.inappropriate": (
        "offre déclarée inappropriée par le jury : sans rapport avec le marché, elle n'est "
        "manifestement pas en mesure de répondre au besoin et aux exigences de l'acheteur sans "
        "modification substantielle"
    ),
    "formula.proportional": "proportionnelle",
    "formula.linear": "linéaire",
    "formula.gap": "par écart",
    "formula.proportional.described": "proportionnelle (Pmin / P)",
    "formula.linear.described": "linéaire ((Pmax − P) / (Pmax − Pmin))",
    "formula.gap.described": "par écart ((k·Pmin − P) / ((k − 1)·Pmin))",
    "basis.ht": "HT",
    "basis.ttc": "TTC",
    "basis.both": "HT et TTC",
    "deadline.none": "non précisée",
    "deadline.whole_day": "{date} (jusqu'à la fin de la journée)",
    "reason.late": "reçue le {received}, après la date limite du {deadline}",
    "reason.incomplete.one": "pièce exigée manquante : {documents}",
    "reason.incomplete.many": "pièces exigées manquantes : {documents}",
    "reason.over_cap": (
        "prix {basis} de {price} supérieur au montant maximum {basis} du lot ({cap}) de {excess}"
    ),
    "reason.missing_mark": "pas de note pour le critère « {criterion} »",
    "reason.no_price.lump_sum": (
        "pas de prix : le lot est à prix forfaitaire et le montant HT de l'offre manque"
    ),
    "reason.no_price.pse": "pas de prix : la PSE retenue « {label} » n'a pas de montant",
    "reason.no_price": (
        "le prix ne peut pas être calculé : le coût journalier ou le nombre de jours manque"
    ),
    "reason.jury": "motif du jury : {reason}",
    "letter.reason.late": (
        "Offre reçue le {received}, après la date limite de réception des offres"
    ),
    "letter.reason.late_by": (
        "Offre reçue le {received}, après la date limite de réception des offres ({deadline})"
    ),
    "letter.reason.incomplete.one": (
        "Pièce exigée par le règlement de la consultation manquante : {documents}"
    ),
    "letter.reason.incomplete.many": (
        "Pièces exigées par le règlement de la consultation manquantes : {documents}"
    ),
    "letter.reason.over_cap": (
        "Prix de votre offre : {price} {basis}, supérieur de {excess} au montant maximum {basis} "
        "fixé pour le lot ({cap} {basis})"
    ),
    "letter.reason.jury": "Motif retenu par le jury : {reason}",
    "note.hierarchy": (
        "Classement par hiérarchie des critères (ordering: hierarchy, sans points ni total) : "
        "{order} ; un critère n'est examiné que si les offres sont à égalité sur les précédents."
    ),
    "note.hierarchy.price": "{criterion} (prix le plus bas d'abord)",
    "note.hierarchy.mark": "{criterion} (note la plus haute d'abord)",
    "note.hierarchy.then": ", puis ",
    # problèmes de données (validate) et avertissements d'un classement
    "word.sheet": "feuille",  # a whole sheet, where a problem is
    # punctuation between the parts of a line: French puts a space before ":" and ";"
    "punct.colon": " : ",
    "punct.semicolon": " ; ",
    # template et init
    "list.mark": "{evaluator} ({mark})",
    "list.separator": ", ",
    "list.scale_word": "« {word} » ({mark})",
}
