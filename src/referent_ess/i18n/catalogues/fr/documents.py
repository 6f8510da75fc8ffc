"""French texts of the documents of a decision: the HTML and xlsx reports, the letters to the
candidates and the OCDS release.

These documents are French whatever ``--lang`` says: they go to a French public buyer's board,
to the candidates and to a French publication platform. They are rendered inside
``i18n.language("fr")``, so their keys (``doc.*``) exist in French only: the English catalogue
has none, and the test that both catalogues hold the same keys leaves out the ``doc.`` keys (an
English run that asked for one would fail loudly, since English has no fallback for them).

Keys: ``doc.*`` are shared by several documents, ``doc.html.*`` the HTML report, ``doc.xlsx.*``
the xlsx report, ``doc.letter.*`` the letters, ``doc.ocds.*`` the OCDS release. A ``.one`` /
``.other`` pair is a text whose words agree with ``{n}`` (French: 0 and 1 take the singular).
The HTML texts hold no markup and no ``<`` or ``&``: the page takes them as they are (a test
checks it). A few texts keep a line break where the page's source had one. A cohesive data
module: one place for every sentence of the documents, longer than ~400 lines for that reason.
"""

MESSAGES: dict[str, str] = {
    # ---- shared by the documents ----
    "doc.report": "Rapport d'analyse des offres",
    "doc.nameless": "(sans nom, ligne {row})",
    "doc.report.of": "Rapport d'analyse des offres — {title}",
    "doc.audit.rows": "Offres et lignes du classeur",
    "doc.audit.lot": "Lot",
    # the commission's block: who met, the proposed award of each lot, the signatures
    "doc.xlsx.sheet.commission": "Proposition",
    "doc.commission.heading": "Proposition d'attribution et signatures",
    "doc.commission.default_name": "La commission",
    "doc.commission.met": "{name} — séance du {date}",
    "doc.commission.met.undated": "{name} — séance du ………………",
    "doc.commission.met.place": ", à {place}",
    "doc.commission.members": "Membres présents",
    "doc.commission.member": "Membre",
    "doc.commission.role": "Qualité",
    "doc.commission.no_members": (
        "Membres présents : ……………… (indiquez-les sous consultation.commission.members dans "
        "lots.yaml)"
    ),
    "doc.commission.lot": "le lot {id} ({title})",
    "doc.commission.proposal": (
        "La commission propose d'attribuer {lot} à «\u00a0{candidate}\u00a0», dont l'offre est "
        "classée {rank} avec {total} points sur {top}."
    ),
    "doc.commission.proposal.provisional": (
        "La commission ne peut pas encore proposer d'attributaire pour {lot} : le classement "
        "est provisoire."
    ),
    "doc.commission.proposal.none": (
        "Aucune offre n'est classée pour {lot} : la commission ne propose pas d'attributaire."
    ),
    "doc.commission.proposal.undecided": (
        "La commission ne propose pas encore d'attributaire pour {lot}{why}."
    ),
    "doc.commission.proposal.because": " : {why}",
    "doc.commission.signatures": "Signatures",
    "doc.commission.done_at": "Fait à {place}, le {date}",
    "doc.commission.blank": "………………",
    "doc.commission.signature": "Signature",
    "doc.summary": "Synthèse",
    "doc.lot": "Lot {lot}",
    "doc.provisional": "Classement provisoire",
    "doc.deadline": "Date limite de réception des offres",
    "doc.criteria": "Critères d'attribution",
    "doc.amount.ht": "{amount} HT",
    "doc.amount.ttc": "{amount} TTC",
    "doc.col.price_ht": "Prix HT",
    "doc.col.price_ttc": "Prix TTC",
    "doc.col.gap": "Écart au premier",
    "doc.col.criterion": "Critère",
    "doc.col.points": "Points",
    "doc.col.comment": "Appréciation du jury",
    "doc.col.winner": "Attributaire pressenti",
    "doc.col.meaning": "Signification",
    "doc.sub_criteria": "Sous-critères",
    "doc.parent_rule": "somme des points de ses sous-critères",
    "doc.set_lots.one": "Lot {lots}",
    "doc.set_lots.other": "Lots {lots}",
    "doc.tree_note": "{lead} de {parent} : {children}.",
    "doc.tree.node": "« {label} » ({top} points)",
    "doc.price_points": "Points prix",
    "doc.no_ranking": "Aucune offre admissible : aucun classement.",
    "doc.data_error": "à corriger ({code}) : {message}",
    "doc.tie": "Égalité exacte",  # the lead of note.tie, in bold in the HTML report
    "doc.tie.decided": " : départagées par les points du critère « {criterion} » ({figures})",
    "doc.tie.shared": " ; {names} partagent le rang {rank}",
    "doc.cell": "cellule {cell}",
    "doc.marks_rule": "note du jury de 0 à {scale} ; points = {top} × note / {scale}",
    "doc.marks_rule.words": ("appréciation du jury : {words} ; points = {top} × note / {scale}"),
    "doc.scale_word": "« {word} » = {mark}",
    "doc.letter.with_word": "{points} (« {word} »)",
    "doc.html.word": "« {word} » :",
    "doc.threshold_rule": (
        " ; seuil éliminatoire annoncé au règlement de la consultation : {min_points} points "
        "(une offre qui en obtient moins est éliminée)"
    ),
    "doc.with_k": ", avec k = {k}",
    "doc.role.lots": "Consultation et lots",
    "doc.role.offers": "Offres et notes du jury",
    "doc.audit.tool": "Outil",
    "doc.audit.file": "Fichier",
    "doc.audit.path": "Chemin",
    "doc.audit.command": "Ligne de commande",
    "doc.col.scoring": "Notation",
    "doc.col.received": "Offres reçues",
    "doc.col.legal_basis": "Fondement juridique",
    # ---- the HTML report: cover, contents, summary ----
    "doc.html.contents": "Sommaire",
    "doc.html.method": "Méthode d'analyse",
    "doc.html.audit": "Traçabilité",
    "doc.html.cover.caps": "Montants maximums contrôlés",
    "doc.html.cover.caps_value": "prix {basis} de chaque offre",
    "doc.html.cover.offers": "Offres analysées",
    "doc.html.cover.offers_value": "{received} sur {where}",
    "doc.html.cover.one_lot": "le lot {lot}",
    "doc.html.cover.date": "Rapport établi le",
    "doc.html.lots.one": "{n} lot",
    "doc.html.lots.other": "{n} lots",
    "doc.html.received.one": "{n} offre reçue",
    "doc.html.received.other": "{n} offres reçues",
    "doc.html.ranked.one": "{n} admissible et classée",
    "doc.html.ranked.other": "{n} admissibles et classées",
    "doc.html.excluded.one": "{n} non classée",
    "doc.html.excluded.other": "{n} non classées",
    "doc.html.col.cap_ht": "Montant max. HT",
    "doc.html.col.cap_ttc": "Montant max. TTC",
    "doc.html.col.admissible": "Admissibles",
    "doc.html.col.excluded": "Non classées",
    "doc.html.col.price": "Prix",
    "doc.html.summary.intro": (
        "Les offres sont contrôlées par rapport au montant maximum {basis} de chaque lot, puis "
        "les offres admissibles sont notées et classées selon les critères pondérés décrits "
        "dans la {method}."
    ),
    "doc.html.summary.method_link": "méthode d'analyse",
    "doc.html.summary.provisional": (
        "Un classement provisoire ne désigne pas d'attributaire : des offres n'ont pas pu être "
        "évaluées à cause d'erreurs de saisie dans le classeur des offres. Corrigez-les (voir "
        "{command}) avant de décider."
    ),
    "doc.html.summary.no_admissible": "Aucune offre admissible",
    "doc.html.summary.tie": "Ex æquo",
    "doc.html.unknown_ht": "HT inconnu",
    "doc.html.unknown_ttc": "TTC inconnu",
    # ---- the HTML report: one lot ----
    "doc.html.lot.facts": (
        "Montant maximum : {ht} · {ttc} (montant contrôlé : {basis}) — {received}, {ranked}, "
        "{excluded}."
    ),
    "doc.html.provisional.one": (
        "{n} offre n’a pas pu être évaluée (erreurs de saisie, ligne {rows} du classeur). "
        "Aucun attributaire n'est proposé tant qu'elles ne sont pas corrigées."
    ),
    "doc.html.provisional.other": (
        "{n} offres n’ont pas pu être évaluées (erreurs de saisie, lignes {rows} du classeur). "
        "Aucun attributaire n'est proposé tant qu'elles ne sont pas corrigées."
    ),
    "doc.html.lot.ranking": "Classement des offres admissibles",
    "doc.html.lot.caption": "Classement du lot {lot}",
    "doc.html.lot.detail_caption": "Points des sous-critères du lot {lot}",
    "doc.html.lot.none_excluded": "Aucune : toutes les offres reçues sont admissibles.",
    "doc.html.winner": "attributaire pressenti",
    "doc.price_note": (
        "{lead} (« {criterion} ») : méthode {formula} sur le prix {basis} des offres "
        "admissibles, {expression}, avec {figures}."
    ),
    "doc.html.comments": "Appréciations du jury",
    "doc.html.warnings": "Points d'attention",
    "doc.html.warning.price-mismatch": (
        "le montant HT indiqué diffère du coût journalier × nombre de jours ; le prix unitaire "
        "prévaut"
    ),
    "doc.html.warning.other-cap": (
        "l'offre est d'un côté d'un montant maximum et de l'autre côté du second : seul le "
        "montant contrôlé décide"
    ),
    "doc.html.warning.received-time-unknown": (
        "reçue le jour de la date limite, sans heure : vérifier qu'elle était dans les délais"
    ),
    "doc.html.warning.unusual-vat-rate": "taux de TVA inhabituel en France",
    "doc.html.warning.vat-basis": (
        "les prix sont comparés HT alors que les taux de TVA des offres diffèrent : comparés TTC, "
        "ce que paie l'acheteur, le classement peut changer"
    ),
    "doc.html.warning.missing-value": "une valeur facultative manque",
    "doc.html.col.reasons": "Motifs et fondement juridique",
    "doc.html.unplaced": (
        "Le lot de ces offres n'a pas pu être lu : tant qu'elles ne sont pas corrigées, le "
        "classement de chaque lot est provisoire."
    ),
    # the chart
    "doc.html.chart.title": (
        "Lot {lot} : total des points de chaque offre classée, décomposé par critère"
    ),
    "doc.html.chart.caption": (
        "Total des points de chaque offre classée, décomposé par critère (sur {total})."
    ),
    "doc.html.chart.offer": "{rank}. {candidate} : {total} points",
    "doc.html.chart.axis": "points (sur {total})",
    "doc.html.chart.tip": "{candidate} — {criterion} : {points} / {maximum}",
    "doc.html.chart.legend": "{criterion} ({maximum} points)",
    # ---- the HTML report: method and audit ----
    "doc.html.col.weight": "Pondération",
    "doc.html.col.max_points": "Points max.",
    "doc.html.col.legal_basis": "Fondement juridique (Code de la commande publique)",
    "doc.html.method.points": (
        "Chaque offre admissible est notée sur {total} points ; la pondération de chaque "
        "critère en\ndonne le nombre de points maximum."
    ),
    "doc.html.method.price_rule": (
        "méthode {formula} : points = {expression}, où P est le prix {basis} de l'offre, Pmin "
        "(et Pmax) le prix {basis} le plus bas (le plus haut) des offres admissibles du lot"
    ),
    "doc.html.method.linear_equal": ", {top} si Pmax = Pmin",
    "doc.html.method.prices": "Prix et montants maximums",
    "doc.html.method.prices_text": (
        "Prix HT = coût journalier HT × nombre de jours ; prix TTC = prix HT × (1 + taux de TVA "
        "de\nl'offre, {vat} par défaut). Chaque montant est arrondi au centime, au demi "
        "supérieur. Le prix de\nchaque offre est comparé au montant maximum {basis} de son lot : "
        "au-delà, l'offre est\ninacceptable."
    ),
    "doc.html.method.rounding": "Calculs et arrondis",
    "doc.html.method.rounding_text": (
        "Les points et les totaux sont calculés en fractions exactes, sans aucune approximation "
        ": un\nrésultat comme 40/3 reste exact et n'est pas remplacé par 13,333… Ils ne sont "
        "arrondis au centième,\nau demi supérieur (0,125 → 0,13), que pour l'affichage. Le "
        "classement, les égalités et les écarts\nau premier sont établis sur les valeurs "
        "exactes : un écart affiché peut différer d'un centième de\nla différence des totaux "
        "affichés."
    ),
    "doc.html.method.ranking": "Classement et égalités",
    "doc.html.method.ranking_text": (
        "Les offres admissibles sont classées par total décroissant. {tie_break}"
    ),
    "doc.html.method.tie_break": (
        "Une égalité exacte des totaux est départagée par les points du critère {criteria} : "
        "l'offre qui en a le plus est classée devant. Les offres encore à égalité partagent le "
        "rang (1, 2, 2, 4) et sont citées dans l'ordre du classeur."
    ),
    "doc.html.method.no_tie_break": (
        "Aucun critère de départage n'est prévu : les offres dont les totaux sont exactement "
        "égaux partagent le rang (1, 2, 2, 4)."
    ),
    "doc.html.method.statuses": "Statut des offres",
    "doc.html.method.statuses_text": (
        "Chaque offre reçoit le premier statut qui s'applique, dans l'ordre ci-dessous ; seules "
        "les\noffres admissibles reçoivent des points prix et un rang."
    ),
    # les constats de referent lint, dans la section « Méthode » des rapports
    "doc.method.lint": "Contrôle juridique de la méthode de notation (referent lint)",
    "doc.method.lint_text": (
        "La méthode de notation et les offres ont été contrôlées au regard des règles de la "
        "commande publique, de la jurisprudence et des recommandations de la DAJ ; un risque "
        "juridique signale une règle ou une décision de justice probablement méconnue, une "
        "recommandation un conseil de la DAJ ou une heuristique propre à l'outil."
    ),
    "doc.html.method.invalid_basis": (
        "aucun : le classeur doit être corrigé, le classement du lot est provisoire"
    ),
    "doc.html.audit.run_at": "Exécuté le",
    "doc.html.audit.sheet": "Feuille des offres",
    "doc.html.audit.sha256": "Empreinte SHA-256",
    "doc.html.audit.same_files": (
        "Les mêmes fichiers (mêmes empreintes) donnent le même rapport, à la date\nd'exécution "
        "près. Tout changement d'un fichier change son empreinte."
    ),
    "doc.html.audit.sheet_notes": "Remarques sur le classeur",
    # ---- the xlsx report: summary and audit ----
    "doc.xlsx.sheet.method": "Méthode",
    "doc.xlsx.sheet.audit": "Audit",
    "doc.xlsx.col.title": "Intitulé",
    "doc.xlsx.col.cap_ht": "Montant maximum HT",
    "doc.xlsx.col.cap_ttc": "Montant maximum TTC",
    "doc.xlsx.col.admissible": "Offres admissibles",
    "doc.xlsx.col.total": "Total (/{total})",
    "doc.xlsx.col.observation": "Observation",
    "doc.xlsx.summary.consultation": "Consultation",
    "doc.xlsx.summary.buyer": "Acheteur",
    "doc.xlsx.summary.no_buyer": "non précisé",
    "doc.xlsx.summary.cap": "Montant maximum contrôlé",
    "doc.xlsx.summary.cap_value": (
        "{basis} : le prix de chaque offre est comparé au montant maximum {basis} de son lot"
    ),
    "doc.xlsx.summary.criteria": "Critères",
    "doc.xlsx.summary.criteria_value": (
        "{n} critères notés sur {total} points (voir la feuille {sheet})"
    ),
    "doc.xlsx.summary.criteria_by_lot": (
        "des critères propres à chaque lot, notés sur {total} points (voir la feuille {sheet})"
    ),
    "doc.xlsx.summary.no_admissible": "aucune offre admissible",
    "doc.xlsx.summary.provisional": "classement provisoire",
    "doc.xlsx.summary.leading": (
        "En tête provisoirement : {names} ({total} points) ; des offres sont à corriger avant "
        "de décider."
    ),
    "doc.xlsx.summary.tie": (
        "Ex aequo au premier rang : les critères de départage ne les séparent pas."
    ),
    "doc.xlsx.summary.unplaced": (
        "{n} {n:offre sans numéro de lot lisible ne figure|offres sans numéro de lot lisible "
        "ne figurent} dans aucun lot : corrigez le classeur des offres."
    ),
    "doc.xlsx.summary.rounding": (
        "Les points et les totaux sont arrondis à 2 décimales pour l'affichage ; le classement "
        "est établi sur les valeurs exactes."
    ),
    "doc.xlsx.provisional": (
        "Classement provisoire : {n} "
        "{n:offre n'a pas pu être évaluée|offres n'ont pas pu être évaluées} à cause d'erreurs de "
        "saisie dans le classeur des offres ({n:ligne|lignes} {rows}). Corrigez-les (voir "
        "`referent "
        "validate`) avant de décider."
    ),
    "doc.xlsx.deadline.at": "le {when}",
    "doc.xlsx.deadline.day": "le {when}, jusqu'à la fin de la journée",
    "doc.xlsx.audit.title": "Traçabilité de l'analyse",
    "doc.xlsx.audit.version": "Version",
    "doc.xlsx.audit.run_at": "Date d'exécution",
    "doc.xlsx.audit.sheet": "Feuille des offres lue",
    "doc.xlsx.audit.csv": "(fichier CSV : une seule feuille)",
    "doc.xlsx.audit.same_files": (
        "Les mêmes fichiers d'entrée (mêmes empreintes SHA-256) donnent les mêmes feuilles, à la "
        "date d'exécution près."
    ),
    # ---- the xlsx report: one lot ----
    "doc.xlsx.lot.facts": (
        "Montant maximum : {ht} / {ttc} (contrôlé {basis}) · {received} "
        "{received:offre reçue|offres reçues}, "
        "{ranked} {ranked:classée|classées}, {excluded} {excluded:non classée|non classées}"
    ),
    "doc.xlsx.lot.provisional": "Classement provisoire : voir la note sous le tableau.",
    "doc.xlsx.col.criterion": "{criterion} (/{top})",
    "doc.xlsx.col.comment": "Commentaire du jury",
    "doc.xlsx.tied": " (ex aequo)",
    "doc.xlsx.abnormal_flag": " ; prix à justifier (anormalement bas ?)",
    "doc.xlsx.lot.gap_note": (
        "L'écart au premier est calculé sur les totaux exacts : il peut différer de 0,01 de la "
        "différence des totaux arrondis affichés."
    ),
    "doc.xlsx.lot.abnormal": (
        "Prix peut-être anormalement bas — {candidate} : l'offre reste classée ; avant tout "
        "rejet, il faut demander au candidat de justifier son prix (art. L2152-5 et R2152-3 du "
        "Code de la commande publique). Détail : {detail}"
    ),
    "doc.xlsx.lot.check": "À vérifier — {candidate} : {detail}",
    "doc.xlsx.lot.check_lot": "À vérifier — {detail}.",
    "doc.xlsx.excluded": "Offres non classées ({n})",
    "doc.xlsx.chart.title": "Lot {lot} : points par critère",
    # ---- the xlsx report: the method sheet ----
    "doc.xlsx.method.title": "Méthode de notation et de classement",
    "doc.xlsx.col.label": "Libellé",
    "doc.xlsx.col.weight": "Pondération (%)",
    "doc.xlsx.col.max_points": "Points maximum",
    "doc.xlsx.method.price_rule": "formule de prix : {formula}",
    "doc.xlsx.method.formula": "Formule de prix",
    "doc.xlsx.method.formula_text": (
        "Critère « {criterion} », formule {formula} : points = {expression}, où P est le prix "
        "{basis} de l'offre et Pmin le prix {basis} le plus bas parmi les offres admissibles du "
        "lot.{extra} Les offres non admissibles ne comptent pas dans Pmin."
    ),
    "doc.xlsx.method.linear": (
        " Pmax est le prix le plus élevé parmi elles ; quand Pmax = Pmin, toutes les offres ont "
        "le maximum des points."
    ),
    "doc.xlsx.method.gap": " Une offre dont le prix atteint {k} × Pmin ou plus a 0 point.",
    "doc.xlsx.method.prices": "Prix des offres",
    "doc.xlsx.method.prices_text": (
        "Prix HT = coût journalier HT × nombre de jours, au centime, arrondi au demi supérieur ; "
        "prix TTC = prix HT × (1 + taux de TVA), au centime, arrondi au demi supérieur. Une "
        "offre sans taux de TVA prend celui de la consultation ({vat}) ; une offre exonérée a un "
        "prix TTC égal au prix HT. Le prix est comparé au montant maximum {basis} du lot."
    ),
    # after the price rule, when some lot is priced as a lump sum (price_model: lump_sum)
    "doc.method.lump_sum.all": (
        " Les lots sont à prix forfaitaire : le prix HT d'une offre est le montant HT qu'elle "
        "indique."
    ),
    "doc.method.lump_sum.single": (
        " Le lot {lot} est à prix forfaitaire : le prix HT d'une offre est le montant HT qu'elle "
        "indique."
    ),
    "doc.method.lump_sum.several": (
        " Les lots {lots} sont à prix forfaitaire : le prix HT d'une offre est le montant HT "
        "qu'elle indique."
    ),
    "doc.method.schedule": (
        " Le lot {lot} est chiffré sur bordereau des prix unitaires et détail quantitatif "
        "estimatif (BPU × DQE) : le prix HT d'une offre est la somme de ses lignes, chacune prix "
        "unitaire HT × quantité du DQE arrondi au centime (la moitié vers le haut) ; quand le "
        "total indiqué dans l'offre en diffère (erreur matérielle), {rule}."
    ),
    "doc.method.dpgf": (
        " Le lot {lot} est chiffré sur décomposition du prix global et forfaitaire (DPGF) : le "
        "prix HT d'une offre est la somme des montants HT de ses lignes ; quand le montant "
        "forfaitaire indiqué en diffère (erreur matérielle), {rule}."
    ),
    "doc.method.rule.schedule.unit_price": (
        "les prix unitaires prévalent et l'offre est évaluée sur le total recalculé"
    ),
    "doc.method.rule.schedule.stated_total": (
        "le total indiqué prévaut et l'offre est évaluée sur ce total"
    ),
    "doc.method.rule.dpgf.unit_price": (
        "les lignes prévalent et l'offre est évaluée sur leur somme"
    ),
    "doc.method.rule.dpgf.stated_total": (
        "le montant forfaitaire indiqué prévaut et l'offre est évaluée sur ce montant"
    ),
    "doc.xlsx.method.rounding": "Arrondis",
    "doc.xlsx.method.rounding_text": (
        "Les points et les totaux sont calculés en fractions exactes, sans arrondi. Ils sont "
        "arrondis à 2 décimales, au demi supérieur (0,125 donne 0,13 ; 0,124 donne 0,12), pour "
        "l'affichage seulement ; le classement et l'écart au premier utilisent les valeurs "
        "exactes."
    ),
    "doc.xlsx.method.ties": "Départage des égalités",
    "doc.xlsx.method.no_tie_break": (
        "Aucun critère de départage : des offres dont les totaux exacts sont égaux partagent le "
        "même rang."
    ),
    "doc.xlsx.method.tie_break": (
        "Deux offres dont les totaux exacts sont égaux sont départagées par les points du "
        "critère {criteria}, dans cet ordre ; si aucun ne les sépare, elles partagent le même "
        "rang."
    ),
    "doc.xlsx.method.abnormal": "Offres anormalement basses",
    "doc.xlsx.abnormal.none": (
        "Aucune méthode de détection n'est configurée : les prix sont appréciés au cas par cas."
    ),
    "doc.xlsx.abnormal.mean-ratio": (
        "Comparaison à la moyenne des autres offres : un prix est signalé quand il est inférieur "
        "à {ratio} × la moyenne des autres offres admissibles du lot."
    ),
    "doc.xlsx.abnormal.mean-sigma": (
        "Moyenne moins un écart type : un prix est signalé quand il est inférieur à la moyenne "
        "des offres admissibles du lot moins leur écart type."
    ),
    "doc.xlsx.abnormal.ffb": (
        "Double moyenne, dite méthode de la FFB : moyenne des offres admissibles du lot, puis "
        "moyenne de celles qui ne la dépassent pas de plus de 20 % ; un prix est signalé quand "
        "il est inférieur ou égal à 0,9 × cette seconde moyenne."
    ),
    "doc.xlsx.abnormal.rule": (
        "{rule} Il faut au moins {n} offres admissibles. Une offre signalée reste admissible et "
        "classée : la loi impose de demander au candidat de justifier son prix avant tout rejet "
        "(art. L2152-5 et R2152-3 du Code de la commande publique)."
    ),
    "doc.xlsx.method.deadline": "Date limite et pièces exigées",
    "doc.xlsx.method.deadline_text": (
        "Date limite de réception des offres : {deadline}. Pièces exigées : {documents}."
    ),
    "doc.xlsx.method.no_documents": "aucune",
    "doc.xlsx.method.statuses": "Statuts des offres (le premier qui s'applique)",
    "doc.xlsx.method.ranked": "offre classée",
    # ---- the letters to the candidates ----
    "doc.letter.buyer": "L'acheteur",
    "doc.letter.reference": "Réf. : {reference}",
    "doc.letter.sending.electronic": "Envoyé par voie électronique",
    "doc.letter.sending.electronic_via": "Envoyé par voie électronique via {platform}",
    "doc.letter.sending.registered-mail": "Lettre recommandée avec accusé de réception",
    "doc.letter.sending.hand": "Remis en main propre contre récépissé",
    "doc.letter.done_at": "Fait à {place}, le {date}",
    "doc.letter.done": "Fait le {date}",
    "doc.letter.not_ranked": "non classée",
    "doc.letter.legal_intro.ranked": (
        "Conformément aux articles R2181-1 et R2181-2 du code de la commande publique, vous "
        "trouverez ci-dessous les motifs du rejet de votre offre, ses notes et son classement, "
        "le nom de l'attributaire ainsi que les caractéristiques et les avantages relatifs de "
        "l'offre retenue."
    ),
    "doc.letter.legal_intro": (
        "Conformément aux articles R2181-1 et R2181-2 du code de la commande publique, vous "
        "trouverez ci-dessous les motifs du rejet de votre offre."
    ),
    "doc.letter.legal_intro.formalised": (
        "Conformément aux articles R2181-1 et R2181-3 du code de la commande publique, vous "
        "trouverez ci-dessous les motifs du rejet de votre offre, le nom de l'attributaire et "
        "les motifs qui ont conduit au choix de son offre, ainsi que la date à compter de "
        "laquelle le marché est susceptible d'être signé."
    ),
    "doc.letter.legal_intro.formalised_ranked": (
        "Conformément aux articles R2181-1 et R2181-3 du code de la commande publique, vous "
        "trouverez ci-dessous les motifs du rejet de votre offre, ses notes et son classement, "
        "le nom de l'attributaire et les motifs qui ont conduit au choix de son offre (ses "
        "caractéristiques et ses avantages relatifs), ainsi que la date à compter de laquelle "
        "le marché est susceptible d'être signé."
    ),
    # the procedure, as a letter names it (« … dans le cadre d'une procédure adaptée »)
    "doc.procedure.procedure-adaptee": "procédure adaptée",
    "doc.procedure.appel-offres-ouvert": "appel d'offres ouvert",
    "doc.procedure.appel-offres-restreint": "appel d'offres restreint",
    "doc.procedure.procedure-avec-negociation": "procédure avec négociation",
    "doc.procedure.dialogue-competitif": "dialogue compétitif",
    "doc.procedure.sans-publicite-ni-mise-en-concurrence": (
        "marché sans publicité ni mise en concurrence préalables"
    ),
    "doc.letter.procedure": "Procédure : {procedure}.",
    # the reports' method part: the procedure and the articles the letters cite for it
    "doc.report.procedure.heading": "Procédure",
    "doc.report.procedure.adapted": (
        "Procédure : {procedure}. Les candidats dont l'offre est rejetée en sont informés selon "
        "les articles R2181-1 et R2181-2 du code de la commande publique."
    ),
    "doc.report.procedure.formalised": (
        "Procédure : {procedure}. Les candidats dont l'offre est rejetée en sont informés selon "
        "les articles R2181-1, R2181-3 et R2181-4 du code de la commande publique."
    ),
    "doc.report.standstill": (
        "Procédure formalisée : le marché ne peut être signé qu'à l'expiration du délai de "
        "suspension de l'article R2182-1 du code de la commande publique, soit 11 jours à compter "
        "de l'envoi des lettres de rejet (16 jours si elles ne sont pas envoyées par voie "
        "électronique) ; les lettres donnent la date à compter de laquelle il peut être signé."
    ),
    "doc.letter.ranked_offers": "{n} {n:offre admissible|offres admissibles}",
    "doc.letter.sent_by.electronic": "par voie électronique",
    "doc.letter.sent_by.registered-mail": "par lettre recommandée avec accusé de réception",
    "doc.letter.sent_by.hand": "en main propre contre récépissé",
    # R2182-1: 11 days from the sending, 16 when not sent electronically, counted from date to
    # date (CE, 2 août 2011, n° 347526): sent on 28 December, signed from 13 January (16 days)
    "doc.letter.standstill.rejection": (
        "Conformément à l'article R2182-1 du code de la commande publique, le marché ne sera pas "
        "signé avant l'expiration d'un délai de {days} jours à compter de l'envoi de la présente "
        "lettre, envoyée {sending} le {sent} : il est susceptible d'être signé à compter du "
        "{signature}."
    ),
    "doc.letter.standstill.award": (
        "Conformément à l'article R2182-1 du code de la commande publique, les autres candidats "
        "sont informés du rejet de leur offre le {sent} ; le marché ne sera pas signé avant "
        "l'expiration d'un délai de {days} jours à compter de cet envoi, soit au plus tôt le "
        "{signature}."
    ),
    "doc.letter.request.adapted": (
        "Vous pouvez obtenir, sur demande écrite, des précisions sur les motifs du rejet de votre "
        "offre ; elles vous seront communiquées dans un délai de quinze jours à compter de la "
        "réception de votre demande (article R2181-2 du code de la commande publique)."
    ),
    "doc.letter.request.formalised": (
        "Si votre offre n'a été écartée ni comme irrégulière, ni comme inacceptable, ni comme "
        "inappropriée, vous pouvez demander par écrit les caractéristiques et les avantages de "
        "l'offre retenue ; ils vous seront communiqués dans les meilleurs délais et au plus tard "
        "quinze jours à compter de la réception de votre demande (article R2181-4 du code de la "
        "commande publique)."
    ),
    "doc.letter.appeals": (
        "Voies et délais de recours (article R421-5 du code de justice administrative) : si "
        "vous estimez que les obligations de publicité et de mise en concurrence n'ont pas été "
        "respectées, vous pouvez saisir le tribunal administratif compétent :\n\n"
        "- d'un référé précontractuel (articles L551-1 et suivants du code de justice "
        "administrative), jusqu'à la signature du marché ; ce recours doit être notifié à "
        "l'acheteur (article R551-1 du même code) ;\n"
        "- d'un référé contractuel (articles L551-13 et suivants du même code), après la "
        "signature du marché, au plus tard le trente et unième jour suivant la publication d'un "
        "avis d'attribution au Journal officiel de l'Union européenne, ou, à défaut d'un tel "
        "avis, dans les six mois à compter du lendemain de la conclusion du marché (article "
        "R551-7 du même code) ;\n"
        "- d'un recours en contestation de la validité du marché (Conseil d'État, Assemblée, "
        "4 avril 2014, Département de Tarn-et-Garonne, n° 358994), dans un délai de deux mois "
        "à compter de l'accomplissement des mesures de publicité appropriées de sa conclusion."
    ),
    "doc.letter.offer.variant": "Cette lettre porte sur votre variante « {variant} ».",
    "doc.letter.pse.single": (
        "Les prix comparés sont ceux des offres de base augmentés de la prestation "
        "supplémentaire éventuelle retenue : {pse}."
    ),
    "doc.letter.pse.several": (
        "Les prix comparés sont ceux des offres de base augmentés des prestations "
        "supplémentaires éventuelles retenues : {pse}."
    ),
    "doc.letter.pse.none": (
        "Aucune prestation supplémentaire éventuelle n'est retenue : les prix comparés sont "
        "ceux des offres de base."
    ),
    "doc.letter.offer.round": (
        "Cette lettre porte sur votre offre finale, remise au tour {round} de la négociation."
    ),
    "doc.letter.offer.variant_round": (
        "Cette lettre porte sur votre variante « {variant} », dans sa version finale remise au "
        "tour {round} de la négociation."
    ),
    # the status of an offer in the Code's words (art. L2152-1 to L2152-4)
    "doc.letter.status.admissible": "Votre offre est **régulière, acceptable et appropriée**",
    "doc.letter.status.late": "Votre offre est parvenue **hors délai**",
    "doc.letter.status.incomplete": "Votre offre est **irrégulière**",
    "doc.letter.status.irregular": "Votre offre est **irrégulière**",
    "doc.letter.status.over_cap": "Votre offre est **inacceptable**",
    "doc.letter.status.unacceptable": "Votre offre est **inacceptable**",
    "doc.letter.status.inappropriate": "Votre offre est **inappropriée**",
    "doc.letter.status.below_threshold": (
        "Votre offre est **éliminée** par un seuil annoncé au règlement de la consultation"
    ),
    "doc.letter.status.invalid": "Votre offre n'a **pas pu être évaluée**",
    "doc.letter.ranked_of": (
        "elle a été classée {rank} sur {n} {n:offre admissible|offres admissibles}"
    ),
    "doc.letter.not_ranked_clause": "elle n'a cependant pas été classée",
    "doc.letter.not_retained": (
        "Votre offre n'a pas été retenue car elle n'est pas l'offre économiquement la plus "
        "avantageuse au regard des critères d'attribution annoncés dans les documents de la "
        "consultation (article L2152-7 du code de la commande publique)."
    ),
    "doc.letter.consequence.late": (
        "Les offres reçues hors délai sont éliminées : votre offre n'a donc été ni notée ni "
        "classée."
    ),
    "doc.letter.consequence.rejected": (
        "Les offres irrégulières ou inacceptables sont écartées (article L2152-1 du code de la "
        "commande publique) : votre offre n'a donc pas été classée."
    ),
    "doc.letter.consequence.inappropriate": (
        "Les offres inappropriées sont écartées (article L2152-1 du code de la commande "
        "publique) : votre offre n'a donc pas été classée."
    ),
    "doc.letter.consequence": "Votre offre n'a donc pas été classée.",
    "doc.letter.consequence.threshold": (
        "Le règlement de la consultation annonce que les offres qui n'atteignent pas ce seuil "
        "sont éliminées : votre offre n'a donc pas été classée."
    ),
    "doc.letter.ranking.threshold": (
        "Votre offre a été notée, mais elle n'atteint pas un seuil éliminatoire annoncé au "
        "règlement de la consultation : elle n'a donc reçu ni points prix, ni total, ni rang. "
        "Ses points et ceux de l'offre retenue sont indiqués ci-dessous."
    ),
    "doc.letter.ranking.none": (
        "Votre offre ayant été écartée, elle n'a été ni notée ni classée. Les notes de l'offre "
        "retenue sont indiquées pour information."
    ),
    "doc.letter.ranking": (
        "Votre offre a obtenu {total} points sur {maximum} et a été classée {rank}{tied} sur "
        "{n} {n:offre admissible|offres admissibles}."
    ),
    "doc.letter.tied": " ex æquo",
    "doc.letter.ranking.tie": (
        " Elle était à égalité exacte de points ({total}) avec {others} ; selon la règle de "
        "départage des ex æquo, l'ordre a été fixé par les points obtenus sur le critère "
        "« {criterion} »."
    ),
    "doc.letter.others.one": "une autre offre",
    "doc.letter.others.other": "{n} autres offres",
    "doc.letter.col.max": "Points max",
    "doc.letter.col.yours": "Votre offre",
    "doc.letter.col.retained": "Offre retenue",
    "doc.letter.comments": "Appréciation du jury sur {whose} :",
    "doc.letter.your_offer": "votre offre",
    "doc.letter.retained_offer": "l'offre retenue",
    "doc.letter.advantages": (
        "Caractéristiques et avantages relatifs de l'offre retenue : elle a obtenu {theirs} "
        "points contre {ours} pour votre offre, soit {gap} {gap:point|points} au total."
    ),
    "doc.letter.advantages_tied": (
        "Caractéristiques et avantages relatifs de l'offre retenue : elle a obtenu le même "
        "total que votre offre, {total} points ; la règle de départage des ex æquo annoncée "
        "l'a placée devant la vôtre."
    ),
    "doc.letter.gap_item": (
        "{criterion} : {theirs} points contre {ours} pour votre offre, soit {gap} "
        "{gap:point|points}"
    ),
    "doc.letter.level_item": "{criterion} ({points} points)",
    "doc.letter.ahead": "L'offre retenue a obtenu plus de points que la vôtre sur :",
    "doc.letter.behind": "Votre offre a obtenu plus de points que l'offre retenue sur :",
    "doc.letter.level": "Les deux offres ont obtenu autant de points sur {criteria}.",
    "doc.letter.gaps_rounded": (
        "Les écarts sont calculés sur les points exacts, puis arrondis au centième."
    ),
    # ---- the OCDS release ----
    "doc.ocds.criteria": (
        "Critères pondérés : {weights}. Total sur {total} points. Classement sur les valeurs "
        "exactes ; points et totaux publiés arrondis au centième (au demi supérieur)."
    ),
    "doc.ocds.weight": "{criterion} : {weight} %",
    "doc.ocds.tie_break": " Égalité exacte départagée par les points du critère : {criteria}.",
    "doc.ocds.price_criterion": "Notation {formula} sur le prix {basis} ; {maximum} points au plus",
    "doc.ocds.parent_criterion": (
        "Sous-critères notés par le jury, dont les points s'additionnent : {items} ; "
        "{maximum} points au plus"
    ),
    "doc.ocds.words_criterion": (
        "Appréciation du jury ({words}), convertie en points ; {maximum} points au plus"
    ),
    "doc.ocds.threshold": (
        " ; seuil éliminatoire annoncé au règlement de la consultation : {min_points} points"
    ),
    "doc.ocds.marks_criterion": (
        "Note du jury de 0 à {scale}, convertie en points ; {maximum} points au plus"
    ),
    "doc.ocds.note.provisional-ranking": (
        "Lot {lot} : classement provisoire (des offres n'ont pas pu être évaluées), aucune "
        "attribution publiée."
    ),
    "doc.ocds.note.no-admissible-offer": (
        "Lot {lot} : aucune offre admissible, aucune attribution publiée."
    ),
    "doc.ocds.note.unbroken-tie": (
        "Lot {lot} : égalité exacte au premier rang que les critères de départage ne tranchent "
        "pas, aucune attribution publiée."
    ),
    "doc.ocds.no_award": "Lot {lot} : aucune attribution ({note}).",
    "doc.ocds.unplaced": (
        "Offres dont le lot n'a pas pu être lu (lignes {rows}) : publiées comme offres sans "
        "lot, non évaluées."
    ),
}
