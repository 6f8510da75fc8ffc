"""French texts: explain: one offer, step by step."""

MESSAGES: dict[str, str] = {
    # explain : une offre pas à pas
    "ex.heading": "Lot {lot} — {title} : {candidate} (ligne {row}, {rank})",
    "ex.heading.rank": "rang {rank}",
    "ex.what.day_rate": "coût journalier",
    "ex.what.days": "nombre de jours",
    "ex.what.amount": "montant HT",
    "ex.price_ht.lump_sum": (
        "Prix HT = le montant forfaitaire indiqué dans l'offre{where} = {value}"
    ),
    "ex.pse.ht": (
        "Prix comparé HT = prix de l'offre de base + PSE retenues = {base} + {parts} = {value}"
    ),
    "ex.pse.ttc": " ; TTC = {base} + {parts} = {value}",
    "ex.pse.lines": (
        "PSE {pse} (« {label} ») = somme de ses {count} {count:ligne|lignes}, chacune arrondie "
        "au centime (le demi-centime étant arrondi au centime supérieur) = {value}"
    ),
    "ex.pse.none": "Aucune PSE n'est retenue : le prix comparé est celui de l'offre de base",
    "ex.pse.unknown": "Prix comparé inconnu : une PSE retenue n'a pas de montant",
    "ex.pse.left": " ; non retenues : {left}",
    "ex.what.either": "coût journalier ou nombre de jours",
    "ex.no_column": "pas de colonne",
    "ex.price_ht.unknown": (
        "Prix HT impossible à calculer, faute de valeur lisible pour : {cells}."
    ),
    "ex.price_ttc.no_ht": "Prix TTC impossible à calculer sans le prix HT.",
    "ex.price_ht": "Prix HT = coût journalier HT × nombre de jours = {rate} × {days} = {value}",
    "ex.rounded": (
        "{exact}, arrondi au centime (le demi-centime étant arrondi au centime "
        "supérieur) : {rounded}"
    ),
    "ex.price_ht.stated": " (le prix HT indiqué dans l'offre, {stated}, concorde)",
    "ex.price_ttc.no_vat": (
        "Prix TTC impossible à calculer : le taux de TVA{where} est illisible, et un "
        "taux illisible n'est jamais remplacé par le taux par défaut."
    ),
    "ex.vat.offer_cell": "taux indiqué dans l'offre (cellule {cell})",
    "ex.vat.offer": "taux indiqué dans l'offre",
    "ex.vat.empty_cell": " (cellule {cell} vide)",
    "ex.vat.default": (
        "taux par défaut de la consultation (vat_rate dans {file}), l'offre n'en "
        "indiquant aucun{empty}"
    ),
    "ex.vat.exempt": "exonéré de TVA (0\u00a0%)",
    "ex.percent": "{value}\u00a0%",  # a rate as a percentage: 20 %, 5.5 %
    "ex.vat.rate": "TVA {rate}",
    "ex.price_ttc": (
        "Prix TTC = prix HT × (1 + TVA) = {ht} × (1 + {rate}) = {value} ; {shown}, {origin}."
    ),
    "ex.cap.unknown": ("Contrôle du montant maximum : impossible, le prix est inconnu."),
    "ex.cap.within": (
        "{price} ≤ {cap} : dans la limite du montant maximum, avec une marge de {margin}"
    ),
    "ex.cap.over": "{price} > {cap} : dépasse le montant maximum de {excess}",
    "ex.cap": ("Contrôle du prix {basis} au regard du montant maximum {basis} du lot : {verdict}."),
    "ex.head": "Critère « {id} » (pondération {weight}\u00a0%, au plus {top} points{exact})",
    "ex.head.tree": (
        "Critère « {label} »{within} (pondération {weight}\u00a0%, au plus {top} points{exact})"
    ),
    "ex.head.within": ", sous-critère de « {parent} »",
    "ex.parent": "{head} = la somme de ses sous-critères : {parts} = {points}",
    "ex.parent.none": "{head} : un sous-critère n'a pas de points, il n'en a donc pas non plus.",
    # les tours de négociation d'une offre
    "ex.round.earlier": "Tour {round} (ligne {row}) : {status}",
    "ex.round.price": ", prix {price} HT",
    "ex.round.rank": ", total {total}, rang {rank} parmi les offres du lot à ce tour",
    "ex.round.final": (
        "Cette offre est celle du tour {round} (ligne {row}), le dernier : c'est elle qui est "
        "évaluée"
    ),
    "ex.round.regularised": (
        "Irrégulière ou inacceptable à un tour précédent, elle ne l'est plus au dernier : "
        "régularisée au cours de la négociation (art. R2152-1 du Code de la commande publique)"
    ),
    "ex.exactly": " (exactement {value})",
    "ex.mark.eliminated": " (le jury ne note pas une offre déjà écartée)",
    "ex.mark.none": "{head} : pas de note{why}, donc pas de points.",
    "ex.mark": "{head} : note {mark}{origin} / {scale} × {top} = {points}",
    "ex.mark.word": (
        "{head} : «\u00a0{word}\u00a0» ({mark}/{scale}){origin}, soit {mark} / {scale} × {top} "
        "= {points}"
    ),
    "ex.mark.evaluator_word": "{who} «\u00a0{word}\u00a0» ({mark})",
    "ex.threshold.met": (
        "Seuil éliminatoire annoncé au règlement de la consultation pour «\u00a0{label}\u00a0» : "
        "{min} points ; {points} ≥ {min} : atteint"
    ),
    "ex.threshold.missed": (
        "Seuil éliminatoire annoncé au règlement de la consultation pour «\u00a0{label}\u00a0» : "
        "{min} points ; {points} < {min} : non atteint, l'offre est donc éliminée"
    ),
    "ex.threshold.unknown": (
        "Seuil éliminatoire annoncé au règlement de la consultation pour «\u00a0{label}\u00a0» : "
        "{min} points ; faute de points, il ne peut pas être vérifié"
    ),
    "ex.mark.not_ranked": " ; à titre indicatif, l'offre n'étant pas classée",
    "ex.mark.comment": " ; appréciation du jury : «\u00a0{comment}\u00a0»",
    "ex.mark.evaluators": " ({how} des notes des évaluateurs : {listed})",
    "ex.aggregate.mean": "moyenne",
    "ex.aggregate.median": "médiane",
    "ex.cell": " (cellule {cell})",
    "ex.price_points.none": (
        "{head} : pas de points prix ; seules les offres admissibles du lot {lot} "
        "reçoivent des points prix, un total et un rang, or cette offre a le statut "
        "«\u00a0{status}\u00a0»."
    ),
    "ex.linear_all": (
        "{top} × 1 (Pmax = Pmin = {pmin} : chaque offre admissible obtient la totalité des points)"
    ),
    "ex.pmin": (
        "Pmin = {pmin} est le prix {basis} le plus bas "
        "{count:de l'offre admissible|des {count} offres admissibles}"
    ),
    "ex.pmax": ", Pmax = {pmax} le plus élevé",
    "ex.pmin_is_this": " (Pmin est le prix de cette offre)",
    "ex.price_points": (
        "{head}, méthode {formula} sur le prix {basis} : {expression} = {points} ; {used}"
    ),
    "ex.vat_mix": " ; les taux de TVA diffèrent d'une offre à l'autre ({rates})",
    "ex.total": "Total = {parts} = {total}",
    "ex.total.rounded": (
        " ; le total est la somme des points exacts, il diffère donc de la somme des "
        "points arrondis ({sum})"
    ),
    "ex.rank": (
        "Rang {rank} sur {count} {count:offre admissible|offres admissibles} du lot {lot}, par "
        "total exact décroissant."
    ),
    "ex.where.just_above": "classée juste au-dessus",
    "ex.where.just_below": "classée juste en dessous",
    "ex.where.first_just_above": "classée première, juste au-dessus",
    "ex.where.first": "classée première",
    "ex.where.same": "au même rang",
    "ex.gap.first": "Offre classée première : écart avec la première {zero}.",
    "ex.gap.lead": (
        "Avance sur {other}, {where} (rang {rank}, total {total}) : {high} − {low} = "
        "{gap} points{exact}, écart des totaux exacts arrondi au centième"
    ),
    "ex.gap.behind": (
        "Écart avec {other}, {where} (rang {rank}, total {total}) : {high} − {low} = "
        "{gap} points{exact}, écart des totaux exacts arrondi au centième"
    ),
    "ex.gap.naive": " (la différence des totaux arrondis donnerait {naive})",
    "ex.gap.same_total": " : même total, voir l'égalité",
    "ex.tie": "Égalité exacte à {total} points avec {names}",
    "ex.tie.none": " : aucun critère de départage (tie_break) n'est prévu",
    "ex.tie.rule": " ; départage (tie_break) : {rule}",
    "ex.this_offer": "cette offre",
    "ex.tie.decided": "départagées par les points du critère {criterion} ({listed})",
    "ex.tie.equal": "points du critère {criterion} égaux ({value})",
    "ex.tie.compared": " : {compared}",
    "ex.semicolon": " ; ",
    "ex.tie.undecided": " : le départage ne les sépare pas",
    "ex.tie.ranks": " ; rangs : {ranks}",
    "ex.tie.shared": " ; cette offre est classée ex æquo au rang {rank}",
    "ex.hierarchy.head": "Critère « {id} » ({ordinal} dans la hiérarchie)",
    "ex.unknown": "inconnu",
    "ex.hierarchy.price": (
        "{head} : comparaison sur le prix {basis}, {shown}, le plus bas passant en premier."
    ),
    "ex.hierarchy.no_mark": "{head} : pas de note.",
    "ex.hierarchy.mark": (
        "{head} : note {mark}{origin} / {scale}, la plus haute passant en premier."
    ),
    "ex.hierarchy.mark.word": (
        "{head} : «\u00a0{word}\u00a0» ({mark}/{scale}){origin}, la note la plus haute passant "
        "en premier."
    ),
    "ex.hierarchy.not_ranked": (
        "Offre non classée : seules les offres admissibles du lot {lot} sont "
        "comparées, or cette offre a le statut «\u00a0{status}\u00a0»."
    ),
    "ex.hierarchy.rank": (
        "Rang {rank} sur {count} {count:offre admissible|offres admissibles} du lot {lot} "
        "(critères "
        "hiérarchisés, sans points ni total) : les critères sont comparés l'un après "
        "l'autre, dans l'ordre indiqué."
    ),
    "ex.compare": "Comparaison avec {other}, {where} (rang {rank}) : ",
    "ex.compare.each": "{id} ({shown} chacune)",
    "ex.compare.equal_on": "égalité sur {equal} ; ",
    "ex.compare.decided": "sur {id}, {mine} contre {theirs} : {ahead} passe en premier{lower}.",
    "ex.compare.lower_price": " (prix plus bas)",
    "ex.compare.all_equal": (
        "égalité sur chaque critère, {equal} : elles sont classées ex æquo au rang {rank}."
    ),
    "ex.award.none": "Pas d'attribution pour le lot {lot} : {note}.",
    "ex.award.this": "Attribution du lot {lot} : cette offre (rang {rank}){note}",
    "ex.award.other": (
        "Attribution du lot {lot} : {candidate} (rang {rank}){note}, et non cette offre"
    ),
    "ex.award.limit": (
        " ; un même candidat peut se voir attribuer au plus {limit} {limit:lot|lots} "
        "(max_lots_per_candidate)"
    ),
    "ex.status.admissible": (
        "Offre admissible : {reception} ; {documents} ; prix dans la limite du montant "
        "maximum : offre classée."
    ),
    "ex.status.excluded": (
        "Statut «\u00a0{status}\u00a0» : offre non classée, donc ni points prix, ni total, ni "
        "rang (une offre prend le premier statut qui s'applique, dans l'ordre : "
        "{order})."
    ),
    "ex.reason": "Motif {name} : {line}.",
    "ex.reception.no_deadline": "aucune date limite n'est fixée",
    "ex.reception.no_round_deadline": "aucune date limite n'est fixée pour le tour {round}",
    "ex.reception.round_limit": "{limit}, celle du tour {round}",
    "ex.reception.end_of_day": "{when} inclus",
    "ex.reception.no_date": "date de réception non indiquée (date limite : {limit})",
    "ex.reception.no_time": "reçue le {when} sans heure, la date limite étant le {limit}",
    "ex.reception.in_time": "reçue le {when}, dans le délai (date limite : {limit})",
    "ex.documents.none": "aucune pièce n'est exigée",
    "ex.documents.all": "toutes les pièces exigées sont fournies ({documents})",
    "ex.lot_warning": "Avertissement {code} sur l'ensemble du lot : {message}",
    "ex.warning": "Avertissement {code}{cell} : {message}",
    "ex.price_ht.no_lines": (
        "Prix HT impossible à calculer : l'offre ne chiffre pas toutes les lignes du lot dans "
        "la feuille des prix."
    ),
    "ex.price_ht.schedule": (
        "Prix HT = somme des {count} lignes du bordereau, chacune prix unitaire × quantité "
        "arrondie au centime (au plus proche, la moitié vers le haut) = {value}"
    ),
    "ex.price_ht.dpgf": "Prix HT = somme des {count} lignes de la DPGF = {value}",
    "ex.line.schedule": "Ligne {line} ({label}) : {price} × {quantity}{unit} = {value}",
    "ex.line.dpgf": "Ligne {line} ({label}) : {amount}",
    "ex.line.stated": " (le montant indiqué, {stated}, concorde)",
    "ex.line.stated_differs": (
        " (le montant indiqué, {stated}, n'est pas prix unitaire × quantité : il explique "
        "l'erreur matérielle)"
    ),
    "ex.stated_total": "Le total HT indiqué dans l'offre, {stated}, concorde",
    "ex.arith.schedule.unit_price": (
        "Erreur matérielle : l'offre indique un total HT de {stated}, ses lignes font "
        "{recomputed} ; les prix unitaires prévalent, l'offre est donc "
        "évaluée sur {price}"
    ),
    "ex.arith.schedule.stated_total": (
        "Erreur matérielle : l'offre indique un total HT de {stated}, ses lignes font "
        "{recomputed} ; le total indiqué prévaut, l'offre est donc "
        "évaluée sur {price}"
    ),
    "ex.arith.dpgf.unit_price": (
        "Erreur matérielle : l'offre indique un montant forfaitaire HT de {stated}, ses lignes "
        "font {recomputed} ; les lignes prévalent, l'offre est donc "
        "évaluée sur {price}"
    ),
    "ex.arith.dpgf.stated_total": (
        "Erreur matérielle : l'offre indique un montant forfaitaire HT de {stated}, ses lignes "
        "font {recomputed} ; le montant forfaitaire indiqué prévaut, "
        "l'offre est donc évaluée sur {price}"
    ),
}
