"""Textes français : le vocabulaire de l'acheteur public."""

MESSAGES: dict[str, str] = {
    # fichiers et lots
    "inputs": "Fichiers : {files} (feuille {sheet}, SHA-256 {sha}…)",
    "lot.title": "Lot {id} — {title}",
    "lot.caps": "montant maximum {ht} HT / {ttc} TTC",
    "lot.ranked_count": "{n} offre(s) admissible(s) classée(s)",
    "lot.provisional": (
        "CLASSEMENT PROVISOIRE : des offres n'ont pas pu être évaluées (erreurs de saisie, voir "
        "plus bas) ; aucun attributaire n'est désigné avant leur correction"
    ),
    "lot.no_admissible": "Aucune offre admissible.",
    "lot.not_ranked": "Offres non classées",
    "lot.unplaced": "Offres sans lot valide",
    "lot.award": "Attribution : {candidate} — {note}",
    "lot.abnormal": (
        "offres anormalement basses : moins de {n} offres admissibles, la méthode {method} ne "
        "s'applique pas ; apprécier les prix au cas par cas"
    ),
    "md.caps": "Montant maximum : {ht} HT / {ttc} TTC",
    "md.provisional": "**Classement provisoire** : des offres n'ont pas pu être évaluées.",
    "md.row": "ligne {row}",
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
    "status.invalid": "à corriger",
    "verdict.ok": "OK",
    "verdict.over": "DÉPASSE",
    "verdict.unchecked": "NON CONTRÔLÉE",
    "severity.error": "erreur",
    "severity.warning": "avertissement",
    "budget.checked": "{n} offre(s) contrôlée(s)",
    "budget.over": "{n} au-dessus du montant maximum",
    "budget.unchecked": "{n} impossible(s) à contrôler : {names}",
    "budget.no_lot": "pas de lot valide, donc pas de montant maximum",
    "budget.no_price": "pas de prix : coût journalier ou nombre de jours illisible",
    "budget.no_ttc": "pas de prix TTC : taux de TVA illisible",
    "budget.checked_on": "contrôle en {basis}",
    "budget.unplaced": "Offres sans lot valide (aucun montant maximum à contrôler)",
    "budget.abnormally_low": "anormalement basse ?",
    "more_ranked": (
        "… et {n} autre(s) offre(s) classée(s) : --all les montre toutes (ou --format csv/json)"
    ),
    "more_excluded": "… et {n} autre(s) offre(s) non classée(s) : --all les montre toutes",
    "problems": "Problèmes",
    "valid": "valide : {errors} erreur(s), {warnings} avertissement(s)",
    "not_valid": "non valide : {errors} erreur(s), {warnings} avertissement(s)",
    "no_ground": "donnée à corriger dans le classeur, pas un motif de rejet",
    # notes sous un classement
    "note.price": (
        "Points prix ({criterion}) : méthode {formula} sur le prix {basis} des offres "
        "admissibles, {expression}, avec {figures}."
    ),
    "note.vat_mix": " Les taux de TVA diffèrent ({rates}) : les prix sont comparés {basis}.",
    "note.tie": "Égalité exacte à {total} points entre {names}",
    "note.tie_decided": " : départagés par les points du critère {criterion} ({figures})",
    "note.tie_undecided": " : les critères de départage ne les séparent pas",
    "note.tie_shared": " ; {names} restent ex æquo au rang {rank}",
    "and": "et",
    # motifs et avertissements
    "msg:late": "reçue le {received}, après la date limite du {deadline}",
    "msg:incomplete": "pièce(s) exigée(s) manquante(s) : {documents}",
    "msg:over_cap": (
        "prix {basis} de {price_money}, supérieur de {excess_money} au montant maximum {basis} "
        "du lot ({cap_money})"
    ),
    "msg:missing-mark": (
        "pas de note pour le critère {criterion} : le jury doit noter chaque critère"
    ),
    "msg:no-price": "prix impossible à calculer : le coût journalier ou le nombre de jours manque",
}
